/**
 * The audit store's port. Positions are 1-based: the first event of a stream has position 1, so a
 * stream's last position equals its event count and `expectedPosition: 0` means "stream is empty".
 */
export interface EventMetadata {
  actor: string;
  /** When it happened in the domain (ISO-8601), as opposed to recordedAt, when the store wrote it. */
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  policyVersion?: string;
  [key: string]: unknown;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  /** Idempotency key: re-appending an id already in the stream is a no-op. */
  id: string;
  type: TType;
  data: TData;
  metadata: EventMetadata;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  streamId: string;
  position: number;
  globalPosition: number;
  recordedAt: string;
  schemaVersion: number;
}

export type ExpectedPosition = number | 'any' | 'no_stream';

export interface AppendOptions {
  expectedPosition?: ExpectedPosition;
}

export interface AppendResult {
  /** Position of each event passed in, in order (existing positions for idempotent repeats). */
  positions: number[];
  /** The stream's last position after the append. */
  lastPosition: number;
}

export interface ReadStreamOptions {
  from?: number;
  to?: number;
  asOfRecorded?: string;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}
