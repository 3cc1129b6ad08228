/**
 * Checks a customer record before it enters the directory: shapes, ids, dates, and that the SLA
 * preset, policy (id + version) and calendar it names exist in libs/sla. Pure.
 */
import { SEVERITY_SCALES, slaClassification } from '@caseflow/domain';
import {
  matchTargets,
  presetById,
  validateCalendarDefinition,
  validatePolicy,
  type CalendarDefinition,
  type SlaPolicy,
} from '@caseflow/sla';
import {
  CLARIFICATION_OUTCOMES,
  SEVERITY_SCHEMES,
  SUPPORT_TIERS,
  type CustomerRecord,
  type SeverityScheme,
} from './customer';
import { slaCatalogOf, type SlaCatalog } from './sla-catalog';

export interface FieldProblem {
  /** Path of the failing field, e.g. 'contracts[0].validTo'. */
  field: string;
  /** The rule it broke, in words. */
  rule: string;
}

export const CUSTOMER_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
/** Staff ids as tokens carry them (`eve`, `dana.levi`). */
const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

/** Every problem found (empty = valid). */
export function validateCustomer(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, rule: string) => problems.push({ field, rule });
  if (!isObject(input)) return [{ field: '(record)', rule: 'must be an object' }];
  const r = input;

  if (typeof r.id !== 'string' || !CUSTOMER_ID.test(r.id))
    bad('id', 'must be a slug: 1-63 lower-case letters, digits or inner dashes');
  if (!isText(r.name)) bad('name', 'must be a non-empty string');
  if (r.plan !== undefined && !isText(r.plan)) bad('plan', 'must be a non-empty string when given');
  if (r.quartetTable !== undefined && !isText(r.quartetTable))
    bad('quartetTable', 'must be a non-empty string when given');

  checkSla(r, bad);

  const periods = (field: string, item: Record<string, unknown>) => {
    const fromOk = isIsoDate(item.validFrom);
    const toOk = isIsoDate(item.validTo);
    if (!fromOk) bad(`${field}.validFrom`, 'must be a date YYYY-MM-DD');
    if (!toOk) bad(`${field}.validTo`, 'must be a date YYYY-MM-DD');
    if (fromOk && toOk && (item.validFrom as string) > (item.validTo as string))
      bad(`${field}.validTo`, 'must not be before validFrom');
  };

  eachItem(r, 'contracts', bad, (c, field, seen) => {
    if (!isText(c.id)) bad(`${field}.id`, 'must be a non-empty string');
    else if (seen.has(c.id)) bad(`${field}.id`, `duplicate contract id ${c.id}`);
    else seen.add(c.id);
    if (c.plan !== undefined && !isText(c.plan)) bad(`${field}.plan`, 'must be a non-empty string when given');
    periods(field, c);
  });

  const products = new Set<string>();
  eachItem(r, 'products', bad, (p, field, seen) => {
    if (!isText(p.product)) bad(`${field}.product`, 'must be a non-empty string');
    else if (seen.has(p.product.toLowerCase())) bad(`${field}.product`, `duplicate product ${p.product}`);
    else {
      seen.add(p.product.toLowerCase());
      products.add(p.product.toLowerCase());
    }
    if (!Array.isArray(p.supportedVersions) || !p.supportedVersions.every(isText)) {
      bad(`${field}.supportedVersions`, 'must be a list of non-empty strings');
    } else if (
      new Set(p.supportedVersions.map((v) => (v as string).trim().toLowerCase())).size !== p.supportedVersions.length
    ) {
      bad(`${field}.supportedVersions`, 'must not repeat a version');
    }
  });

  eachItem(r, 'licences', bad, (l, field, seen) => {
    if (!isText(l.key)) bad(`${field}.key`, 'must be a non-empty string');
    else if (seen.has(l.key)) bad(`${field}.key`, 'duplicate licence key');
    else seen.add(l.key);
    if (!isText(l.product)) bad(`${field}.product`, 'must be a non-empty string');
    else if (Array.isArray(r.products) && !products.has(l.product.toLowerCase()))
      bad(`${field}.product`, `${l.product} is not listed in products`);
    periods(field, l);
  });

  eachItem(r, 'authorizedContacts', bad, (c, field, seen) => {
    if (typeof c.email !== 'string' || !EMAIL.test(c.email)) bad(`${field}.email`, 'must be an e-mail address');
    else if (seen.has(c.email.toLowerCase())) bad(`${field}.email`, `duplicate contact ${c.email}`);
    else seen.add(c.email.toLowerCase());
    if (!isText(c.name)) bad(`${field}.name`, 'must be a non-empty string');
  });

  checkSupport(r.support, bad);

  const o = r.processOptions;
  if (!isObject(o)) bad('processOptions', 'must be an object');
  else {
    if (typeof o.authorizedContactsOnly !== 'boolean')
      bad('processOptions.authorizedContactsOnly', 'must be a boolean');
    if (typeof o.sequentialQueue !== 'boolean') bad('processOptions.sequentialQueue', 'must be a boolean');
    if (!Array.isArray(o.requiredIntakeFields) || !o.requiredIntakeFields.every(isText)) {
      bad('processOptions.requiredIntakeFields', 'must be a list of non-empty strings');
    } else if (new Set(o.requiredIntakeFields).size !== o.requiredIntakeFields.length) {
      bad('processOptions.requiredIntakeFields', 'must not repeat a field');
    }
    if (!CLARIFICATION_OUTCOMES.includes(o.clarificationOutcome as never)) {
      bad('processOptions.clarificationOutcome', `must be one of ${CLARIFICATION_OUTCOMES.join(', ')}`);
    }
    if (!SEVERITY_SCHEMES.includes(o.severityScheme as never)) {
      bad('processOptions.severityScheme', `must be one of ${SEVERITY_SCHEMES.join(', ')}`);
    }
    // 003: "one authorized client employee"; naming another one replaces them (changeAuthorizedPerson).
    if (o.authorizedContactsOnly === true && Array.isArray(r.authorizedContacts) && r.authorizedContacts.length !== 1) {
      bad('authorizedContacts', 'must name exactly one person when processOptions.authorizedContactsOnly is true');
    }
  }
  return problems;
}

