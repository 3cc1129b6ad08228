import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { unanswered } from './temporal-calls.service';

/** What @grpc/grpc-js rejects a call with: an Error with code, details and metadata. */
const grpcError = (code: number): Error =>
  Object.assign(new Error(`grpc ${code}`), { code, details: 'x', metadata: {} });

describe('which Temporal failures mean "nobody answered"', () => {
  it.each([
    ['a deadline', grpcError(4)],
    ['an unreachable server', grpcError(14)],
    [
      'an unreachable server wrapped by the SDK',
      new ServiceError('Failed to start workflow', { cause: grpcError(14) }),
    ],
    ['an update timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpcError(4) })],
  ])('%s: yes (503)', (_what, error) => {
    expect(unanswered(error)).toBe(true);
  });

  it.each([
    ['a refusal', grpcError(7)],
    ['not found', new ServiceError('no workflow', { cause: grpcError(5) })],
    ['an update the ticket rejected', new WorkflowUpdateFailedError('rejected', undefined)],
    ['a plain error', new Error('boom')],
    ['not an error', 'deadline'],
  ])('%s: no (the caller maps or rethrows it)', (_what, error) => {
    expect(unanswered(error)).toBe(false);
  });
});
