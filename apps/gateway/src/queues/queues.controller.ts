import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError } from '@caseflow/domain';
import {
  customerQueueId,
  domainErrorFromFailure,
  prioritizeUpdate,
  queueStateQuery,
  type QueueState,
} from '@caseflow/contract';
import { PERSONAL_REFERENCES, type PersonalReferences } from '@caseflow/persistence';
import { actorOf, Authorize, Caller, DenialLog, TicketAccess } from '../auth';
import { Idempotency, type IdempotentRequest } from '../idempotency';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { TemporalCalls } from '../availability';
import { PRIORITIZE_REASON_MAX, PrioritizeDto } from './prioritize.dto';

const PRIORITIZE_ROUTE = 'POST /v1/customers/:id/queue/prioritize';

/** 003 BPMSoft's sequential queue of a customer: which request is worked on, which wait. */
@ApiTags('customers')
@ApiServiceUnavailableResponse({
  description:
    'Temporal (TEMPORAL_UNAVAILABLE) or the workers (WORKER_UNAVAILABLE) did not answer in time; Retry-After.',
})
@Controller('v1/customers/:id/queue')
export class QueuesController {
  constructor(
    private readonly temporalCalls: TemporalCalls,
    private readonly access: TicketAccess,
    private readonly denials: DenialLog,
    @Inject(PERSONAL_REFERENCES) private readonly references: PersonalReferences,
  ) {}

  @Get()
  @Authorize('queue.read', { customerParam: 'id' })
  @ApiOkResponse({ description: 'The active ticket and the waiting ones, in order (empty when no request is queued).' })
  @ApiErrors({ 404: "No such customer, or not the caller's (code CUSTOMER_NOT_FOUND)." })
  async state(@Param('id') customerId: string): Promise<QueueState> {
    try {
      return await this.temporalCalls.bounded((client) =>
        client.workflow.getHandle(customerQueueId(customerId)).query(queueStateQuery),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { waiting: [] };
      throw error;
    }
  }

  @Post('prioritize')
  @HttpCode(200)
  @Authorize('queue.prioritize', { customerParam: 'id' })
  @ApiOkResponse({ description: 'The queue in its new order.' })
  @ApiErrors({
    404: "No such customer, or not the caller's (code CUSTOMER_NOT_FOUND).",
    422: 'The customer has no queue, or the ticket is not waiting in it (code COMMAND_REJECTED).',
  })
  async prioritize(
    @Param('id') customerId: string,
    @Body() dto: PrioritizeDto,
    @Caller() caller: Caller,
    @Idempotency() idempotency?: IdempotentRequest,
  ): Promise<QueueState> {
    const reason = await this.sealedReason(customerId, dto, caller);
    try {
      return await this.temporalCalls.bounded((client) =>
        client.workflow.getHandle(customerQueueId(customerId)).executeUpdate(prioritizeUpdate, {
          args: [{ ticket: dto.ticket, reason, actor: actorOf(caller) }],
          ...(idempotency ? { updateId: idempotency.operationId } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw new DomainError('COMMAND_REJECTED', `${customerId} has no queue`, { field: 'ticket' });
      if (error instanceof WorkflowUpdateFailedError) {
        const rejected = domainErrorFromFailure(error.cause ?? error, 'COMMAND_REJECTED');
        throw new DomainError(rejected.code, rejected.message, { field: 'ticket', ...rejected.details });
      }
      throw error;
    }
  }

  /** The agreement may name the client's people: it goes to the queue sealed under the ticket's requester (docs/codec.md). */
  private async sealedReason(customerId: string, dto: PrioritizeDto, caller: Caller): Promise<string> {
    const owner = await this.access.ownerOf(dto.ticket);
    if (!owner || owner.customerId !== customerId) {
      // Answered as an unknown ticket is, so nothing tells whether the number exists elsewhere.
      if (owner)
        this.denials.record({ status: 422, reason: 'ticket of another customer', caller, route: PRIORITIZE_ROUTE });
      throw new DomainError('COMMAND_REJECTED', `${dto.ticket} is not waiting in this queue`, { field: 'ticket' });
    }
    return this.references.sealText(dto.reason, owner.requesterSubject, PRIORITIZE_REASON_MAX);
  }
}
