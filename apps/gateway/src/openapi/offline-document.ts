import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { gatewayModule } from '../gateway.app';
import { createOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document without a database or Temporal: Nest's preview mode builds the module graph
 * and reads the controllers but instantiates no provider (nothing connects). What the build writes
 * to docs/openapi.json and what the test compares it with.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    gatewayModule({
      database: { kind: 'pglite' },
      temporal: { address: 'offline:7233', namespace: 'default', taskQueue: 'openapi' } as never,
      auth: { kind: 'embedded', secretFile: '/dev/null', issuer: 'caseflow', audience: 'caseflow' } as never,
    }),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The document as the build writes it: 2-space JSON and a final newline. */
export const formatOpenApiDocument = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
