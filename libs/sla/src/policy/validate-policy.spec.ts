import { businessHours, matchTargets, slaPresets, SlaPolicy, validatePolicy } from '..';

const base: SlaPolicy = {
  id: 'p',
  version: 1,
  title: 'p',
  calendars: ['cal'],
  matcher: { kind: 'fixed', targets: { firstResponse: { span: businessHours(1), calendar: 'cal' } } },
};

describe('policy validation', () => {
  it('accepts every preset policy', () => {
    for (const preset of slaPresets)
      for (const policy of preset.policies) expect(() => validatePolicy(policy)).not.toThrow();
  });

  it('names the unknown calendar', () => {
    const policy: SlaPolicy = {
      ...base,
      matcher: { kind: 'fixed', targets: { firstResponse: { span: businessHours(1), calendar: 'other' } } },
    };
    expect(() => validatePolicy(policy)).toThrow(
      'INVALID_POLICY: policy "p" v1: fixed targets first response uses calendar "other", which is not among the policy\'s calendars (cal)',
    );
  });

  it('rejects a non-positive span, a bad warnAt and an incomplete matrix', () => {
    expect(() =>
      validatePolicy({
        ...base,
        matcher: { kind: 'fixed', targets: { firstResponse: { span: businessHours(0), calendar: 'cal' } } },
      }),
    ).toThrow('span must be a positive whole number (got 0)');
    expect(() => validatePolicy({ ...base, warnAt: 1.5 })).toThrow('warnAt must be in (0, 1] (got 1.5)');
    const matrix = { a: { S1: {}, S2: {} }, b: { S1: {} } };
    expect(() =>
      validatePolicy({ ...base, matcher: { kind: 'severityPlan', plans: { A: 'a', B: 'b' }, matrix } }),
    ).toThrow('plan group "b" covers severities S1, but "a" covers S1,S2');
    expect(() => validatePolicy({ ...base, matcher: { kind: 'severityPlan', plans: { C: 'c' }, matrix } })).toThrow(
      'plan "C" maps to "c", which has no row in the matrix',
    );
  });

  it('explains what did not match', () => {
    const policy: SlaPolicy = { ...base, matcher: { kind: 'priority', byPriority: { high: {} } } };
    expect(() => matchTargets(policy, { priority: 'urgent' })).toThrow('unknown priority "urgent"');
  });
});
