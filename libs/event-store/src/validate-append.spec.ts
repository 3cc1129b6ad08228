import { CONTROL_CHARACTER } from './names';
import type { NewEvent } from './port';
import { CREDENTIAL_FIELD } from './integrity/credentials';
import { validateAppend } from './validate-append';

const event = (over: Partial<NewEvent> = {}): NewEvent => ({
  id: 'e1',
  type: 'NoteAdded',
  data: {},
  metadata: { actor: 'a', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'c' },
  ...over,
});

describe('validateAppend (every adapter)', () => {
  it('accepts a well-formed append', () => {
    expect(() => validateAppend('s', [event()], 3)).not.toThrow();
    expect(() => validateAppend('s', [], 'no_stream')).not.toThrow();
  });

  it.each([
    ['an empty stream id', () => validateAppend('', [event()], undefined), /streamId/],
    ['events that are not an array', () => validateAppend('s', {} as NewEvent[], undefined), /array/],
    ['an empty event id', () => validateAppend('s', [event({ id: '' })], undefined), /non-empty string id/],
    ['a missing type', () => validateAppend('s', [event({ type: '' })], undefined), /needs a type/],
    ['missing metadata', () => validateAppend('s', [event({ metadata: undefined as never })], undefined), /metadata/],
    ['a fractional expectation', () => validateAppend('s', [event()], 1.5), /expectedPosition/],
    ['a negative expectation', () => validateAppend('s', [event()], -1), /expectedPosition/],
  ])('refuses %s', (_, call, message) => {
    expect(call).toThrow(message);
    expect(call).toThrow(expect.objectContaining({ code: 'EVENT_STORE_INVALID' }));
  });

  it('refuses credential-like fields and control characters with their own codes', () => {
    expect(() => validateAppend('s', [event({ data: { password: 'x' } })], undefined)).toThrow(
      expect.objectContaining({ code: CREDENTIAL_FIELD }),
    );
    expect(() => validateAppend('s\u0000', [event()], undefined)).toThrow(
      expect.objectContaining({ code: CONTROL_CHARACTER }),
    );
  });
});
