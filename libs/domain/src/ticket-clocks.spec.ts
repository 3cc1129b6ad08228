import type { SlaClocks, TargetClock } from '@caseflow/sla';
import { slaNextChange } from './ticket-clocks';

const target = (fields: Partial<TargetClock>): TargetClock =>
  ({ status: 'running', warnsAt: null, dueAt: null, ...fields }) as TargetClock;

describe('slaNextChange: what the SLA clocks’ next change is, for the timer’s summary', () => {
  const base = { asOf: '2027-03-11T09:00:00Z', policy: { id: 'p', version: 1 }, classification: { severity: 'S1' } };

  it('names the target and whether it warns or falls due', () => {
    const clocks: SlaClocks = {
      ...base,
      firstResponse: target({ status: 'met', warnsAt: '2027-03-11T08:30:00Z', dueAt: '2027-03-11T09:00:00Z' }),
      update: { ...target({ warnsAt: '2027-03-11T10:30:00Z', dueAt: '2027-03-11T11:00:00Z' }), missedUpdates: 0 },
      nextChangeAt: '2027-03-11T10:30:00Z',
    };
    expect(slaNextChange(clocks)).toEqual({
      at: '2027-03-11T10:30:00Z',
      what: 'SLA: customer update warning (due 2027-03-11T11:00:00Z)',
    });
    expect(slaNextChange({ ...clocks, nextChangeAt: '2027-03-11T11:00:01Z' })).toEqual({
      at: '2027-03-11T11:00:01Z',
      what: 'SLA: customer update due',
    });
  });

  it('has nothing to name when nothing runs', () => {
    expect(slaNextChange(null)).toBeNull();
    expect(slaNextChange({ ...base, nextChangeAt: null })).toBeNull();
  });
});
