import { BadRequestException } from '@nestjs/common';
import type { JsonPayload } from '@caseflow/codec';
import type { FieldError } from '../http/validation';

/** Temporal UI sends one event's payloads at a time; a bound keeps one request's work small. */
export const MAX_PAYLOADS = 1000;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function payloadErrors(payload: unknown, at: string): FieldError[] {
  if (!isRecord(payload)) return [{ field: at, rules: { isObject: `${at} must be a payload object` } }];
  const errors: FieldError[] = [];
  for (const name of Object.keys(payload))
    if (name !== 'metadata' && name !== 'data')
      errors.push({ field: `${at}.${name}`, rules: { whitelist: `${at} has only metadata and data` } });
  const base64 = (value: unknown, field: string): void => {
    if (typeof value !== 'string' || !BASE64.test(value))
      errors.push({ field, rules: { isBase64: `${field} must be a base64 string` } });
  };
  if (payload.data !== undefined) base64(payload.data, `${at}.data`);
  if (payload.metadata !== undefined) {
    if (!isRecord(payload.metadata))
      errors.push({ field: `${at}.metadata`, rules: { isObject: `${at}.metadata must map names to base64` } });
    else for (const [name, value] of Object.entries(payload.metadata)) base64(value, `${at}.metadata.${name}`);
  }
  return errors;
}

/** The codec server protocol's body, `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }`, or a 400. */
export function parseCodecRequest(body: unknown): JsonPayload[] {
  const payloads = isRecord(body) ? body.payloads : undefined;
  const errors: FieldError[] = !Array.isArray(payloads)
    ? [{ field: 'payloads', rules: { isArray: 'payloads must be an array of payloads' } }]
    : payloads.length > MAX_PAYLOADS
      ? [{ field: 'payloads', rules: { arrayMaxSize: `payloads must hold at most ${MAX_PAYLOADS}` } }]
      : payloads.flatMap((payload, index) => payloadErrors(payload, `payloads[${index}]`));
  if (errors.length > 0)
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: `invalid codec request: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    });
  return payloads as JsonPayload[];
}
