/* A TEST DOUBLE of a KurrentDB server for unit specs: no server ever ran against it. It models, from
 * reading the server's source (kurrent-io/KurrentDB, src/KurrentDB.Core), only what the adapter relies
 * on, each rule citing where it comes from; docs/event-store.md says what was proven and how. */
import { StreamDeletedError } from '../errors';
import type { ChainedEvent, NewEvent } from '../port';
import { InvalidAllPosition, pagesOfAll, type AllStart } from './all-scan';
import { planAppend } from './append-plan';
import { toChainedEvent, type ChainedProposal, type LogEvent } from './chain';
import type { ChainLog } from './log-integrity';
import { TOMBSTONE_REVISION, TOMBSTONE_TYPE } from './revision';
import { EMPTY_TIP, advanceTip } from './stream-tip';
import type { AppendOutcome, ExpectedRevision, Hiding, StreamLog } from './stream-writer';

interface Stored {
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  dataText: string;
  metadataText: string;
  /** Where the record begins in the log: its commit and prepare position (one record per event). */
  at: bigint;
}

/** EventNumber.DeletedStream: a soft delete sets `$tb` to it (StorageWriterService.cs, WriteDelete). */
const SOFT_DELETED = Number.MAX_SAFE_INTEGER;

export class FakeKurrentLog implements ChainLog, StreamLog {
  private readonly records: Stored[] = [];
  private readonly truncateBefore = new Map<string, number>();
  private readonly retention = new Set<string>();
  private readonly tombstoned = new Set<string>();
  /** The log's end; records take space, so a position one past a record's start is inside it. */
  private end = 1_000n;

  constructor(private readonly pageSize = 2) {}

  /** As the store appends, in one go (no race): read, plan, write. */
  async write(streamId: string, events: NewEvent[]): Promise<void> {
    const tip = advanceTip(EMPTY_TIP, (await this.readStream(streamId)).map(toChainedEvent));
    const plan = planAppend(streamId, tip, events, 'any', () => 1);
    for (const p of plan.proposals) this.record(streamId, p.id, p.type, p.data, p.metadata);
  }

  /** An event written through the API without the store (no envelope), as before the chain. */
  writeRaw(streamId: string, type: string, data: unknown, metadata: unknown): void {
    this.record(streamId, `raw-${this.end}`, type, data, metadata);
  }

  /** `$tb`: events before `position` no longer read from the stream (they stay in $all). */
  truncate(streamId: string, beforePosition: number): void {
    this.truncateBefore.set(streamId, beforePosition - 1);
  }

  /** `$maxAge` / `$maxCount` that has expired every event of the stream. */
  expireAll(streamId: string): void {
    this.retention.add(streamId);
    this.truncateBefore.set(streamId, Number(this.lastRevision(streamId)) + 1);
  }

  /** Soft delete: the stream reads as absent (it stays in $all until scavenge). */
  delete(streamId: string): void {
    this.truncateBefore.set(streamId, SOFT_DELETED);
  }

  /** Hard delete: a `$streamDeleted` tombstone at revision 2^63-1, in the stream and in $all. */
  hardDelete(streamId: string): void {
    this.tombstoned.add(streamId);
    // Scavenge then keeps only the tombstone of the stream.
    this.truncateBefore.set(streamId, SOFT_DELETED);
    this.push(streamId, TOMBSTONE_REVISION, `tombstone-${this.end}`, TOMBSTONE_TYPE, '{}', '{}');
  }

  /** Removes what reads no longer return from $all too. */
  scavenge(): void {
    const keep = this.records.filter((r) => Number(r.revision) >= (this.truncateBefore.get(r.streamId) ?? 0));
    this.records.splice(0, this.records.length, ...keep);
  }

  /** The stream as it reads now: honours `$tb`; absent, soft-deleted or tombstoned reads as empty. */
  async readStream(streamId: string): Promise<LogEvent[]> {
    return this.tombstoned.has(streamId) ? [] : this.readable(streamId, 0n);
  }

  async readFrom(streamId: string, fromRevision: bigint): Promise<LogEvent[]> {
    if (this.tombstoned.has(streamId)) throw new StreamDeletedError(streamId, 'hard-deleted');
    return this.readable(streamId, fromRevision);
  }

