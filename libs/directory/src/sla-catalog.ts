import { presetById, type CalendarDefinition, type SlaPolicy } from '@caseflow/sla';

/** A customer's own SLA versions, beside those of its preset (CustomerRecord's `slaPolicies` and `calendars`). */
export interface OwnSla {
  presetId: string;
  slaPolicies?: readonly SlaPolicy[];
  calendars?: readonly CalendarDefinition[];
}

/** Every policy and calendar version a customer's tickets may run on: its preset's, then its own. */
export interface SlaCatalog {
  policies: readonly SlaPolicy[];
  calendars: readonly CalendarDefinition[];
}

export interface VersionRef {
  id: string;
  version: number;
}

/** Undefined when the preset is unknown. */
export function slaCatalogOf(own: OwnSla): SlaCatalog | undefined {
  const preset = presetById(own.presetId);
  if (!preset) return undefined;
  return {
    policies: [...preset.policies, ...(own.slaPolicies ?? [])],
    calendars: [...preset.calendars, ...(own.calendars ?? [])],
  };
}

export const findVersion = <T extends VersionRef>(items: readonly T[], ref: VersionRef): T | undefined =>
  items.find((item) => item.id === ref.id && item.version === ref.version);

/** The version a new entry of `id` gets: one past the highest there is (1 for a new id). */
export const nextVersion = (items: readonly VersionRef[], id: string): number =>
  items.filter((item) => item.id === id).reduce((highest, item) => Math.max(highest, item.version), 0) + 1;

/**
 * The calendars a ticket opened now compiles: the newest version of each calendar id, or, for a
 * ticket identified earlier, exactly the versions it recorded (`pinned`).
 */
export function calendarsInUse(catalog: SlaCatalog, pinned?: readonly VersionRef[]): CalendarDefinition[] {
  const chosen = new Map<string, CalendarDefinition>();
  for (const calendar of catalog.calendars) {
    const pin = pinned?.find((ref) => ref.id === calendar.id);
    if (pin ? pin.version !== calendar.version : (chosen.get(calendar.id)?.version ?? 0) >= calendar.version) continue;
    chosen.set(calendar.id, calendar);
  }
  return [...chosen.values()];
}
