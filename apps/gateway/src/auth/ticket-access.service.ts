import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@caseflow/domain';
import { runMigrations, type Database, type DataSubjects, type EventStore } from '@caseflow/event-store';
import { inScope, type Caller } from '@caseflow/identity';
import { DATABASE, DATA_SUBJECTS, EVENT_STORE } from '@caseflow/persistence';
import { isTicketNumber } from '../tickets/ticket-number';
import { DenialLog } from './denial-log';

const MIGRATIONS = [
  {
    version: 1,
    name: 'ticket owners',
    sql: `CREATE TABLE IF NOT EXISTS ticket_owners (
      number            text PRIMARY KEY,
      customer_id       text NOT NULL,
      requester_subject text NOT NULL
    )`,
  },
];

export interface TicketOwner {
  customerId: string;
  /** The requester's opaque data-subject id (the same the ticket's events carry as `dataSubject`). */
  requesterSubject: string;
}

/** The body of a 404 for a ticket: the same whether it was never issued or belongs to another customer. */
export const ticketNotFound = (number: string): DomainError =>
  new DomainError('TICKET_NOT_FOUND', `no ticket ${number}`, { number });

/**
 * Which customer a ticket belongs to, known to the gateway without asking the workflow: a row
 * written when the number is allocated (before the workflow starts), or, for tickets opened
 * before this table existed, the ticket stream's TicketOpened (then remembered).
 */
@Injectable()
export class TicketAccess implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SUBJECTS) private readonly subjects: DataSubjects,
    private readonly denials: DenialLog,
  ) {}

  async onModuleInit(): Promise<void> {
    await runMigrations(this.db, MIGRATIONS, 'ticket-access');
  }

  /** Called by the gateway as it allocates a number, before the workflow starts; gives the requester's subject id. */
  async record(number: string, customerId: string, requester: string): Promise<string> {
    const subject = await this.subjects.idFor(requester);
    await this.db.query(
      'INSERT INTO ticket_owners (number, customer_id, requester_subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [number, customerId, subject],
    );
    return subject;
  }

  /**
   * The one tenancy check for every ticket route: the ticket's owner when the caller may see it;
   * 404 TICKET_NOT_FOUND (logged as a denial) when it belongs to a customer outside the caller's
   * scope, or when a scoped caller names a ticket the gateway does not know. Callers who see every
   * customer get `undefined` for an unknown ticket and let the workflow answer.
   */
  async check(caller: Caller, number: string, route: string): Promise<TicketOwner | undefined> {
    const owner = isTicketNumber(number) ? await this.ownerOf(number) : undefined;
    if (owner ? inScope(caller, owner.customerId) : caller.scope === '*') return owner;
    this.denials.record({
      status: 404,
      reason: owner ? 'ticket of a customer outside the caller’s scope' : 'no such ticket',
      caller,
      route,
    });
    throw ticketNotFound(number);
  }

  async ownerOf(number: string): Promise<TicketOwner | undefined> {
    const { rows } = await this.db.query<{ customer_id: string; requester_subject: string }>(
      'SELECT customer_id, requester_subject FROM ticket_owners WHERE number = $1',
      [number],
    );
    if (rows[0]) return { customerId: rows[0].customer_id, requesterSubject: rows[0].requester_subject };
    return this.fromStream(number);
  }

  /** Requester check for commands: is this e-mail address the ticket's requester? */
  async isRequester(owner: TicketOwner, email: string): Promise<boolean> {
    return (await this.subjects.find(email)) === owner.requesterSubject;
  }

  private async fromStream(number: string): Promise<TicketOwner | undefined> {
    const [opened] = await this.store.readStream(`ticket-${number}`, { to: 1 });
    const customerId = (opened?.data as { customerId?: unknown } | undefined)?.customerId;
    const subject = opened?.metadata.dataSubject;
    if (opened?.type !== 'TicketOpened' || typeof customerId !== 'string' || typeof subject !== 'string')
      return undefined;
    await this.db.query(
      'INSERT INTO ticket_owners (number, customer_id, requester_subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [number, customerId, subject],
    );
    return { customerId, requesterSubject: subject };
  }
}
