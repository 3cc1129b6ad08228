import { helpdeskIlPreset } from '.';
import { clocksFor, presetContext } from '../../spec/fixtures';

const context = presetContext(helpdeskIlPreset);
const [fixed, quartet] = helpdeskIlPreset.policies;
const answerDue = (openedAt: string) => clocksFor(context, fixed, {}, openedAt, [], openedAt).firstResponse?.dueAt;

describe('004 Israeli helpdesk preset (Asia/Jerusalem, Sun-Thu 08-18, Fri 08-13)', () => {
  it('answers within 15 minutes in the service window', () => {
    expect(answerDue('2025-03-16T08:00:00Z')).toBe('2025-03-16T08:15:00Z'); // Sunday 10:00 IST
  });

  it('opened one minute before Friday close (13:00): due Sunday 08:14', () => {
    expect(answerDue('2025-03-21T10:59:00Z')).toBe('2025-03-23T06:14:00Z');
  });

  it('across the Israeli DST change (Friday 28 March 2025, 02:00 -> 03:00)', () => {
    // Thursday 17:59 IST (UTC+2): 1 minute Thursday, 14 minutes Friday from 08:00 IDT (UTC+3).
    expect(answerDue('2025-03-27T15:59:00Z')).toBe('2025-03-28T05:14:00Z');
  });

  it('on the eve of Yom Kippur (worked 08:00-13:00) the rest waits for Friday', () => {
    // Wednesday 1 Oct 2025 12:55 IDT: 5 minutes on the eve, Thursday is Yom Kippur, Friday 08:10 IDT.
    expect(answerDue('2025-10-01T09:55:00Z')).toBe('2025-10-03T05:10:00Z');
  });

  it('opened on a holiday (Shavuot, Monday 2 June 2025): due Tuesday 08:15', () => {
    expect(answerDue('2025-06-02T07:00:00Z')).toBe('2025-06-03T05:15:00Z');
  });

  it.each([
    [
      'default',
      { service: 'Incident', category: 'Network', item: 'router', impact: 'company-wide' },
      'P1',
      '2025-03-16T12:00:00Z',
    ],
    [
      'default',
      { service: 'Incident', category: 'Printer', item: 'laser', impact: 'team' },
      'P2',
      '2025-03-17T16:00:00Z',
    ],
    [
      'default',
      { service: 'Incident', category: 'Workstation', item: 'laptop', impact: 'management' },
      'P3',
      '2025-03-19T16:00:00Z',
    ],
    [
      'customer-example',
      { service: 'Incident', category: 'Workstation', item: 'laptop', impact: 'management' },
      'P1',
      '2025-03-16T12:00:00Z',
    ],
    [
      'default',
      { service: 'IMAC', category: 'Printer', item: 'install', impact: 'single user' },
      'P4',
      '2025-03-27T16:00:00Z',
    ],
  ])('quartet table %s: %j -> %s, resolution due %s', (customerId, quartetFields, priority, resolutionDue) => {
    // Sunday 16 March 2025 10:00 IST.
    const clocks = clocksFor(
      context,
      quartet,
      { customerId, quartet: quartetFields },
      '2025-03-16T08:00:00Z',
      [],
      '2025-03-16T08:00:00Z',
    );
    expect(clocks.firstResponse?.dueAt).toBe('2025-03-16T08:15:00Z');
    expect(clocks.resolution?.matchedBy).toContain(`priority ${priority}`);
    expect(clocks.resolution?.dueAt).toBe(resolutionDue);
  });

  it("a quartet without the engineer's fourth field falls back to P3", () => {
    const clocks = clocksFor(
      context,
      quartet,
      { quartet: { service: 'Tasks&Requests', category: 'Mail', item: 'alias' } },
      '2025-03-16T08:00:00Z',
      [],
      '2025-03-16T08:00:00Z',
    );
    expect(clocks.resolution?.matchedBy).toBe('no quartet row (fallback) -> priority P3');
  });
});
