import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { DomainError, type TicketState } from '@caseflow/domain';
import { CUSTOMER_DIRECTORY, type CustomerDirectory } from '@caseflow/directory';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG, type TemporalConfig } from '@caseflow/temporal';
import {
  domainErrorFromFailure,
  searchAttributes,
  slaClocksQuery,
  TICKET_WORKFLOW_TYPE,
  ticketCommandUpdate,
  ticketViewQuery,
  type TicketView,
  type TicketWorkflow,
} from '@caseflow/contract';
import type { SlaClocks } from '@caseflow/sla';
import type { TicketCommandDto } from './ticket-command.dto';
import type { CreateTicketDto } from './create-ticket.dto';
import { isTicketNumber } from './ticket-number';
import { TicketNumbersService } from './ticket-numbers.service';

@Injectable()
export class TicketsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_CONFIG) private readonly temporal: TemporalConfig,
    private readonly numbers: TicketNumbersService,
    @Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory,
  ) {}

  async open(dto: CreateTicketDto): Promise<{ number: string }> {
    if (dto.relatedTo) await this.requireExisting(dto.relatedTo);
    const number = await this.numbers.next(new Date());
    try {
      await this.client.workflow.start<TicketWorkflow>(TICKET_WORKFLOW_TYPE, {
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

  view(number: string): Promise<TicketView> {
    return this.onTicket(number, (handle) => handle.query(ticketViewQuery));
  }

  clocks(number: string): Promise<SlaClocks | null> {
    return this.onTicket(number, (handle) => handle.query(slaClocksQuery));
  }

  /**
   * The data check the workflow cannot do (it does no I/O in validators): a customer acts only
   * as the ticket's requester or one of the customer's authorized contacts.
   */
  async command(number: string, { actor, command }: TicketCommandDto): Promise<TicketState> {
    const view = await this.view(number);
    if (actor.role === 'customer' && 'customerId' in view) {
      const customer = await this.directory.get(view.customerId);
      const known = [view.requester, ...(customer?.authorizedContacts.map((c) => c.email) ?? [])].map((e) =>
        e.toLowerCase(),
      );
      if (!known.includes(actor.id.toLowerCase())) {
        throw new DomainError(
          'ACTOR_NOT_AUTHORIZED',
          `${actor.id} is neither the requester nor an authorized contact of ${view.customerId}`,
          { field: 'actor.id' },
        );
      }
    }
    try {
      return await this.onTicket(number, (handle) =>
        handle.executeUpdate(ticketCommandUpdate, { args: [{ actor, command }] }),
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const rejected = domainErrorFromFailure(error.cause ?? error, 'COMMAND_REJECTED');
        throw new DomainError(rejected.code, rejected.message, { command: command.type, ...rejected.details });
      }
      throw error;
    }
  }

  /** A follow-up may reference an earlier ticket (which stays closed); it must exist. */
  private async requireExisting(number: string): Promise<void> {
    try {
      await this.view(number);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'TICKET_NOT_FOUND') {
        throw new DomainError('RELATED_TICKET_NOT_FOUND', `relatedTo names no ticket: ${number}`, {
          field: 'relatedTo',
        });
      }
      throw error;
    }
  }

  private async onTicket<T>(
    number: string,
    work: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>,
  ): Promise<T> {
    if (!isTicketNumber(number)) throw notFound(number);
    try {
      return await work(this.client.workflow.getHandle(number));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(number);
      throw error;
    }
  }
}

const notFound = (number: string): DomainError =>
  new DomainError('TICKET_NOT_FOUND', `no ticket ${number}`, { number });
