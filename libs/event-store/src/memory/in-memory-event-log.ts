import { GENESIS_HASH } from '../integrity/canonical';

/** One event as the in-memory store keeps it: its data and metadata as canonical JSON text. */
export interface MemoryRecord {
  streamId: string;
  position: number;
  globalPosition: number;
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  recordedAt: string;
  prevHash: string | null;
  hash: string | null;
}

/**
 * The in-memory store's data, the way a database holds a store's tables: the events in global
 * order, each stream's events and head (last position and hash), and subscription checkpoints.
 * Several InMemoryEventStore instances on one log behave as several processes on one database.
 * Its fields are public as a database's tables are to whoever holds it: tests reach behind the
 * store through them (to delete or alter events as an attacker would); the store never does.
 */
export class InMemoryEventLog {
  /** Every event, in global order. */
  readonly records: MemoryRecord[] = [];
  /** Each stream's events by position, and its head. */
  readonly streams = new Map<string, { rows: MemoryRecord[]; head?: { position: number; hash: string } }>();
  readonly subscriptionCheckpoints = new Map<string, number>();
  private lastGlobalPosition = 0;
  private lastRecordedAt = 0;

  /** Writes one stream's new events at once, giving them the next global positions, and moves its head. */
  write(records: readonly MemoryRecord[]): void {
    for (const record of records) {
      const stored = { ...record, globalPosition: ++this.lastGlobalPosition };
      this.records.push(stored);
      const stream = this.streams.get(stored.streamId) ?? { rows: [] };
      stream.rows.push(stored);
      stream.head = { position: stored.position, hash: stored.hash ?? '' };
      this.streams.set(stored.streamId, stream);
    }
  }

  /** Events from a global position on (global positions are contiguous: no search needed until tampered with). */
  *recordsFrom(globalPosition: number): Iterable<MemoryRecord> {
    let i = Math.max(0, Math.min(globalPosition - 1, this.records.length));
    while (i > 0 && this.records[i - 1].globalPosition >= globalPosition) i--;
    while (i < this.records.length && this.records[i].globalPosition < globalPosition) i++;
    for (; i < this.records.length; i++) yield this.records[i];
  }

  rowsOf(streamId: string): readonly MemoryRecord[] {
    return this.streams.get(streamId)?.rows ?? [];
  }

  /** The stream's head as recorded (absent for a stream never written). */
  headOf(streamId: string): { position: number; hash: string } | undefined {
    return this.streams.get(streamId)?.head;
  }

  /** Where the stream's next event chains on: its head, or position 0 and the genesis hash. */
  tipOf(streamId: string): { position: number; hash: string } {
    return this.headOf(streamId) ?? { position: 0, hash: GENESIS_HASH };
  }

  /** Streams with events or a head, sorted by id (UTF-16 code units, as the Merkle leaves). */
  streamIds(): string[] {
    return [...this.streams.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  lastGlobal(): number {
    return this.lastGlobalPosition;
  }

  /** recordedAt for the next append: the clock, never earlier than the last one (the clock may step back). */
  nextRecordedAt(now: Date): string {
    this.lastRecordedAt = Math.max(this.lastRecordedAt, now.getTime());
    return new Date(this.lastRecordedAt).toISOString();
  }
}
