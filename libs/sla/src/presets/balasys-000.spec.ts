import { balasysPreset } from '.';
import { clocksFor, presetContext } from '../../spec/fixtures';

const context = presetContext(balasysPreset);
const policy = balasysPreset.policies[0];
const wednesday10 = '2025-03-12T09:00:00Z'; // 10:00 CET

describe('000 Balasys preset', () => {
  // The document's table, opened Wednesday 12 March 2025 10:00, first response 10:30.
  it.each([
    ['StandardSU', 'S1', '2025-03-13T16:00:00Z', '2025-03-13T16:00:00Z'], // next business day; daily
    ['StandardSU', 'S2', '2025-03-14T16:00:00Z', '2025-03-19T09:30:00Z'], // 2 business days; weekly
    ['BaseSU', 'S3', '2025-03-19T09:00:00Z', '2025-04-12T08:30:00Z'], // 1 week; monthly (CEST by then)
    ['PrivilegeSU', 'S1', '2025-03-12T11:00:00Z', '2025-03-12T11:30:00Z'], // 2 hours; every 2 hours 24x7
    ['24x7SU', 'S2', '2025-03-13T16:00:00Z', '2025-03-13T16:00:00Z'], // next business day; daily
    ['PrivilegeSU', 'S3', '2025-03-13T16:00:00Z', '2025-03-19T09:30:00Z'], // next business day; weekly
  ])('%s %s: response due %s, next update due %s', (plan, severity, responseDue, updateDue) => {
    const beforeResponse = clocksFor(context, policy, { plan, severity }, wednesday10, [], '2025-03-12T09:10:00Z');
    expect(beforeResponse.firstResponse?.dueAt).toBe(responseDue);
    const afterResponse = clocksFor(
      context,
      policy,
      { plan, severity },
      wednesday10,
      [{ type: 'firstResponseSent', at: '2025-03-12T09:30:00Z' }],
      '2025-03-12T09:40:00Z',
    );
    expect(afterResponse.firstResponse?.status).toBe('met');
    expect(afterResponse.update?.dueAt).toBe(updateDue);
  });

  it('opened one minute before Friday close: next business day is Monday, across the DST change', () => {
    const clocks = clocksFor(
      context,
      policy,
      { plan: 'StandardSU', severity: 'S1' },
      '2025-03-28T15:59:00Z',
      [],
      '2025-03-28T16:30:00Z',
    );
    expect(clocks.firstResponse?.dueAt).toBe('2025-03-31T15:00:00Z'); // Monday 17:00 CEST
    const privileged = clocksFor(
      context,
      policy,
      { plan: 'PrivilegeSU', severity: 'S1' },
      '2025-03-28T15:59:00Z',
      [],
      '2025-03-28T16:30:00Z',
    );
    expect(privileged.firstResponse?.dueAt).toBe('2025-03-28T17:59:00Z'); // 24x7
  });

  it('opened on Good Friday: 2 business days skip Easter Monday', () => {
    const clocks = clocksFor(
      context,
      policy,
      { plan: 'StandardSU', severity: 'S2' },
      '2025-04-18T08:00:00Z',
      [],
      '2025-04-18T09:00:00Z',
    );
    expect(clocks.firstResponse?.dueAt).toBe('2025-04-23T15:00:00Z');
  });

  it('opened Friday afternoon before a transferred working Saturday: due that Saturday', () => {
    const clocks = clocksFor(
      context,
      policy,
      { plan: 'StandardSU', severity: 'S1' },
      '2025-05-16T14:00:00Z',
      [],
      '2025-05-16T14:30:00Z',
    );
    expect(clocks.firstResponse?.dueAt).toBe('2025-05-17T15:00:00Z');
  });

  it('a severity change keeps the original start and re-evaluates the target', () => {
    const clocks = clocksFor(
      context,
      policy,
      { plan: 'StandardSU', severity: 'S1' },
      wednesday10,
      [{ type: 'classificationChanged', at: '2025-03-12T12:00:00Z', classification: { severity: 'S2' } }],
      '2025-03-12T12:00:00Z',
    );
    expect(clocks.firstResponse?.startedAt).toBe(wednesday10);
    expect(clocks.firstResponse?.dueAt).toBe('2025-03-14T16:00:00Z');
    expect(clocks.firstResponse?.matchedBy).toBe('plan StandardSU (standard) x S2');
  });

  it('2-hourly updates stop with the workaround; the lowered severity brings its daily cadence', () => {
    const base = [
      { type: 'firstResponseSent' as const, at: '2025-03-12T10:00:00Z' },
      { type: 'workaroundFound' as const, at: '2025-03-12T11:00:00Z' },
    ];
    const afterWorkaround = clocksFor(
      context,
      policy,
      { plan: 'PrivilegeSU', severity: 'S1' },
      wednesday10,
      base,
      '2025-03-12T11:30:00Z',
    );
    expect(afterWorkaround.update).toBeUndefined();
    const lowered = clocksFor(
      context,
      policy,
      { plan: 'PrivilegeSU', severity: 'S1' },
      wednesday10,
      [...base, { type: 'classificationChanged', at: '2025-03-12T11:05:00Z', classification: { severity: 'S2' } }],
      '2025-03-12T11:30:00Z',
    );
    expect(lowered.update?.dueAt).toBe('2025-03-13T16:00:00Z');
  });
});
