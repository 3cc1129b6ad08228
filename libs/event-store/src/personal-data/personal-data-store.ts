import { InvalidEventError } from '../errors';
import {
  isAuditable,
  type AppendOptions,
  type AppendResult,
  type AuditableEventStore,
  type ChainedEvent,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreCapabilities,
  type StoreCheckpoint,
  type SubscribeOptions,
  type Subscription,
  type VerificationReport,
  type VerifyOptions,
} from '../port';
import { mapSealed, open, seal, type SealedField } from './cipher';
import type { SubjectKeys } from './subject-keys';

/** Which fields of an event type are personal, and whose. */
export interface PersonalDataSpec {
  /** The data subject (an opaque id such as a customer id, never the e-mail itself). */
  subject: (event: NewEvent) => string | undefined;
  /** Dot paths into `data` (e.g. `requester.email`); missing or null fields are skipped. */
  fields: readonly string[];
}

export interface PersonalDataOptions {
  keys: SubjectKeys;
  /** Per event type; types not listed are stored as given. */
  types: Record<string, PersonalDataSpec>;
}

/**
 * Wraps any EventStore (PostgreSQL, PGlite or KurrentDB): declared personal fields are sealed with
 * the subject's key before the adapter hashes and stores the event, and opened on read; after
 * `keys.erase(subject)` they read as `[erased]`, while the stored ciphertext and every chain stay.
 */
export class PersonalDataStore implements AuditableEventStore {
  readonly name: string;
  readonly capabilities: StoreCapabilities;

  constructor(
    private readonly inner: EventStore,
    private readonly options: PersonalDataOptions,
  ) {
    this.name = `${inner.name} + personal data`;
    this.capabilities = inner.capabilities;
  }

  async append(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.append(streamId, await Promise.all((events ?? []).map((e) => this.sealEvent(streamId, e))), options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openEvents(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openEvents(await this.inner.readAll(options));
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({ ...options, handler: async (event) => options.handler((await this.openEvents([event]))[0]) });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  verify(target: string, options?: VerifyOptions): Promise<VerificationReport> {
    return this.auditable().verify(target, options);
  }

  checkpoint(): Promise<StoreCheckpoint> {
    return this.auditable().checkpoint();
  }

  /** As stored: personal fields stay sealed. */
  readChain(streamId: string): Promise<ChainedEvent[]> {
    return this.auditable().readChain(streamId);
  }

  private auditable(): AuditableEventStore {
    if (!isAuditable(this.inner)) throw new InvalidEventError(`${this.inner.name} has no hash chains`, { code: 'EVENT_STORE_NOT_AUDITABLE' });
    return this.inner;
  }

  private async sealEvent(streamId: string, event: NewEvent): Promise<NewEvent> {
    const spec = event && this.options.types[event.type];
    if (!spec) return event;
    const subject = spec.subject(event);
    if (!subject) throw new InvalidEventError(`Stream "${streamId}": event ${event.id} (${event.type}) has personal data but no subject`, { code: 'EVENT_STORE_NO_SUBJECT' });
    const { keyId, key } = await this.options.keys.keyFor(subject);
    const data = structuredClone(event.data) as Record<string, unknown>;
    for (const path of spec.fields) {
      const parts = path.split('.');
      let parent: Record<string, unknown> | undefined = data;
      for (const part of parts.slice(0, -1)) parent = (parent?.[part] ?? undefined) as Record<string, unknown> | undefined;
      const leaf = parts[parts.length - 1];
      if (!parent || typeof parent !== 'object' || parent[leaf] === undefined || parent[leaf] === null) continue;
      parent[leaf] = seal(parent[leaf], keyId, key, { streamId, eventId: event.id, path: `data.${path}` });
    }
    return { ...event, data };
  }

  private async openEvents(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyIds = new Set<string>();
    for (const e of events) mapSealed(e.data, 'data', (sealed) => keyIds.add(sealed.kid));
    if (!keyIds.size) return events;
    const keys = await this.options.keys.keysById([...keyIds]);
    return events.map((e) => ({
      ...e,
      data: mapSealed(e.data, 'data', (sealed: SealedField, path) => open(sealed, keys.get(sealed.kid), { streamId: e.streamId, eventId: e.id, path })),
    }));
  }
}

/** `withPersonalData(store, { keys: await SubjectKeys.open(db), types: { … } })`. */
export function withPersonalData(store: EventStore, options: PersonalDataOptions): PersonalDataStore {
  return new PersonalDataStore(store, options);
}
