import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface KnownRoute {
  method: string;
  /** Express style: `/v1/tickets/:number`. */
  path: string;
}

interface PathMethods {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * Express under Nest answers 404 for a method a path does not have; HTTP says 405 with `Allow`.
 * Runs before the routes and knows them (`routes` is read on the first request, once the app has
 * them all): a path some route serves, asked with a method none of its routes has, gets 405 in the
 * one error shape; OPTIONS (not a CORS preflight) gets 204 with `Allow`. Any other path goes on (404).
 */
export function methodNotAllowed(routes: () => KnownRoute[]): RequestHandler {
  let known: PathMethods[] | undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    known ??= byPath(routes());
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const matching = known.filter((entry) => entry.pattern.test(path));
    if (matching.length === 0) return next();
    const methods = new Set(matching.flatMap((entry) => [...entry.methods]));
    if (methods.has('ALL') || methods.has(req.method)) return next();
    if (req.method === 'HEAD' && methods.has('GET')) return next();
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) return next();
    const allow = allowHeader(methods);
    res.setHeader('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    res.status(405).json({
      code: 'METHOD_NOT_ALLOWED',
      message: `${req.method} is not allowed on ${path}; allowed: ${allow}`,
      allow: allow.split(', '),
    });
  };
}

function byPath(routes: KnownRoute[]): PathMethods[] {
  const entries = new Map<string, PathMethods>();
  for (const { method, path } of routes) {
    const entry = entries.get(path) ?? { pattern: patternOf(path), methods: new Set<string>() };
    entry.methods.add(method.toUpperCase());
    entries.set(path, entry);
  }
  return [...entries.values()];
}

const patternOf = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split(/(:[A-Za-z0-9_]+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : escape(part)))
      .join('')}$`,
  );

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function allowHeader(methods: Set<string>): string {
  const all = new Set(methods);
  if (all.has('GET')) all.add('HEAD');
  all.add('OPTIONS');
  return [...all].sort().join(', ');
}