  async hiding(streamId: string): Promise<Hiding | undefined> {
    const tb = this.truncateBefore.get(streamId);
    if (tb === SOFT_DELETED) return 'soft-deleted';
    if (this.retention.has(streamId)) return 'retention';
    return tb ? 'truncated' : undefined;
  }

  /**
   * IndexWriter.CheckCommit: expecting the last revision writes after it; expecting an earlier one
   * is idempotent when the same ids sit there, accepted for NoStream on a soft-deleted stream (written
   * after the hidden events, `$tb` moved to them: StorageWriterService soft undelete), otherwise
   * refused with the actual last revision; a tombstoned stream refuses every write.
   */
  async append(
    streamId: string,
    proposals: readonly ChainedProposal[],
    expected: ExpectedRevision,
  ): Promise<AppendOutcome> {
    if (this.tombstoned.has(streamId)) throw new StreamDeletedError(streamId, 'hard-deleted');
    const current = this.lastRevision(streamId);
    const expectedRevision = expected === 'no_stream' ? -1n : expected;
    const refused: AppendOutcome = { written: false, actual: current < 0n ? 'no_stream' : current };
    const softDeleted = this.truncateBefore.get(streamId) === SOFT_DELETED;
    if (expectedRevision > current) return refused;
    if (expectedRevision < current) {
      const there = this.records.filter((r) => r.streamId === streamId && r.revision > expectedRevision);
      if (proposals.every((p, i) => there[i]?.id === p.id)) return { written: true };
      if (!(expected === 'no_stream' && softDeleted)) return refused;
    }
    if (softDeleted) this.truncateBefore.set(streamId, Number(current) + 1);
    for (const p of proposals) this.record(streamId, p.id, p.type, p.data, p.metadata);
    return { written: true };
  }

  /** A forward $all read: from a record's start (else InvalidPosition, AllReader.cs), tombstones included. */
  readAllPage = async (start: AllStart, maxCount: number): Promise<LogEvent[]> => {
    const from = start === 'start' ? 0n : start.commit;
    if (start !== 'start' && !this.records.some((r) => r.at === from)) throw new InvalidAllPosition(`${from}`);
    return this.records
      .filter((r) => r.at >= from)
      .slice(0, maxCount)
      .map(toLogEvent);
  };

  async *pagesOfAll(): AsyncIterable<LogEvent[]> {
    for await (const page of pagesOfAll(this.readAllPage, 0, this.pageSize)) yield page.events;
  }

  async chain(streamId: string): Promise<ChainedEvent[]> {
    return (await this.readStream(streamId)).map(toChainedEvent);
  }

  private readable(streamId: string, fromRevision: bigint): LogEvent[] {
    const tb = BigInt(this.truncateBefore.get(streamId) ?? 0);
    const from = fromRevision > tb ? fromRevision : tb;
    return this.records.filter((r) => r.streamId === streamId && r.revision >= from).map(toLogEvent);
  }

  private lastRevision(streamId: string): bigint {
    return this.records.reduce((max, r) => (r.streamId === streamId && r.revision > max ? r.revision : max), -1n);
  }

  private record(streamId: string, id: string, type: string, data: unknown, metadata: unknown): void {
    const revision = this.lastRevision(streamId) + 1n;
    this.push(streamId, revision, id, type, JSON.stringify(data), JSON.stringify(metadata));
  }

  private push(streamId: string, revision: bigint, id: string, type: string, dataText: string, metadataText: string) {
    this.records.push({ streamId, revision, id, type, dataText, metadataText, at: this.end });
    this.end += BigInt(64 + dataText.length + metadataText.length);
  }
}

function toLogEvent(r: Stored): LogEvent {
  return {
    streamId: r.streamId,
    revision: r.revision,
    id: r.id,
    type: r.type,
    created: new Date(1_700_000_000_000 + Number(r.at)),
    data: JSON.parse(r.dataText) as unknown,
    metadata: JSON.parse(r.metadataText) as unknown,
    position: { commit: r.at, prepare: r.at },
  };
}
