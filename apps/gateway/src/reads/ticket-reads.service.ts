import { BadRequestException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ALL_CUSTOMERS, type Caller } from '@caseflow/identity';
import {
  InvalidCursorError,
  TICKET_READ_MODEL,
  type PageRequest,
  type TicketFilter,
  type TicketPage,
  type TicketReadModel,
  type TicketSummary,
  type TimelineAudience,
  type TimelineEntry,
} from '@caseflow/projections';
import { TicketAccess, ticketNotFound } from '../auth';
import { isTicketNumber } from '../tickets/ticket-number';

/** How long a read that asks for `minVersion` waits for the projection before answering with what it has. */
export const READ_YOUR_WRITES_WAIT_MS = 2_000;

/** A ticket whose number is allocated but whose first event the projection has not seen yet. */
export interface OpeningTicket {
  number: string;
  phase: 'opening';
}

/** What a read found, and whether it is older than the version the caller asked for. */
export interface Fresh<T> {
  body: T;
  /** Set when `minVersion` was not reached within the wait: the version the projection had. */
  stale?: { asked: number; had: number };
}

export interface TicketTimeline {
  number: string;
  audience: TimelineAudience;
  entries: TimelineEntry[];
}

/** Staff see internal entries; customer contacts and services (which may relay to customers) see public ones. */
const STAFF_AUDIENCE: ReadonlySet<Caller['role']> = new Set(['engineer', 'manager', 'supervisor', 'auditor']);
export const audienceOf = (caller: Caller): TimelineAudience =>
  STAFF_AUDIENCE.has(caller.role) ? 'staff' : 'customer';

/**
 * Lists, a ticket and its timeline from the projections (TicketReadModel), never from Temporal:
 * they answer for closed tickets, for tickets whose workflow is gone, and with no worker running.
 */
@Injectable()
export class TicketReads {
  constructor(
    @Inject(TICKET_READ_MODEL) private readonly model: TicketReadModel,
    private readonly access: TicketAccess,
  ) {}

  async list(filter: TicketFilter, page: PageRequest): Promise<TicketPage> {
    try {
      return await this.model.list(filter, page, new Date());
    } catch (error) {
      // Well-formed (an opaque string) but not one this list handed out: 422, as the schema cannot say it.
      if (error instanceof InvalidCursorError)
        throw new UnprocessableEntityException({ code: 'INVALID_CURSOR', message: error.message, field: 'cursor' });
      throw error;
    }
  }

  async ticket(number: string, minVersion?: number): Promise<Fresh<TicketSummary | OpeningTicket>> {
    const stale = await this.awaitVersion(number, minVersion);
    const row = await this.model.get(number, new Date());
    if (row) return { body: row, stale: staleness(stale, row.version) };
    await this.requireKnown(number);
    return { body: { number, phase: 'opening' }, stale: staleness(stale, 0) };
  }

  async timeline(number: string, caller: Caller, minVersion?: number): Promise<Fresh<TicketTimeline>> {
    const stale = await this.awaitVersion(number, minVersion);
    const audience = audienceOf(caller);
    const entries = await this.model.timeline(number, audience);
    if (entries.length === 0) await this.requireKnown(number);
    const had = stale ? ((await this.model.get(number, new Date()))?.version ?? 0) : 0;
    return { body: { number, audience, entries }, stale: staleness(stale, had) };
  }

  /** The asked version when the projection did not reach it within the wait; undefined when it did (or none asked). */
  private async awaitVersion(number: string, minVersion?: number): Promise<number | undefined> {
    if (!isTicketNumber(number)) throw ticketNotFound(number);
    if (minVersion === undefined) return undefined;
    return (await this.model.waitForVersion(number, minVersion, READ_YOUR_WRITES_WAIT_MS)) ? undefined : minVersion;
  }

  private async requireKnown(number: string): Promise<void> {
    if (!(await this.access.ownerOf(number))) throw ticketNotFound(number);
  }
}

/**
 * The customer a list is about. Staff may name any or none; a scoped caller (a customer contact, a
 * service) gets its own from the token whatever the query says (the access guard already answered
 * 404 for a named customer outside its scope); a service of several customers names one.
 */
export function listedCustomer(caller: Caller, asked: string | undefined): string | undefined {
  if (caller.scope === ALL_CUSTOMERS) return asked;
  if (caller.role === 'customer') return caller.customerId;
  if (asked && caller.scope.includes(asked)) return asked;
  if (caller.scope.length === 1) return caller.scope[0];
  throw invalid('customer', { required: `name one of your customers: ${caller.scope.join(', ')}` });
}

const staleness = (asked: number | undefined, had: number): Fresh<unknown>['stale'] =>
  asked !== undefined && had < asked ? { asked, had } : undefined;

/** The validation pipe's 400 for a field only the service can judge. */
const invalid = (field: string, rules: Record<string, string>): BadRequestException =>
  new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: `invalid request: ${field}`,
    errors: [{ field, rules }],
  });
