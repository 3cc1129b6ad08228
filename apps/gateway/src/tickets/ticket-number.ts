/** Human-readable ticket numbers, e.g. CF-2026-000123: the year it was opened and a per-year counter. */
export const TICKET_NUMBER_PATTERN = /^CF-\d{4}-\d{6,}$/;

export function formatTicketNumber(year: number, sequence: number): string {
  return `CF-${year}-${String(sequence).padStart(6, '0')}`;
}

export const isTicketNumber = (value: string): boolean => TICKET_NUMBER_PATTERN.test(value);