/** Narrows after validateCustomer found nothing. */
export function isValidCustomer(input: unknown): input is CustomerRecord {
  return validateCustomer(input).length === 0;
}

function checkSla(r: Record<string, unknown>, bad: (field: string, rule: string) => void): void {
  if (!isText(r.presetId)) return void bad('presetId', 'must be a non-empty string');
  const preset = presetById(r.presetId);
  if (!preset) return void bad('presetId', `no SLA preset ${r.presetId}`);
  const own = checkOwnVersions(r, bad);
  const catalog = slaCatalogOf({ presetId: preset.id, ...own }) as SlaCatalog;
  const calendarIds = [...new Set(catalog.calendars.map((c) => c.id))];
  const calendarOk = isText(r.calendarId) && calendarIds.includes(r.calendarId);
  if (!calendarOk)
    bad('calendarId', `must be a calendar of preset ${preset.id} or the customer's own (${calendarIds.join(', ')})`);
  const ref = r.policy;
  if (!isObject(ref) || !isText(ref.id) || !Number.isInteger(ref.version) || (ref.version as number) < 1) {
    return void bad('policy', 'must be { id: string, version: integer >= 1 }');
  }
  const policy = catalog.policies.find((p) => p.id === ref.id && p.version === ref.version);
  if (!policy) {
    const known = catalog.policies.map((p) => `${p.id} v${p.version}`).join(', ');
    return void bad(
      'policy',
      `policy ${ref.id} v${String(ref.version)} is neither in preset ${preset.id} nor the customer's own (${known})`,
    );
  }
  if (isText(r.calendarId) && calendarOk && !policy.calendars.includes(r.calendarId)) {
    bad('calendarId', `policy ${policy.id} v${policy.version} does not use calendar ${r.calendarId}`);
  }
  const matcher = policy.matcher;
  checkCoverage(r, policy, bad);
  if (matcher.kind === 'severityPlan') {
    const plans = Object.keys(matcher.plans);
    const planOk = (plan: unknown) => typeof plan === 'string' && plans.includes(plan);
    if (!planOk(r.plan)) bad('plan', `policy ${policy.id} needs a plan, one of ${plans.join(', ')}`);
    if (Array.isArray(r.contracts)) {
      r.contracts.forEach((c, i) => {
        if (isObject(c) && c.plan !== undefined && !planOk(c.plan))
          bad(`contracts[${i}].plan`, `must be one of ${plans.join(', ')}`);
      });
    }
  }
  if (r.quartetTable !== undefined) {
    if (matcher.kind !== 'quartet') bad('quartetTable', `policy ${policy.id} has no quartet tables`);
    else if (typeof r.quartetTable === 'string' && !(r.quartetTable in matcher.tables)) {
      bad('quartetTable', `must be a table of policy ${policy.id} (${Object.keys(matcher.tables).join(', ')})`);
    }
  }
}

/**
 * The policy must give targets to every ticket the customer can have: each severity of its scheme
 * under each plan its contracts give, as the workflow classifies it (else the ticket's SLA clock
 * would find no targets). Only when the plans are valid for it (the plan checks report those).
 */
