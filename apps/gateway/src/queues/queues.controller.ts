import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError } from '@caseflow/domain';
import { TEMPORAL_CLIENT } from '@caseflow/temporal';
import { customerQueueId, prioritizeUpdate, queueStateQuery, type QueueState } from '@caseflow/contract';
import { PrioritizeDto } from './prioritize.dto';

/** 003 BPMSoft's sequential queue of a customer: which request is worked on, which wait. */
@ApiTags('customers')
@Controller('v1/customers/:id/queue')
export class QueuesController {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  @Get()
  @ApiOkResponse({ description: 'The active ticket and the waiting ones, in order (empty when no request is queued).' })
  async state(@Param('id') customerId: string): Promise<QueueState> {
    try {
      return await this.client.workflow.getHandle(customerQueueId(customerId)).query(queueStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { waiting: [] };
      throw error;
    }
  }

  @Post('prioritize')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({
    description: 'Not staff, no reason, or the ticket is not waiting (code COMMAND_REJECTED).',
  })
  async prioritize(@Param('id') customerId: string, @Body() dto: PrioritizeDto): Promise<QueueState> {
    try {
      return await this.client.workflow
        .getHandle(customerQueueId(customerId))
        .executeUpdate(prioritizeUpdate, { args: [dto] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw new DomainError('COMMAND_REJECTED', `${customerId} has no queue`, { field: 'ticket' });
      if (error instanceof WorkflowUpdateFailedError)
        throw new DomainError('COMMAND_REJECTED', (error.cause as Error | undefined)?.message ?? error.message, {
          field: 'ticket',
        });
      throw error;
    }
  }
}
