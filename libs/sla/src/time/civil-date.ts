/**
 * Proleptic Gregorian date arithmetic on day numbers (days since 1970-01-01), so local dates
 * never go through the host's time zone.
 */
export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): CivilDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month))
    return undefined;
  return date;
}

export function formatIsoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function daysFromCivil({ year, month, day }: CivilDate): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

export function civilFromDays(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDateOfDay(dayNumber: number): string {
  return formatIsoDate(civilFromDays(dayNumber));
}
