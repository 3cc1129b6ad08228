import { formatTicketNumber, isTicketNumber } from './ticket-number';

describe('ticket numbers', () => {
  it('pads the per-year counter to six digits', () => {
    expect(formatTicketNumber(2026, 123)).toBe('CF-2026-000123');
    expect(formatTicketNumber(2027, 1)).toBe('CF-2027-000001');
  });

  it('keeps growing past a million tickets a year', () => {
    expect(formatTicketNumber(2026, 1_234_567)).toBe('CF-2026-1234567');
    expect(isTicketNumber('CF-2026-1234567')).toBe(true);
  });

  it('recognises only its own format', () => {
    expect(isTicketNumber('CF-2026-000123')).toBe(true);
    for (const other of ['cf-2026-000123', 'CF-26-000123', 'CF-2026-123', 'CF-2026-000123/../x', '']) {
      expect(isTicketNumber(other)).toBe(false);
    }
  });
});
