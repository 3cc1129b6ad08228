import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '../idempotency/idempotency-key';
import type { DeclaredRoute } from './declared-routes';

export const BEARER_SCHEME = 'bearer';
const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

/** What each kind of route can answer besides its own errors (`@ApiErrors`), whatever its controller says. */
const ANSWERS = {
  everyRoute: {
    429: 'Too many requests from this caller (code RATE_LIMITED, `retryAfterSeconds`; `Retry-After` header).',
  },
  authenticated: {
    401: 'No valid bearer token (code UNAUTHENTICATED; `WWW-Authenticate` says why).',
    403: 'The role may not do this, or the directory says this contact may not act (code ACTOR_NOT_AUTHORIZED).',
    503: 'Tokens cannot be verified now: the issuer’s keys are out of reach (code AUTH_UNAVAILABLE).',
  },
  body: {
    400: 'The body is not JSON (code MALFORMED_JSON) or breaks the schema (code VALIDATION_FAILED, every failing field with its rules).',
    413: 'The body is larger than the gateway accepts (code PAYLOAD_TOO_LARGE, `limit`).',
  },
  query: { 400: 'A query parameter breaks the schema (code VALIDATION_FAILED, every failing field with its rules).' },
  pathParameter: {
    404: 'Nothing at this path for this caller: it does not exist, or belongs to another customer (the same answer).',
  },
  idempotent: {
    400: 'The Idempotency-Key header is malformed (code VALIDATION_FAILED, field Idempotency-Key).',
    409: 'A request with this Idempotency-Key is still running (code IDEMPOTENCY_KEY_IN_FLIGHT); retry later.',
    422: 'This Idempotency-Key was used with another body (code IDEMPOTENCY_KEY_REUSED); nothing done.',
  },
} satisfies Record<string, Record<number, string>>;

/**
 * Makes every operation of the document tell what the gateway answers: the bearer requirement of
 * non-public routes, the Idempotency-Key header of every POST, and every status that the guard,
 * the validation pipe, the body parser, the rate limit and the idempotency store can give, each
 * with the one error shape. A route's own `@ApiErrors` descriptions are kept, the general meaning
 * added. Applies to routes added later without their controllers saying anything.
 */
export function completeErrorResponses(document: OpenAPIObject, routes: DeclaredRoute[]): void {
  for (const route of routes) {
    const operation = document.paths[route.openApiPath]?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    const parameters = (operation.parameters ?? []) as ParameterObject[];
    addAnswers(operation, ANSWERS.everyRoute);
    if (!route.isPublic) {
      operation.security ??= [{ [BEARER_SCHEME]: [] }];
      addAnswers(operation, ANSWERS.authenticated);
    }
    if (operation.requestBody) addAnswers(operation, ANSWERS.body);
    if (parameters.some((p) => p.in === 'query')) addAnswers(operation, ANSWERS.query);
    if (parameters.some((p) => p.in === 'path')) addAnswers(operation, ANSWERS.pathParameter);
    if (route.method === 'POST') {
      operation.parameters = [...parameters, idempotencyKeyParameter()];
      addAnswers(operation, ANSWERS.idempotent);
    }
  }
}

function addAnswers(operation: OperationObject, answers: Record<number, string>): void {
  for (const [status, meaning] of Object.entries(answers)) {
    const existing = operation.responses[status] as ResponseObject | undefined;
    const description = existing?.description?.includes(meaning)
      ? existing.description
      : [existing?.description, meaning].filter(Boolean).join(' Or: ');
    operation.responses[status] = {
      ...existing,
      description,
      content: existing?.content ?? { 'application/json': { schema: { $ref: ERROR_BODY_REF } } },
    };
  }
}

const idempotencyKeyParameter = (): ParameterObject => ({
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the same key (per caller and path, kept 24 hours) with the same body answers the first ' +
    'answer again and does nothing twice. Visible ASCII, 1–255 characters; a UUID is a good key.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN.source },
});
