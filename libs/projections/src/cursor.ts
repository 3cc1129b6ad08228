/** Where a page ended: the last item's opening instant and number (the list's order). */
export interface CursorPosition {
  openedAt: string;
  number: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
  readonly field = 'cursor';
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.openedAt, position.number]), 'utf8').toString('base64url');
}

/** The position an opaque cursor names; InvalidCursorError for anything this module did not write. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !Number.isNaN(Date.parse(value[0]))
    )
      return { openedAt: value[0], number: value[1] };
  } catch {
    // falls through to the refusal
  }
  throw new InvalidCursorError('cursor: not a cursor this list returned');
}
