import { netixPreset } from '.';
import { clocksFor, presetContext } from '../../spec/fixtures';

const context = presetContext(netixPreset);
const policy = netixPreset.policies[0];
const firstResponseDue = (openedAt: string, urgency = 3) =>
  clocksFor(context, policy, { urgency }, openedAt, [], openedAt).firstResponse?.dueAt;

describe('001 Netix preset (Asia/Novosibirsk, UTC+7)', () => {
  it.each([1, 2, 3, 4])('urgency %i: a reply within 2 business hours', (urgency) => {
    // Wednesday 2025-03-12 10:00 local -> 12:00 local.
    expect(firstResponseDue('2025-03-12T03:00:00Z', urgency)).toBe('2025-03-12T05:00:00Z');
  });

  it('opened one minute before Friday close: 1 minute Friday, 119 minutes Monday', () => {
    expect(firstResponseDue('2025-03-14T10:59:00Z')).toBe('2025-03-17T03:59:00Z'); // Monday 10:59 local
  });

  it('opened on Russia Day (Thursday) with the transferred Friday off: due Monday 11:00', () => {
    expect(firstResponseDue('2025-06-12T03:00:00Z')).toBe('2025-06-16T04:00:00Z');
  });

  it('works the transferred Saturday 1 November 2025', () => {
    // Friday 17:00 local: 1 hour Friday, 1 hour on the working Saturday.
    expect(firstResponseDue('2025-10-31T10:00:00Z')).toBe('2025-11-01T03:00:00Z');
  });

  it('rejects a ticket without urgency with a clear message', () => {
    expect(() => clocksFor(context, policy, {}, '2025-03-12T03:00:00Z', [], '2025-03-12T03:00:00Z')).toThrow(
      'NO_MATCHING_TARGETS: policy "netix" v1: needs an urgency',
    );
  });
});
