import { supratixPreset } from '.';
import { clocksFor, presetContext } from '../../spec/fixtures';

const context = presetContext(supratixPreset);
const policy = supratixPreset.policies[0];

describe('002 SupraTix preset (Europe/Berlin, assumed targets)', () => {
  it('reproduces the assumed table: next business day, updates every 2 business days, resolution in 10', () => {
    const clocks = clocksFor(
      context,
      policy,
      {},
      '2025-03-12T09:00:00Z',
      [{ type: 'firstResponseSent', at: '2025-03-12T10:00:00Z' }],
      '2025-03-12T10:00:00Z',
    );
    expect(clocks.firstResponse?.status).toBe('met');
    expect(clocks.update?.dueAt).toBe('2025-03-14T16:00:00Z');
    expect(clocks.resolution?.dueAt).toBe('2025-03-26T16:00:00Z');
    expect(clocks.resolution?.assumed).toContain('assumed');
  });

  it('opened one minute before Friday close: Monday 17:00 CEST across the DST change', () => {
    expect(
      clocksFor(context, policy, {}, '2025-03-28T15:59:00Z', [], '2025-03-28T15:59:00Z').firstResponse?.dueAt,
    ).toBe('2025-03-31T15:00:00Z');
  });

  it('opened on Good Friday: Easter Monday is skipped too', () => {
    expect(
      clocksFor(context, policy, {}, '2025-04-18T08:00:00Z', [], '2025-04-18T08:00:00Z').firstResponse?.dueAt,
    ).toBe('2025-04-22T15:00:00Z');
  });

  it("waiting for the client's approval pauses updates and resolution, not the first response", () => {
    const clocks = clocksFor(
      context,
      policy,
      {},
      '2025-03-12T09:00:00Z',
      [
        { type: 'pausedAwaitingCustomer', at: '2025-03-12T09:30:00Z' },
        { type: 'resumed', at: '2025-03-13T09:30:00Z' }, // one full business day later
      ],
      '2025-03-13T10:00:00Z',
    );
    expect(clocks.firstResponse?.status).toBe('running');
    expect(clocks.firstResponse?.pausedSeconds).toBe(0);
    expect(clocks.firstResponse?.dueAt).toBe('2025-03-13T16:00:00Z');
    expect(clocks.resolution?.pausedSeconds).toBe(8 * 3600);
    expect(clocks.resolution?.dueAt).toBe('2025-03-27T16:00:00Z');
  });
});
