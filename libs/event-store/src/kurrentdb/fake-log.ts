/* A KurrentDB stand-in for unit specs of the integrity logic (no server): appends through planAppend,
 * stores JSON text as the server does, reads honour truncate-before and deletion, $all keeps every
 * event until scavenge() (KurrentDB's documented behaviour), commit positions grow with gaps. */
import type { ChainedEvent, NewEvent } from '../port';
import { planAppend } from './append-plan';
import { toChainedEvent, type LogEvent } from './chain';
import type { ChainLog } from './log-integrity';

interface Stored {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  dataText: string;
  metadataText: string;
  commit: number;
}

export class FakeKurrentLog implements ChainLog {
  private readonly records: Stored[] = [];
  private readonly truncatedBefore = new Map<string, number>();
  private commit = 0;

  constructor(private readonly pageSize = 2) {}

  /** As the adapter appends: read, plan, write (JSON text), all in one go (no race here). */
  async append(streamId: string, events: NewEvent[]): Promise<void> {
    const stored = (await this.readStream(streamId)).map(toChainedEvent);
    const plan = planAppend(streamId, stored, events, 'any', () => 1);
    const next = this.lastRevision(streamId) + 1;
    plan.proposals.forEach((p, i) => this.write(streamId, next + i, p.id, p.type, p.data, p.metadata));
  }

  /** An event written through the API without the store (no envelope), as before the chain. */
  writeRaw(streamId: string, type: string, data: unknown, metadata: unknown): void {
    this.write(streamId, this.lastRevision(streamId) + 1, `raw-${this.commit}`, type, data, metadata);
  }

  /** `$tb`: events before `position` no longer read from the stream (they stay in $all). */
  truncate(streamId: string, beforePosition: number): void {
    this.truncatedBefore.set(streamId, beforePosition - 1);
  }

  /** Soft delete: nothing reads from the stream (it stays in $all until scavenge). */
  delete(streamId: string): void {
    this.truncatedBefore.set(streamId, this.lastRevision(streamId) + 1);
  }

  /** Removes what reads no longer return from $all too. */
  scavenge(): void {
    const keep = this.records.filter((r) => r.revision >= (this.truncatedBefore.get(r.streamId) ?? 0));
    this.records.splice(0, this.records.length, ...keep);
  }

  async readStream(streamId: string): Promise<LogEvent[]> {
    const tb = this.truncatedBefore.get(streamId) ?? 0;
    return this.records.filter((r) => r.streamId === streamId && r.revision >= tb).map(toLogEvent);
  }

  async *pagesOfAll(): AsyncIterable<LogEvent[]> {
    const all = [...this.records];
    for (let i = 0; i < all.length; i += this.pageSize) yield all.slice(i, i + this.pageSize).map(toLogEvent);
  }

  async chain(streamId: string): Promise<ChainedEvent[]> {
    return (await this.readStream(streamId)).map(toChainedEvent);
  }

  private lastRevision(streamId: string): number {
    return this.records.filter((r) => r.streamId === streamId).reduce((max, r) => Math.max(max, r.revision), -1);
  }

  private write(streamId: string, revision: number, id: string, type: string, data: unknown, metadata: unknown): void {
    this.commit += 7;
    this.records.push({
      streamId,
      revision,
      id,
      type,
      dataText: JSON.stringify(data),
      metadataText: JSON.stringify(metadata),
      commit: this.commit,
    });
  }
}

function toLogEvent(r: Stored): LogEvent {
  return {
    streamId: r.streamId,
    revision: BigInt(r.revision),
    id: r.id,
    type: r.type,
    created: new Date(1_700_000_000_000 + r.commit),
    data: JSON.parse(r.dataText) as unknown,
    metadata: JSON.parse(r.metadataText) as unknown,
    position: { commit: BigInt(r.commit) },
  };
}
