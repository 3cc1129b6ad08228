import { openDatabase, SubjectKeys, type Database } from '@caseflow/event-store';
import { openEventStores, persistenceConfigFromEnv } from '@caseflow/persistence';
import { PostgresTicketReadModel, sealedStoreOf, TicketProjector } from '@caseflow/projections';
import { onlyFlags, UsageError } from './args';

/**
 * `caseflow projections rebuild|status`, on the database and audit log the apps use (CASEFLOW_STORE…).
 * rebuild empties the projection's tables and replays every ticket event; a running gateway's
 * projector waits meanwhile and continues from the rebuilt checkpoint. With the embedded store,
 * stop the system first: PGlite is one process's database. Returns stdout lines.
 */
export async function projectionsCommand(
  words: string[],
  flags: Map<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const [action, ...rest] = words;
  if ((action !== 'rebuild' && action !== 'status') || rest.length > 0)
    throw new UsageError('projections needs rebuild or status');
  onlyFlags(flags, []);
  const config = persistenceConfigFromEnv(env);
  const db = await openDatabase(config.database);
  try {
    const keys = await SubjectKeys.open(db);
    const stores = await openEventStores(db, config.auditLog, keys);
    try {
      const projector = await TicketProjector.open(db, keys);
      const store = sealedStoreOf(stores.auditLog);
      if (action === 'rebuild') {
        const started = performance.now();
        const report = await projector.rebuild(store);
        const seconds = (performance.now() - started) / 1000;
        return [
          `rebuilt tickets: ${report.events} events, ${report.tickets} tickets, checkpoint ${report.position} ` +
            `(${seconds.toFixed(1)} s, ${Math.round(report.events / Math.max(seconds, 0.001))} events/s)`,
          ...(await failureLines(db)),
        ];
      }
      const checkpoint = await projector.checkpoint();
      const { head, lag } = await new PostgresTicketReadModel(db, keys, projector, store).lag();
      const { rows } = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM projection_tickets');
      return [
        `position\t${checkpoint.position}`,
        `head\t${head}`,
        `lag\t${lag}`,
        `rebuilding\t${checkpoint.rebuilding ? 'yes (run rebuild again: the last one did not finish)' : 'no'}`,
        `tickets\t${Number(rows[0].n)}`,
        ...(await failureLines(db)),
      ];
    } finally {
      await stores.close();
    }
  } finally {
    await db.close();
  }
}

/** Streams the projection could not fold (not a ticket's sequence of events), one line each. */
async function failureLines(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ stream_id: string; position: number; message: string }>(
    'SELECT stream_id, position, message FROM projection_failures ORDER BY stream_id, position',
  );
  return [`failures\t${rows.length}`, ...rows.map((r) => `failure\t${r.stream_id}@${r.position}\t${r.message}`)];
}
