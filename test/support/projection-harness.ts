import {
  DataSubjects,
  SubjectKeys,
  createEventStore,
  openDatabase,
  type Database,
  type PersonalDataStore,
} from '@caseflow/event-store';
import { withCaseflowPersonalData } from '@caseflow/persistence';
import {
  PostgresTicketReadModel,
  ProjectorRunner,
  PROJECTION_TABLES,
  TicketProjector,
  sealedStoreOf,
  type ProjectorRunnerOptions,
} from '@caseflow/projections';
import { LifecycleGenerator, seededRandom, type GeneratedTicket } from './random-lifecycles';
import { createScratchDatabase } from './postgres';

/** The primary key each projection table is dumped in. */
const ORDER: Record<(typeof PROJECTION_TABLES)[number], string> = {
  projection_tickets: 'number',
  projection_ticket_folds: 'number',
  projection_timeline: 'number, position',
  projection_title_words: 'number, token',
  projection_failures: 'stream_id, position',
};

/**
 * A store with personal data sealed (as every Caseflow process has it) on a fresh database (a
 * scratch database on the real server, or in-memory PGlite), the projector and the read model.
 */
export class ProjectionHarness {
  private constructor(
    readonly db: Database,
    readonly keys: SubjectKeys,
    readonly subjects: DataSubjects,
    readonly store: PersonalDataStore,
    readonly projector: TicketProjector,
    readonly readModel: PostgresTicketReadModel,
    private readonly drop: () => Promise<void>,
    /** The scratch database's URL (PostgreSQL only), for processes of their own. */
    readonly url?: string,
  ) {}

  static async start(kind: 'postgres' | 'pglite' = 'postgres'): Promise<ProjectionHarness> {
    const scratch = kind === 'postgres' ? await createScratchDatabase('projections') : undefined;
    const db = await openDatabase(
      scratch ? { kind: 'postgres', connectionString: scratch.url } : { kind: 'pglite', thread: 'worker' },
    );
    const keys = await SubjectKeys.open(db);
    const subjects = await DataSubjects.open(db);
    const store = withCaseflowPersonalData(await createEventStore(db), keys);
    const projector = await TicketProjector.open(db, keys);
    const readModel = new PostgresTicketReadModel(db, keys, projector, sealedStoreOf(store));
    return new ProjectionHarness(
      db,
      keys,
      subjects,
      store,
      projector,
      readModel,
      async () => {
        await store.close();
        await db.close();
        await scratch?.drop();
      },
      scratch?.url,
    );
  }

  generator(seed: number): LifecycleGenerator {
    return new LifecycleGenerator(seededRandom(seed), (email) => this.subjects.idFor(email));
  }

  runner(options: ProjectorRunnerOptions = {}): ProjectorRunner {
    return new ProjectorRunner(this.projector, sealedStoreOf(this.store), {
      pollIntervalMs: 20,
      retryMs: 50,
      ...options,
    });
  }

  /** Appends the tickets' events interleaved in random chunks (as concurrent workflows write them). */
  async append(tickets: readonly GeneratedTicket[], random: () => number): Promise<void> {
    const cursors = tickets.map(() => 0);
    let left = tickets.filter((t) => t.events.length).length;
    while (left > 0) {
      const i = Math.floor(random() * tickets.length);
      const ticket = tickets[i];
      if (cursors[i] >= ticket.events.length) continue;
      const chunk = ticket.events.slice(cursors[i], cursors[i] + 1 + Math.floor(random() * 4));
      await this.store.append(ticket.streamId, chunk, { expectedPosition: cursors[i] });
      cursors[i] += chunk.length;
      if (cursors[i] >= ticket.events.length) left--;
    }
  }

  /** Appends each ticket's events in one call, `concurrency` tickets at a time (group commit batches them). */
  async appendConcurrently(tickets: readonly GeneratedTicket[], concurrency = 16): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < tickets.length) {
        const ticket = tickets[next++];
        await this.store.append(ticket.streamId, ticket.events, { expectedPosition: 0 });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Every projection table, each row as PostgreSQL prints it, in primary-key order. */
  async dump(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const table of PROJECTION_TABLES) {
      const { rows } = await this.db.query<{ row: string }>(
        `SELECT t::text AS row FROM ${table} t ORDER BY ${ORDER[table]}`,
      );
      out[table] = rows.map((r) => r.row);
    }
    return out;
  }

  async stop(): Promise<void> {
    await this.drop();
  }
}
