import { BadRequestException } from '@nestjs/common';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** The header's key, checked (400 naming the header); undefined without one. */
export function keyOf(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY.test(key))
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: 'invalid request: Idempotency-Key',
      errors: [{ field: 'Idempotency-Key', rules: { matches: '1–100 letters, digits or . _ : -' } }],
    });
  return key;
}

/**
 * A command's `Idempotency-Key` becomes its Temporal update id: a retry with the same key (after a
 * 503, a timeout, a lost answer) is the same update, so the ticket records it once and answers the
 * retry with the state. Without the header every request is a new update.
 */
export function updateIdOf(key: string | undefined): string | undefined {
  const checked = keyOf(key);
  return checked === undefined ? undefined : `command-${checked}`;
}
