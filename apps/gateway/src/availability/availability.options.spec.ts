import { availabilityFromEnv } from './availability.options';

describe('availability options from the environment', () => {
  it('reads the three bounds, leaving unset ones to the defaults', () => {
    expect(
      availabilityFromEnv({
        CASEFLOW_TEMPORAL_TIMEOUT_MS: '2500',
        CASEFLOW_RETRY_AFTER_SECONDS: '5',
        CASEFLOW_READY_MAX_LAG: '200',
      }),
    ).toEqual({ temporalTimeoutMs: 2500, retryAfterSeconds: 5, readyMaxLag: 200 });
    expect(availabilityFromEnv({})).toEqual({
      temporalTimeoutMs: undefined,
      retryAfterSeconds: undefined,
      readyMaxLag: undefined,
    });
  });

  it.each(['0', '-1', '1.5', 'ten', ''])('refuses %p, naming the variable', (raw) => {
    expect(() => availabilityFromEnv({ CASEFLOW_TEMPORAL_TIMEOUT_MS: raw })).toThrow(
      `CASEFLOW_TEMPORAL_TIMEOUT_MS must be a positive whole number, got "${raw}"`,
    );
  });
});