function checkCoverage(r: Record<string, unknown>, policy: SlaPolicy, bad: (field: string, rule: string) => void) {
  const scheme = (r.processOptions as { severityScheme?: unknown } | undefined)?.severityScheme;
  if (!SEVERITY_SCHEMES.includes(scheme as never) || !Array.isArray(r.contracts)) return;
  const plans = new Set<string | undefined>(
    r.contracts.length === 0
      ? [r.plan as string | undefined]
      : r.contracts.map((c) => ((c as { plan?: string }).plan ?? r.plan) as string | undefined),
  );
  if (policy.matcher.kind === 'severityPlan') {
    const known = Object.keys(policy.matcher.plans);
    if ([...plans].some((plan) => plan === undefined || !known.includes(plan))) return;
  }
  const uncovered = new Set<string>();
  for (const plan of plans)
    for (const severity of SEVERITY_SCALES[scheme as SeverityScheme]) {
      const classification = slaClassification(
        scheme as SeverityScheme,
        severity,
        plan,
        String(r.id),
        undefined,
        typeof r.quartetTable === 'string' ? r.quartetTable : undefined,
      );
      try {
        matchTargets(policy, classification);
      } catch {
        uncovered.add(plan ? `${severity} (${plan})` : severity);
      }
    }
  if (uncovered.size > 0)
    bad('policy', `policy ${policy.id} v${policy.version} has no targets for severity ${[...uncovered].join(', ')}`);
}

/**
 * The customer's own policy and calendar versions: each valid as libs/sla checks it, no id and
 * version twice (preset included), every calendar a policy names known. Returns the well-formed ones.
 */
function checkOwnVersions(
  r: Record<string, unknown>,
  bad: (field: string, rule: string) => void,
): { slaPolicies: SlaPolicy[]; calendars: CalendarDefinition[] } {
  const preset = presetById(r.presetId as string);
  const calendars = ownEntries<CalendarDefinition>(r, 'calendars', preset?.calendars ?? [], bad, (calendar) =>
    validateCalendarDefinition(calendar),
  );
  const calendarIds = new Set([...(preset?.calendars ?? []), ...calendars].map((c) => c.id));
  const slaPolicies = ownEntries<SlaPolicy>(r, 'slaPolicies', preset?.policies ?? [], bad, (policy) => {
    validatePolicy(policy);
    const unknown = policy.calendars.filter((id) => !calendarIds.has(id));
    if (unknown.length > 0)
      throw new Error(`names calendars that are neither the preset's nor own: ${unknown.join(', ')}`);
  });
  return { slaPolicies, calendars };
}

function ownEntries<T extends { id: string; version: number }>(
  r: Record<string, unknown>,
  key: 'slaPolicies' | 'calendars',
  presetEntries: readonly T[],
  bad: (field: string, rule: string) => void,
  check: (entry: T) => void,
): T[] {
  const list = r[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    bad(key, 'must be a list when given');
    return [];
  }
  const seen = new Set(presetEntries.map((e) => `${e.id}@${e.version}`));
  return list.filter((entry: unknown, i): entry is T => {
    const field = `${key}[${i}]`;
    if (!isObject(entry) || !isText(entry.id) || !Number.isInteger(entry.version) || (entry.version as number) < 1) {
      bad(field, 'must have an id and a version (integer >= 1)');
      return false;
    }
    const name = `${entry.id}@${String(entry.version)}`;
    if (seen.has(name)) {
      bad(`${field}.version`, `version ${name} exists already`);
      return false;
    }
    seen.add(name);
    try {
      check(entry as unknown as T);
      return true;
    } catch (error) {
      bad(field, error instanceof Error ? error.message : String(error));
      return false;
    }
  });
}

function eachItem(
  r: Record<string, unknown>,
  key: 'contracts' | 'licences' | 'products' | 'authorizedContacts',
  bad: (field: string, rule: string) => void,
  check: (item: Record<string, unknown>, field: string, seen: Set<string>) => void,
): void {
  const list = r[key];
  if (!Array.isArray(list)) return void bad(key, 'must be a list');
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const field = `${key}[${i}]`;
    if (!isObject(item)) bad(field, 'must be an object');
    else check(item, field, seen);
  });
}

function checkSupport(support: unknown, bad: (field: string, rule: string) => void): void {
  if (support === undefined) return;
  if (!isObject(support)) return bad('support', 'must be an object when given');
  if (support.entryTier !== undefined && !SUPPORT_TIERS.includes(support.entryTier as never))
    bad('support.entryTier', `must be one of ${SUPPORT_TIERS.join(', ')}`);
  const dedicated = support.dedicated;
  if (!Array.isArray(dedicated) || dedicated.length < 1 || dedicated.length > 4)
    return bad('support.dedicated', 'must name 1 to 4 staff ids');
  dedicated.forEach((id, i) => {
    if (typeof id !== 'string' || !STAFF_ID.test(id)) bad(`support.dedicated[${i}]`, 'must be a staff id');
  });
  if (new Set(dedicated).size !== dedicated.length) bad('support.dedicated', 'must not repeat a person');
}
