import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOpenApiDocument, offlineOpenApiDocument } from './offline-document';

const FILE = path.resolve(__dirname, '../../../../docs/openapi.json');

describe('docs/openapi.json', () => {
  it('is the document the code gives (run `npm run build` and commit docs/openapi.json)', async () => {
    const current = formatOpenApiDocument(await offlineOpenApiDocument());
    expect(fs.readFileSync(FILE, 'utf8')).toBe(current);
  }, 60_000);
});
