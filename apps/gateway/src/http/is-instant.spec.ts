import { isInstant } from './is-instant';

describe('isInstant (format: date-time)', () => {
  it.each([
    '2026-11-26T12:00:00Z',
    '0093-08-22T21:43:47Z',
    '2024-02-29T23:59:59.123456+05:30',
    '0001-01-01T00:00:00-23:59',
  ])('takes %s', (value) => expect(isInstant(value)).toBe(true));
  it.each([
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-26',
    '2026-11-26T24:00:00Z',
    '2026-11-26T12:00:00',
    'soon',
    42,
  ])('refuses %s', (value) => expect(isInstant(value)).toBe(false));
});
