import { SlaError } from '../errors';

/** Whole seconds since 1970-01-01T00:00:00Z: the unit of every SLA computation. */
export type EpochSeconds = number;

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86400;

export function toEpochSeconds(iso: string): EpochSeconds {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new SlaError('INVALID_ARGUMENT', `"${iso}" is not an ISO-8601 instant`);
  return Math.floor(ms / 1000);
}

export function toIsoString(seconds: EpochSeconds): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
