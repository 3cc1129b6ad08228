import { InvalidEventError } from './errors';
import { SchemaRegistry } from './schemas';

const metadata = { actor: 'a', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'c' };

describe('SchemaRegistry', () => {
  const registry = new SchemaRegistry({
    CustomerRenamed: {
      version: 3,
      upcasters: {
        1: (d) => ({ full: (d as { name: string }).name }),
        2: (d) => ({ ...(d as object), locale: 'en' }),
      },
    },
  });

  it('treats undeclared types as version 1 and leaves their data alone', () => {
    expect(registry.currentVersion('TicketOpened')).toBe(1);
    expect(registry.upcast('TicketOpened', 1, { a: 1 }, metadata)).toEqual({ data: { a: 1 }, schemaVersion: 1 });
  });

  it('runs the chain from the stored version to the current one', () => {
    expect(registry.upcast('CustomerRenamed', 1, { name: 'Ada' }, metadata)).toEqual({
      data: { full: 'Ada', locale: 'en' },
      schemaVersion: 3,
    });
    expect(registry.upcast('CustomerRenamed', 2, { full: 'Ada' }, metadata)).toEqual({
      data: { full: 'Ada', locale: 'en' },
      schemaVersion: 3,
    });
    expect(registry.upcast('CustomerRenamed', 3, { full: 'Ada', locale: 'fr' }, metadata).data).toEqual({
      full: 'Ada',
      locale: 'fr',
    });
  });

  it('says which stored versions are current, with and without declared versions', () => {
    expect([
      registry.isCurrent('CustomerRenamed', 1),
      registry.isCurrent('CustomerRenamed', 3),
      registry.isCurrent('TicketOpened', 1),
    ]).toEqual([false, true, true]);
    const undeclared = new SchemaRegistry();
    expect([undeclared.isCurrent('TicketOpened', 1), undeclared.isCurrent('TicketOpened', 2)]).toEqual([true, false]);
    const allOne = new SchemaRegistry({ TicketOpened: { version: 1 } });
    expect([allOne.isCurrent('TicketOpened', 1), allOne.isCurrent('TicketClosed', 2)]).toEqual([true, false]);
  });

  it('refuses data newer than the code, and a chain with a gap', () => {
    expect(() => registry.upcast('CustomerRenamed', 4, {}, metadata)).toThrow(InvalidEventError);
    expect(() => new SchemaRegistry({ X: { version: 3, upcasters: { 1: (d) => d } } })).toThrow(
      /no upcaster from version 2/,
    );
    expect(() => new SchemaRegistry({ X: { version: 0 } })).toThrow(InvalidEventError);
  });
});
