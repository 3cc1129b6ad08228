import {
  ApplicationFailure,
  defaultFailureConverter,
  defaultPayloadConverter,
  type ProtoFailure,
} from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DOMAIN_ERROR_CODES, DomainError } from '@caseflow/domain';
import { domainErrorFromFailure, domainErrorToFailure } from './domain-failure';

/** What the client gets back: the failure encoded as it travels (a protobuf Failure), then decoded. */
function acrossTheBoundary(error: Error): unknown {
  const failure: ProtoFailure = defaultFailureConverter.errorToFailure(error, defaultPayloadConverter);
  const wire = temporal.api.failure.v1.Failure.encode(failure).finish();
  return defaultFailureConverter.failureToError(temporal.api.failure.v1.Failure.decode(wire), defaultPayloadConverter);
}

describe('DomainError across the Temporal boundary', () => {
  it.each(DOMAIN_ERROR_CODES)('keeps code %s, message and details on the round trip', (code) => {
    const error = new DomainError(code, `why ${code}`, { field: 'actor.role', phase: 'understand', limits: [1, 2] });
    const failure = domainErrorToFailure(error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: code, message: `why ${code}`, nonRetryable: true });
    const back = domainErrorFromFailure(acrossTheBoundary(failure), 'STORE_CONFLICT');
    expect(back).toBeInstanceOf(DomainError);
    expect({ code: back.code, message: back.message, details: back.details }).toEqual({
      code,
      message: `why ${code}`,
      details: { field: 'actor.role', phase: 'understand', limits: [1, 2] },
    });
  });

  it('keeps an error without details as one without details', () => {
    const back = domainErrorFromFailure(
      acrossTheBoundary(domainErrorToFailure(new DomainError('TICKET_NOT_FOUND', 'no'))),
      'COMMAND_REJECTED',
    );
    expect(back.details).toEqual({});
  });

  it('gives any other failure the fallback code, its message and no details', () => {
    const plain = domainErrorFromFailure(acrossTheBoundary(new Error('still being identified')), 'COMMAND_REJECTED');
    expect(plain).toMatchObject({ code: 'COMMAND_REJECTED', message: 'still being identified', details: {} });
    const foreign = ApplicationFailure.create({
      type: 'ConcurrencyError',
      message: 'stale',
      details: [{ field: 'x' }],
    });
    expect(domainErrorFromFailure(acrossTheBoundary(foreign), 'STORE_CONFLICT')).toMatchObject({
      code: 'STORE_CONFLICT',
      message: 'stale',
      details: {},
    });
    expect(domainErrorFromFailure(undefined, 'COMMAND_REJECTED').code).toBe('COMMAND_REJECTED');
  });
});
