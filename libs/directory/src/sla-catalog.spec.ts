import type { CalendarDefinition } from '@caseflow/sla';
import { calendarsInUse, nextVersion, slaCatalogOf } from './sla-catalog';

const office = (version: number): CalendarDefinition => ({
  id: 'netix-novosibirsk',
  version,
  timeZone: 'Asia/Novosibirsk',
  week: { mon: [['09:00', '18:00']] },
});

describe('the SLA catalog of a customer', () => {
  it("holds the preset's versions, then the customer's own; none for an unknown preset", () => {
    const catalog = slaCatalogOf({ presetId: '001-netix', calendars: [office(2)] });
    expect(catalog?.policies.map((p) => `${p.id}@${p.version}`)).toEqual(['netix@1']);
    expect(catalog?.calendars.map((c) => `${c.id}@${c.version}`)).toEqual([
      'netix-novosibirsk@1',
      'netix-novosibirsk@2',
    ]);
    expect(slaCatalogOf({ presetId: '999-nobody' })).toBeUndefined();
  });

  it('numbers a new version one past the highest of its id', () => {
    const catalog = slaCatalogOf({ presetId: '001-netix', calendars: [office(2)] })!;
    expect(nextVersion(catalog.calendars, 'netix-novosibirsk')).toBe(3);
    expect(nextVersion(catalog.policies, 'netix')).toBe(2);
    expect(nextVersion(catalog.policies, 'brand-new')).toBe(1);
  });

  it('compiles the newest version of each calendar, or the versions a ticket recorded', () => {
    const catalog = slaCatalogOf({ presetId: '001-netix', calendars: [office(3), office(2)] })!;
    expect(calendarsInUse(catalog).map((c) => c.version)).toEqual([3]);
    expect(calendarsInUse(catalog, [{ id: 'netix-novosibirsk', version: 1 }]).map((c) => c.version)).toEqual([1]);
  });
});
