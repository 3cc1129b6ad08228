import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBody, FieldErrorBody } from '../http/error-body';
import { BEARER_SCHEME, completeErrorResponses } from './complete-responses';
import { declaredRoutes } from './declared-routes';
import { applyQueryRules, applyValidatorRules } from './validator-rules';

const CONFIG = new DocumentBuilder()
  .setTitle('Caseflow gateway')
  .setDescription(
    'Support cases as durable Temporal workflows, every step an audited event. Every error answers with ' +
      'the one error shape (ErrorBody); every POST takes an Idempotency-Key (docs/api.md).',
  )
  .setVersion('1')
  .addBearerAuth(
    { type: 'http', scheme: 'bearer', description: 'npm run -s caseflow -- token … (docs/access.md)' },
    BEARER_SCHEME,
  )
  .build();

/**
 * The gateway's OpenAPI document: what Nest's Swagger module reads from the controllers, then made
 * to tell what the code does (validator rules, every status, the bearer requirement, the
 * Idempotency-Key). Served at /docs-json and written to docs/openapi.json by the build.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, CONFIG, { extraModels: [ErrorBody, FieldErrorBody] });
  const routes = declaredRoutes(app);
  applyValidatorRules(document);
  applyQueryRules(document, routes);
  completeErrorResponses(document, routes);
  return document;
}
