import {
  EventStoreError,
  NO_CHECKPOINT,
  isAuditable,
  readLatestCheckpoint,
  type EventStore,
  type StoreCheckpoint,
  type VerificationReport,
} from '@caseflow/event-store';
import type { AuditStore } from './open-store';

/** Exit code when verification finds tampering (0 = verified). */
export const EXIT_TAMPERED = 4;

export class UsageError extends Error {}

function auditable(store: EventStore) {
  if (!isAuditable(store))
    throw new UsageError(`${store.name} keeps no hash chains: nothing to verify (see docs/event-store.md)`);
  return store;
}

/** verify <stream> | --all [--checkpoint <file>] */
export async function verifyCommand({ store }: AuditStore, args: string[]): Promise<number> {
  const target = args[0] === '--all' ? 'all' : args[0];
  if (!target || target.startsWith('--')) throw new UsageError('verify needs a stream id or --all');
  const index = args.indexOf('--checkpoint');
  if (index >= 0 && !args[index + 1])
    throw new UsageError('--checkpoint needs a file (JSON lines, the last line is used)');
  let againstCheckpoint: StoreCheckpoint | undefined;
  try {
    againstCheckpoint = index >= 0 ? await readLatestCheckpoint(args[index + 1]) : undefined;
  } catch (error) {
    if (!(error instanceof EventStoreError && error.code === NO_CHECKPOINT)) throw error;
    console.error(noCheckpointYet(error.message, args[index + 1], target));
    return 1;
  }
  const report: VerificationReport = await auditable(store).verify(target, { againstCheckpoint });
  const scope =
    `${report.events} event(s) in ${report.streams} stream(s)` +
    (report.checkpoint ? `, against checkpoint at global position ${report.checkpoint.globalPosition}` : '');
  if (report.ok && report.events === 0 && target !== 'all') {
    console.error(`no events in stream ${target}`);
    return 1;
  }
  if (report.ok) {
    console.log(`verified: ${scope}`);
    return 0;
  }
  const f = report.failure!;
  console.log(
    `NOT VERIFIED: ${f.kind} at ${f.streamId} #${f.position}\n  ${f.message}\n  expected ${f.expected ?? '-'}\n  actual   ${f.actual ?? '-'}`,
  );
  console.error(`first bad position: ${f.streamId} #${f.position} (${f.kind})`);
  return EXIT_TAMPERED;
}

/** What to do when there is no checkpoint to verify against (a new system has none until one is taken). */
function noCheckpointYet(reason: string, file: string, target: string): string {
  return [
    reason,
    'Take one now (the worker also takes one every hour into CASEFLOW_CHECKPOINT_SINK):',
    `  CASEFLOW_CHECKPOINT_SINK=${file} npm run audit -- checkpoint`,
    'or verify the hash chains without a checkpoint:',
    `  npm run audit -- verify ${target === 'all' ? '--all' : target}`,
  ].join('\n');
}

/** export <stream>: one JSON line per event as stored, with its hashes (personal data stays sealed). */
export async function exportCommand({ store }: AuditStore, streamId: string | undefined): Promise<number> {
  if (!streamId) throw new UsageError('export needs a stream id');
  const events = await auditable(store).readChain(streamId);
  if (!events.length) {
    console.error(`no events in stream ${streamId}`);
    return 1;
  }
  process.stdout.write(events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return 0;
}

/** checkpoint: takes one now, appends it to $checkpoints and writes it to CASEFLOW_CHECKPOINT_SINK. */
export async function checkpointCommand({ store }: AuditStore, env: NodeJS.ProcessEnv): Promise<number> {
  if (!env.CASEFLOW_CHECKPOINT_SINK)
    throw new UsageError('checkpoint needs CASEFLOW_CHECKPOINT_SINK (a JSON-lines file path or an http(s) URL)');
  const { heads: _heads, ...cp } = await auditable(store).checkpoint();
  console.log(JSON.stringify(cp));
  return 0;
}

/**
 * erase-subject <subjectId> | --email <address>: destroys the subject's keys (their personal data
 * reads as [erased]) and forgets which person the subject id stood for.
 */
export async function eraseSubjectCommand({ keys, subjects }: AuditStore, args: string[]): Promise<number> {
  const byEmail = args[0] === '--email';
  if (byEmail && !args[1]) throw new UsageError('erase-subject --email needs an e-mail address');
  if (!args[0]) throw new UsageError('erase-subject needs a subject id or --email <address>');
  const subjectId = byEmail ? await subjects.find(args[1]) : args[0];
  if (!subjectId) {
    console.error('no live subject for that e-mail address');
    return 1;
  }
  const erased = await keys.erase(subjectId);
  const forgotten = await subjects.forget(subjectId);
  if (!erased && !forgotten) {
    console.error(`no live key for subject ${subjectId}`);
    return 1;
  }
  console.log(
    `erased ${erased} key(s) of subject ${subjectId}: its personal data now reads as [erased]; the log and its chains are unchanged`,
  );
  return 0;
}

/** as-of-recorded <stream> <iso>: the stream as the store held it at that instant, one line per event. */
export async function asOfRecordedCommand(
  { store }: AuditStore,
  streamId: string | undefined,
  iso: string | undefined,
): Promise<number> {
  if (!streamId || !iso || Number.isNaN(Date.parse(iso)))
    throw new UsageError('as-of-recorded needs a stream id and an ISO-8601 instant');
  // Passed on as given: recordedAt has microseconds, which a Date would cut off.
  const events = await store.readStream(streamId, { asOfRecorded: iso });
  if (!events.length) {
    console.error(`no events in stream ${streamId} recorded by ${iso}`);
    return 1;
  }
  for (const e of events)
    console.log([`#${e.position}`, e.recordedAt, e.metadata.actor, e.type, JSON.stringify(e.data)].join('  '));
  return 0;
}
