/** 003: the ticket's side of its customer's queue (`customerQueueWorkflow`). */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getExternalWorkflowHandle, ParentClosePolicy, startChild } from '@temporalio/workflow';
import { customerQueueId, enqueueSignal, releaseSignal } from '@caseflow/contract';
import { customerQueueWorkflow } from './customer-queue.workflow';
import type { TicketRun } from './ticket-run';

/**
 * Starts the customer's queue with this ticket active, or, when the queue already runs, asks for a
 * place in it (the queue answers with a queueTurn signal). True when this ticket is first.
 */
export async function joinCustomerQueue(customerId: string, ticket: string): Promise<boolean> {
  const workflowId = customerQueueId(customerId);
  try {
    await startChild(customerQueueWorkflow, {
      workflowId,
      args: [{ customerId, active: ticket }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    return true;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await getExternalWorkflowHandle(workflowId).signal(enqueueSignal, ticket);
    return false;
  }
}

/** A resolved or cancelled ticket gives its place back (a reopened one is worked on without queueing again). */
export async function releaseQueueTurn(run: TicketRun): Promise<void> {
  run.inQueue = false;
  await getExternalWorkflowHandle(customerQueueId(run.input.customerId)).signal(releaseSignal, run.input.number);
}
