import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { DomainError } from '../../../../libs/domain/src';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG, type TemporalConfig } from '../../../../libs/temporal/src';
import { searchAttributes, ticketViewQuery, type TicketView } from '../../../../workflows/definitions';
import type { ticketWorkflow } from '../../../../workflows/ticket.workflow';
import type { CreateTicketDto } from './create-ticket.dto';
import { isTicketNumber } from './ticket-number';
import { TicketNumbersService } from './ticket-numbers.service';

@Injectable()
export class TicketsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_CONFIG) private readonly temporal: TemporalConfig,
    private readonly numbers: TicketNumbersService,
  ) {}

  async open(dto: CreateTicketDto): Promise<{ number: string }> {
    const number = await this.numbers.next(new Date());
    try {
      await this.client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
        workflowId: number,
        taskQueue: this.temporal.taskQueue,
        args: [{ number, ...dto }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: new TypedSearchAttributes([
          { key: searchAttributes.customer, value: dto.customerId },
          { key: searchAttributes.severity, value: dto.severity },
          { key: searchAttributes.phase, value: 'opening' },
        ]),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError('TICKET_ALREADY_EXISTS', `ticket ${number} already exists`, { number });
      }
      throw error;
    }
    return { number };
  }

  async view(number: string): Promise<TicketView> {
    if (!isTicketNumber(number)) throw notFound(number);
    try {
      return await this.client.workflow.getHandle(number).query(ticketViewQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(number);
      throw error;
    }
  }
}

const notFound = (number: string): DomainError =>
  new DomainError('TICKET_NOT_FOUND', `no ticket ${number}`, { number });
