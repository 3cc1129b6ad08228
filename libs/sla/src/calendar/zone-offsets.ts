import { EpochSeconds, SECONDS_PER_DAY } from '../time/instant';

/**
 * Reads UTC offsets from the host's ICU data. Compile step only: the result is frozen into the
 * compiled table so that workflows never consult tzdata themselves.
 */
export function offsetReader(timeZone: string): (at: EpochSeconds) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
  return (at) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(at * 1000))) parts[part.type] = part.value;
    const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
    const local =
      Date.UTC(
        year,
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
        Number(parts.second),
      ) / 1000;
    return local - at;
  };
}

/** Offset changes in [from, to) found by daily sampling, each pinned to the exact second. */
export function offsetTransitions(timeZone: string, from: EpochSeconds, to: EpochSeconds): number[] {
  const offsetAt = offsetReader(timeZone);
  const pairs = [from, offsetAt(from)];
  let previous = from;
  let previousOffset = pairs[1];
  for (let probe = from + SECONDS_PER_DAY / 4; probe < to + SECONDS_PER_DAY / 4; probe += SECONDS_PER_DAY / 4) {
    const at = Math.min(probe, to);
    const offset = offsetAt(at);
    if (offset !== previousOffset) {
      let low = previous;
      let high = at; // offsetAt(low) === previousOffset, offsetAt(high) !== previousOffset
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (offsetAt(mid) === previousOffset) low = mid;
        else high = mid;
      }
      pairs.push(high, offset);
      previousOffset = offset;
    }
    previous = at;
  }
  return pairs;
}
