import { InvalidEventError } from './errors';
import type { NewEvent } from './port';

/**
 * Schema versions per event type, and the upcasters that lift stored data to the current version.
 * Appends are stamped with the type's current version; reads of older versions run the chain
 * `upcasters[v]: data@v → data@v+1` up to the current one. Types not declared are version 1.
 */
export interface EventSchema {
  /** The current version written by append; >= 1. */
  version: number;
  /** `upcasters[v]` turns data of version v into data of version v + 1 (for every v < version). */
  upcasters?: Record<number, (data: unknown, event: { type: string; metadata: NewEvent['metadata'] }) => unknown>;
}

export type EventSchemas = Record<string, EventSchema>;

export class SchemaRegistry {
  private readonly allAtVersionOne: boolean;

  constructor(private readonly schemas: EventSchemas = {}) {
    this.allAtVersionOne = Object.values(schemas).every((schema) => schema.version === 1);
    for (const [type, schema] of Object.entries(schemas)) {
      if (!Number.isInteger(schema.version) || schema.version < 1) {
        throw new InvalidEventError(`Event type "${type}": schema version must be an integer >= 1`);
      }
      for (let v = 1; v < schema.version; v++) {
        if (!schema.upcasters?.[v]) throw new InvalidEventError(`Event type "${type}": no upcaster from version ${v}`);
      }
    }
  }

  /** Whether data stored at `storedVersion` is at the type's current version (needs no upcast). */
  isCurrent(type: string, storedVersion: number): boolean {
    // Most logs declare no newer versions: version 1 is then current without a lookup per event.
    if (storedVersion === 1 && this.allAtVersionOne) return true;
    return storedVersion === this.currentVersion(type);
  }

  currentVersion(type: string): number {
    return this.schemas[type]?.version ?? 1;
  }

  /** Returns data at the current version of `type`, and that version. */
  upcast(
    type: string,
    storedVersion: number,
    data: unknown,
    metadata: NewEvent['metadata'],
  ): { data: unknown; schemaVersion: number } {
    const current = this.currentVersion(type);
    if (storedVersion === current) return { data, schemaVersion: current };
    if (storedVersion > current) {
      throw new InvalidEventError(
        `Event type "${type}" stored at version ${storedVersion}, newer than this code (${current})`,
      );
    }
    let value = data;
    for (let v = storedVersion; v < current; v++) {
      value = this.schemas[type].upcasters![v](value, { type, metadata });
    }
    return { data: value, schemaVersion: current };
  }
}
