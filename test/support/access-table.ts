import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AccessRow {
  /** e.g. `POST /v1/tickets/{number}/commands classify` */
  key: string;
  /** `METHOD /path` without the command type. */
  route: string;
  /** Column header → cell (`200`, `404`, `✓`, …). */
  cells: Record<string, string>;
}

/** The table between the access-matrix markers of docs/access.md, as the docs show it. */
export function readAccessTable(file = path.join(__dirname, '..', '..', 'docs', 'access.md')): {
  columns: string[];
  rows: AccessRow[];
} {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- access-matrix:start -->');
  const end = text.indexOf('<!-- access-matrix:end -->');
  if (start < 0 || end < start) throw new Error(`${file} has no access-matrix markers`);
  const lines = text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'));
  const split = (line: string): string[] =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  const [header, , ...body] = lines;
  const columns = split(header).slice(1);
  const rows = body.map((line) => {
    const [first, ...cells] = split(line);
    if (cells.length !== columns.length)
      throw new Error(`row "${first}" has ${cells.length} cells, not ${columns.length}`);
    const key = first.replace(/`/g, '').trim();
    return {
      key,
      route: key.split(' ').slice(0, 2).join(' '),
      cells: Object.fromEntries(columns.map((column, i) => [column, cells[i]])),
    };
  });
  return { columns, rows };
}
