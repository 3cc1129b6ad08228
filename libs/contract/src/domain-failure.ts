/**
 * DomainErrors across the Temporal boundary. A workflow that says no (a rejected command) throws
 * the failure; the client gets it back as the `cause` of its WorkflowUpdateFailedError (or
 * WorkflowFailedError) and turns it into the same DomainError: code, message and details.
 */
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isDomainErrorCode, type DomainErrorCode } from '@caseflow/domain';

/** The failure a workflow throws for a DomainError: type = its code, first detail = its details; never retried. */
export function domainErrorToFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    details: [error.details],
  });
}

/**
 * The DomainError a failure carries. Any other failure or error (a workflow bug, a plain Error
 * from a validator) becomes a DomainError with code `otherwise`, its message and no details.
 */
export function domainErrorFromFailure(failure: unknown, otherwise: DomainErrorCode): DomainError {
  if (failure instanceof ApplicationFailure && isDomainErrorCode(failure.type)) {
    const details = failure.details?.[0];
    return new DomainError(failure.type, failure.message, isRecord(details) ? details : {});
  }
  return new DomainError(otherwise, failure instanceof Error ? failure.message : String(failure));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
