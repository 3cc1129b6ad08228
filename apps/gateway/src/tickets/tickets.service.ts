import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { DomainError, subjectOfReference, type Actor, type TicketCommand, type TicketState } from '@caseflow/domain';
import { CUSTOMER_DIRECTORY, type CustomerDirectory } from '@caseflow/directory';
import type { DataSubjects } from '@caseflow/event-store';
import { DATA_SUBJECTS, PERSONAL_REFERENCES, type PersonalReferences } from '@caseflow/persistence';
import { inScope } from '@caseflow/identity';
import { TEMPORAL_CONFIG, type TemporalConfig } from '@caseflow/temporal';
import {
  domainErrorFromFailure,
  searchAttributes,
  TICKET_WORKFLOW_TYPE,
  ticketSummary,
  ticketCommandUpdate,
  ticketViewQuery,
  type TicketView,
  type TicketWorkflow,
} from '@caseflow/contract';
import type { TicketCommandDto } from './ticket-command.dto';
import type { CreateTicketDto } from './create-ticket.dto';
import { isTicketNumber } from './ticket-number';
import { TicketNumbersService } from './ticket-numbers.service';
import { actorOf, TicketAccess, ticketNotFound, type Caller } from '../auth';
import { RequiredIntake } from '../customers/required-intake';
import type { IdempotentRequest } from '../idempotency';
import { TemporalCalls } from '../availability';

@Injectable()
export class TicketsService {
  constructor(
    private readonly temporalCalls: TemporalCalls,
    @Inject(TEMPORAL_CONFIG) private readonly temporal: TemporalConfig,
    private readonly numbers: TicketNumbersService,
    private readonly access: TicketAccess,
    @Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory,
    private readonly requiredIntake: RequiredIntake,
    @Inject(PERSONAL_REFERENCES) private readonly references: PersonalReferences,
    @Inject(DATA_SUBJECTS) private readonly subjects: DataSubjects,
  ) {}

