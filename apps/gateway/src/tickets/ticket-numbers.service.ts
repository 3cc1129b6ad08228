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
];

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
