import { InvalidEventError } from '../errors';
import {
  canAppendWithin,
  isAuditable,
  type AppendOptions,
  type AppendResult,
  type AuditableEventStore,
  type ChainedEvent,
  type EventStore,
  type NewEvent,
  type ReadAllBatchesOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreCapabilities,
  type StoreCheckpoint,
  type TransactionalEventStore,
  type SubscribeOptions,
  type Subscription,
  type VerificationReport,
  type VerifyOptions,
} from '../port';
import type { Queryable } from '../database';
import { readAllInBatches } from '../read-all-batches';
import { mapSealed, open, seal, type SealedField } from './cipher';
import { replaceAtPath, valueAtPath } from './field-paths';
import type { SubjectKey, SubjectKeys } from './subject-keys';

/** Which fields of an event type are personal, and whose. */
export interface PersonalDataSpec {
  /** Whose `fields` are: an opaque subject id (never the e-mail itself). Required when `fields` lists any. */
  subject?: (event: NewEvent) => string | undefined;
  /** Paths into `data` (e.g. `requester.email`; `questions[]` = every item); missing or null fields are skipped. */
  fields?: readonly string[];
  /** Lists of people inside one event (e.g. a customer's contacts), each item sealed under its own subject. */
  people?: readonly PeopleSpec[];
}

export interface PeopleSpec {
  /** Dot path of the array in `data` (e.g. `record.authorizedContacts`). */
  list: string;
  /** The item's subject id, which the item carries in the clear (e.g. its `subject` field). */
  subject: (item: Record<string, unknown>) => string | undefined;
  /** Paths into each item. */
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
export class PersonalDataStore implements AuditableEventStore, TransactionalEventStore {
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
    return this.inner.append(
      streamId,
      await Promise.all((events ?? []).map((event) => this.sealEvent(streamId, event))),
      options,
    );
  }

  /** Inside the caller's transaction (the inner store must support it); subject keys are read and created in it too. */
  async appendWithin(
    tx: Queryable,
    streamId: string,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    if (!canAppendWithin(this.inner))
      throw new InvalidEventError(`${this.inner.name} cannot append within a transaction`, {
        code: 'EVENT_STORE_NO_TRANSACTION',
      });
    const sealed: NewEvent[] = [];
    for (const event of events ?? []) sealed.push(await this.sealEvent(streamId, event, tx));
    return this.inner.appendWithin(tx, streamId, sealed, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openEvents(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openEvents(await this.inner.readAll(options));
  }

  /** The inner store's batched read (or readAll pages), each batch opened. */
  async *readAllBatches(options?: ReadAllBatchesOptions): AsyncIterable<RecordedEvent[]> {
    for await (const batch of readAllInBatches(this.inner, options)) yield await this.openEvents(batch);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({
      ...options,
      handler: async (event) => options.handler((await this.openEvents([event]))[0]),
    });
  }

  /**
   * The wrapped store: events as stored, personal fields still sealed. For projections that keep
   * sealed values and open them on read (`openSealedFields`), so erasing a subject reaches them too.
   */
  get sealed(): EventStore {
    return this.inner;
  }

  async headPosition(): Promise<number> {
    if (!this.inner.headPosition)
      throw new InvalidEventError(`${this.inner.name} does not report its head`, { code: 'EVENT_STORE_NO_HEAD' });
    return this.inner.headPosition();
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
    if (!isAuditable(this.inner))
      throw new InvalidEventError(`${this.inner.name} has no hash chains`, { code: 'EVENT_STORE_NOT_AUDITABLE' });
    return this.inner;
  }

  private async sealEvent(streamId: string, event: NewEvent, via?: Queryable): Promise<NewEvent> {
    const spec = event && this.options.types[event.type];
    if (!spec || event.data === undefined || event.data === null) return event;
    // A JSON copy, as the adapter stores it: no shared references, so no value is sealed twice.
    const data = JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;
    const keys = new Map<string, SubjectKey>();
    const keyOf = async (subject: string | undefined, whose: string): Promise<SubjectKey> => {
      if (!subject)
        throw new InvalidEventError(
          `Stream "${streamId}": event ${event.id} (${event.type}) has personal data but no subject for ${whose}`,
          { code: 'EVENT_STORE_NO_SUBJECT' },
        );
      const known = keys.get(subject) ?? (await this.options.keys.keyFor(subject, via));
      keys.set(subject, known);
      return known;
    };
    const sealAll = (node: unknown, fields: readonly string[], basePath: string, { keyId, key }: SubjectKey) => {
      for (const field of fields)
        replaceAtPath(node, field, basePath, (value, path) =>
          seal(value, keyId, key, { streamId, eventId: event.id, path }),
        );
    };
    if (spec.fields?.length) sealAll(data, spec.fields, 'data', await keyOf(spec.subject?.(event), 'its fields'));
    // A list or item of another shape is refused rather than stored in the clear.
    const unexpected = (what: string) =>
      new InvalidEventError(`Stream "${streamId}": event ${event.id} (${event.type}): ${what}`, {
        code: 'EVENT_STORE_PERSONAL_SHAPE',
      });
    for (const people of spec.people ?? []) {
      const items = valueAtPath(data, people.list);
      if (items === undefined || items === null) continue;
      if (!Array.isArray(items)) throw unexpected(`data.${people.list} is not a list`);
      for (const [index, item] of items.entries()) {
        const basePath = `data.${people.list}[${index}]`;
        if (item === null || typeof item !== 'object') throw unexpected(`${basePath} is not an object`);
        sealAll(item, people.fields, basePath, await keyOf(people.subject(item as Record<string, unknown>), basePath));
      }
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
      data: mapSealed(e.data, 'data', (sealed: SealedField, path) =>
        open(sealed, keys.get(sealed.kid), { streamId: e.streamId, eventId: e.id, path }),
      ),
    }));
  }
}

/** Where a sealed value was stored: its stream and event (the field path comes from where it sits). */
export interface SealedPlace {
  streamId: string;
  eventId: string;
}

/**
 * Opens every sealed field under `value` (stored at `path`, e.g. `data` for an event's data as
 * stored): a key map from `keys.keysById` gives the plaintext, or `[erased]` for a destroyed key.
 */
export function openSealedFields(
  value: unknown,
  path: string,
  place: SealedPlace,
  keys: ReadonlyMap<string, Buffer | undefined>,
): unknown {
  return mapSealed(value, path, (sealed, at) => open(sealed, keys.get(sealed.kid), { ...place, path: at }));
}

/** The key ids of every sealed field under `value`. */
export function sealedKeyIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  mapSealed(value, '', (sealed) => into.add(sealed.kid));
  return into;
}

/** `withPersonalData(store, { keys: await SubjectKeys.open(db), types: { … } })`. */
export function withPersonalData(store: EventStore, options: PersonalDataOptions): PersonalDataStore {
  return new PersonalDataStore(store, options);
}
