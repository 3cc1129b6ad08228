import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError } from '@caseflow/domain';
import {
  customerQueueId,
  domainErrorFromFailure,
  prioritizeUpdate,
  queueStateQuery,
  type QueueState,
} from '@caseflow/contract';
import { actorOf, Authorize, Caller } from '../auth';
import { TemporalCalls } from '../availability';
import { PrioritizeDto } from './prioritize.dto';

/** 003 BPMSoft's sequential queue of a customer: which request is worked on, which wait. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiServiceUnavailableResponse({
  description:
    'Temporal (TEMPORAL_UNAVAILABLE) or the workers (WORKER_UNAVAILABLE) did not answer in time; Retry-After.',
})
@Controller('v1/customers/:id/queue')
export class QueuesController {
  constructor(private readonly temporalCalls: TemporalCalls) {}

  @Get()
  @Authorize('queue.read', { customerParam: 'id' })
  @ApiOkResponse({ description: 'The active ticket and the waiting ones, in order (empty when no request is queued).' })
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
  @ApiUnprocessableEntityResponse({
    description: 'No reason, or the ticket is not waiting (code COMMAND_REJECTED).',
  })
  async prioritize(
    @Param('id') customerId: string,
    @Body() dto: PrioritizeDto,
    @Caller() caller: Caller,
  ): Promise<QueueState> {
    try {
      return await this.temporalCalls.bounded((client) =>
        client.workflow.getHandle(customerQueueId(customerId)).executeUpdate(prioritizeUpdate, {
          args: [{ ticket: dto.ticket, reason: dto.reason, actor: actorOf(caller) }],
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
}
