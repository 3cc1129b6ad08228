import type { CodecAccess } from './codec-access';

export interface CodecServerOptions {
  /** Exact origins of Temporal UI that may call the codec server from the browser. */
  uiOrigins: string[];
  /** The access check; refuseEveryone when absent. */
  access?: CodecAccess;
}

export const DEFAULT_TEMPORAL_UI_PORT = 8233;

export const uiOriginsForPort = (port: number): string[] => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

/**
 * CASEFLOW_CODEC_UI_ORIGINS (comma-separated exact origins), else Temporal UI on this machine at
 * TEMPORAL_UI_PORT (default 8233), by both of its names.
 */
export function codecServerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CodecServerOptions {
  const listed = env.CASEFLOW_CODEC_UI_ORIGINS;
  if (listed !== undefined) {
    const origins = listed
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
    for (const origin of origins)
      if (!/^https?:\/\/[^/\s]+$/.test(origin))
        throw new Error(`CASEFLOW_CODEC_UI_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path)`);
    return { uiOrigins: origins };
  }
  const port = Number(env.TEMPORAL_UI_PORT ?? DEFAULT_TEMPORAL_UI_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`TEMPORAL_UI_PORT must be a port number, got "${env.TEMPORAL_UI_PORT}"`);
  return { uiOrigins: uiOriginsForPort(port) };
}
