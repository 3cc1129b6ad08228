import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { runMigrations, type Database } from '@caseflow/event-store';
import { DATABASE } from '@caseflow/persistence';
import { formatTicketNumber } from './ticket-number';

const MIGRATIONS = [
  {
    version: 1,
    name: 'ticket number counters',
    sql: `CREATE TABLE IF NOT EXISTS ticket_number_counters (year integer PRIMARY KEY, last_value bigint NOT NULL)`,
  },
  {
    version: 2,
    name: 'ticket numbers by idempotency key',
    sql: `CREATE TABLE IF NOT EXISTS ticket_open_requests (
      caller text NOT NULL,
      key    text NOT NULL,
      number text NOT NULL,
      PRIMARY KEY (caller, key)
    )`,
  },
];

/** Who asked to open, and the Idempotency-Key they sent: a repeat gets the same number. */
export interface OpenRequest {
  caller: string;
  key: string;
}

export interface AllocatedNumber {
  number: string;
  /** The key was seen before: this is a retry of that request. */
  repeated: boolean;
}

/**
 * Allocates ticket numbers from one counter row per year. The upsert takes the row lock, so
 * numbers are unique across every gateway process sharing the database.
 */
@Injectable()
export class TicketNumbersService implements OnModuleInit {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onModuleInit(): Promise<void> {
    await runMigrations(this.db, MIGRATIONS, 'ticket-numbers');
  }

  /** The number an earlier request with this key got, or a new one remembered under the key. */
  async forRequest(at: Date, request: OpenRequest | undefined): Promise<AllocatedNumber> {
    if (!request) return { number: await this.next(at), repeated: false };
    const earlier = await this.earlier(request);
    if (earlier) return { number: earlier, repeated: true };
    const number = await this.next(at);
    const { rows } = await this.db.query<{ number: string }>(
      `INSERT INTO ticket_open_requests (caller, key, number) VALUES ($1, $2, $3)
       ON CONFLICT (caller, key) DO NOTHING RETURNING number`,
      [request.caller, request.key, number],
    );
    // A concurrent request with the same key won: its number (this one stays unused, a gap).
    if (!rows[0]) return { number: (await this.earlier(request)) as string, repeated: true };
    return { number, repeated: false };
  }

  private async earlier({ caller, key }: OpenRequest): Promise<string | undefined> {
    const { rows } = await this.db.query<{ number: string }>(
      'SELECT number FROM ticket_open_requests WHERE caller = $1 AND key = $2',
      [caller, key],
    );
    return rows[0]?.number;
  }

  async next(at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const { rows } = await this.db.query<{ last_value: string | number }>(
      `INSERT INTO ticket_number_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = ticket_number_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return formatTicketNumber(year, Number(rows[0].last_value));
  }
}