  /**
   * A customer contact opens in their own name; staff (phone intake) name the requester. The
   * workflow gets the requester, title, description and intake texts as references into the
   * personal-data vault, sealed under the requester's subject key (docs/codec.md): none of them
   * enters Temporal. Under an Idempotency-Key the number is the key's: a retry starts the same
   * workflow id, which Temporal refuses to start twice, so a retried open never opens a second ticket.
   */
  async open(dto: CreateTicketDto, caller: Caller, idempotency?: IdempotentRequest): Promise<{ number: string }> {
    const requester = caller.role === 'customer' ? (caller.email as string) : dto.requester;
    if (!requester) throw requesterRequired();
    if (!(await this.directory.get(dto.customerId))) throw customerNotFound(dto.customerId);
    await this.requiredIntake.check(dto);
    if (dto.relatedTo) await this.requireExisting(dto.relatedTo, caller);
    const allocate = (): Promise<string> => this.numbers.next(new Date());
    const number = idempotency ? await idempotency.resource(allocate) : await allocate();
    const requesterSubject = await this.access.record(number, dto.customerId, requester);
    const input = await this.references.sealOpening({ number, ...dto, requester }, requesterSubject);
    try {
      await this.temporalCalls.bounded((client) =>
        client.workflow.start<TicketWorkflow>(TICKET_WORKFLOW_TYPE, {
          workflowId: number,
          taskQueue: this.temporal.taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          // Temporal UI's line for the ticket: number, customer, severity; never the title or a name.
          staticSummary: ticketSummary({ number, customerId: dto.customerId, severity: dto.severity }),
          typedSearchAttributes: new TypedSearchAttributes([
            { key: searchAttributes.customer, value: dto.customerId },
            { key: searchAttributes.severity, value: dto.severity },
            { key: searchAttributes.phase, value: 'opening' },
          ]),
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        // An earlier attempt under the same key started it: this is the answer it did not deliver.
        if (idempotency) return { number };
        throw new DomainError('TICKET_ALREADY_EXISTS', `ticket ${number} already exists`, { number });
      }
      throw error;
    }
    return { number };
  }

  /**
   * Who acts comes from the token; the access guard has already checked role, scope and contact.
   * A customer acts by subject id, and the command's personal texts go in as references sealed
   * under the requester's subject (everything of a ticket is, as in the audit store).
   */
  async command(
    number: string,
    { command }: TicketCommandDto,
    caller: Caller,
    idempotency?: IdempotentRequest,
  ): Promise<TicketState> {
    const actor = await this.actorFor(caller);
    const subject = await this.requesterSubject(number);
    const sealed = await this.references.sealCommand(command as TicketCommand, subject);
    try {
      // Under an Idempotency-Key the update id is the key's: Temporal runs an update id once per workflow run.
      const state = await this.onTicket(number, (handle) =>
        handle.executeUpdate(ticketCommandUpdate, {
          args: [{ actor, command: sealed }],
          ...(idempotency ? { updateId: idempotency.operationId } : {}),
        }),
      );
      idempotency?.keepSealed(state, subject);
      return await this.opened(state);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const rejected = domainErrorFromFailure(error.cause ?? error, 'COMMAND_REJECTED');
        throw new DomainError(rejected.code, rejected.message, { command: command.type, ...rejected.details });
      }
      throw error;
    }
  }

  private async actorFor(caller: Caller): Promise<Actor> {
    const actor = actorOf(caller);
    return actor.role === 'customer' ? { id: await this.subjects.idFor(actor.id), role: 'customer' } : actor;
  }

  /** From the gateway's owner table; a ticket it does not know (staff may name any) from the workflow. */
  private async requesterSubject(number: string): Promise<string> {
    const owner = isTicketNumber(number) ? await this.access.ownerOf(number) : undefined;
    if (owner) return owner.requesterSubject;
    const view = await this.onTicket(number, (handle) => handle.query(ticketViewQuery));
    if (!('requester' in view)) throw notFound(number);
    return subjectOfReference(view.requester) ?? this.subjects.idFor(view.requester);
  }

  /** Only the ticket's own references (its requester's subject) are opened: one pasted from elsewhere stays a reference. */
  private opened<T extends TicketView>(view: T): Promise<T> {
    const subject = 'requester' in view ? subjectOfReference(view.requester) : undefined;
    return subject ? this.references.open(view, { subject }) : Promise.resolve(view);
  }

  /**
   * A follow-up may reference an earlier ticket (which stays closed, perhaps long gone from
   * Temporal); it must exist and be the caller's to see. Known from the gateway's owner table.
   */
  private async requireExisting(number: string, caller: Caller): Promise<void> {
    const owner = isTicketNumber(number) ? await this.access.ownerOf(number) : undefined;
    if (!owner || !inScope(caller, owner.customerId))
      throw new DomainError('RELATED_TICKET_NOT_FOUND', `relatedTo names no ticket: ${number}`, { field: 'relatedTo' });
  }

  private async onTicket<T>(
    number: string,
    work: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>,
  ): Promise<T> {
    if (!isTicketNumber(number)) throw notFound(number);
    try {
      return await this.temporalCalls.bounded((client) => work(client.workflow.getHandle(number)));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await this.noWorkflow(number);
      throw error;
    }
  }

  /**
   * No running workflow: a ticket the gateway knows has ended (closed, refused, cancelled; its
   * execution perhaps already gone from Temporal) and still reads, so a command is refused as the
   * ticket would refuse it (422); an unknown number is a 404.
   */
  private async noWorkflow(number: string): Promise<DomainError> {
    if (!(await this.access.ownerOf(number))) return notFound(number);
    return new DomainError('COMMAND_REJECTED', `ticket ${number} has ended: it takes no more commands`, { number });
  }
}

const notFound = ticketNotFound;

/** Well-formed (the field is optional: a contact's own address comes from the token), but staff must say who reports. */
const requesterRequired = (): UnprocessableEntityException =>
  new UnprocessableEntityException({
    code: 'REQUESTER_REQUIRED',
    message: 'staff opening a ticket must name the requester',
    field: 'requester',
  });

const customerNotFound = (customerId: string): DomainError =>
  new DomainError('CUSTOMER_NOT_FOUND', `customer ${customerId} is not in the directory`, { customerId });
