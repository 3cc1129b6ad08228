import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOpenApiDocument, offlineOpenApiDocument } from '@caseflow/gateway';

/**
 * Writes the gateway's OpenAPI document to docs/openapi.json (part of `npm run build`), so reviews
 * see every change to the contract; apps/gateway/src/openapi/openapi-file.spec.ts fails when the
 * checked-in file is out of date.
 */
async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? path.join('docs', 'openapi.json'));
  fs.writeFileSync(file, formatOpenApiDocument(await offlineOpenApiDocument()));
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
