/**
 * A customer as the ticket workflow decides on it: who may open requests, under which contract,
 * licences and product versions, on which SLA preset, policy and calendar, with which process
 * options. Pure types and constants: importable from Temporal workflow code.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD), both ends inclusive, compared on the UTC day of the
 * request.
 */
import type { CalendarDefinition, SlaPolicy } from '@caseflow/sla';

export type SeverityScheme = 'S1-S3' | 'urgency1-4' | 'critical-low' | 'quartet';
export type ClarificationOutcome = 'resolveNoResponse' | 'keepWaiting';

export const SEVERITY_SCHEMES: readonly SeverityScheme[] = ['S1-S3', 'urgency1-4', 'critical-low', 'quartet'];
export const CLARIFICATION_OUTCOMES: readonly ClarificationOutcome[] = ['resolveNoResponse', 'keepWaiting'];

export interface Contract {
  id: string;
  /** Support plan bought with this contract; overrides the customer's plan while it is valid. */
  plan?: string;
  validFrom: string;
  validTo: string;
}

export interface Licence {
  key: string;
  product: string;
  validFrom: string;
  validTo: string;
}

export interface ProductSupport {
  product: string;
  /** "7.1" supports 7.1 and every 7.1.x; compared case-insensitively. */
  supportedVersions: string[];
}

export interface AuthorizedContact {
  email: string;
  name: string;
}

export interface ProcessOptions {
  /** 003 BPMSoft: requests only from the authorized person(s). */
  authorizedContactsOnly: boolean;
  /** 003 BPMSoft: one request at a time; the next waits until the previous is resolved. */
  sequentialQueue: boolean;
  /** Intake keys that must be present (productVersion/product may come from the request itself). */
  requiredIntakeFields: string[];
  /** What an unanswered clarification leads to. */
  clarificationOutcome: ClarificationOutcome;
  severityScheme: SeverityScheme;
}

export type SupportTier = 'L1' | 'L2' | 'L3';
export const SUPPORT_TIERS: readonly SupportTier[] = ['L1', 'L2', 'L3'];

/**
 * Who works on the customer's tickets first. 004: the two dedicated helpdesk people (the pair) at
 * first level, above them SysDesk (L2) and professional services (L3); the first named is the
 * default assignee, the other takes over by assignment. Staff ids, as tokens and events name staff.
 */
export interface SupportTeam {
  /** The tier a new ticket starts in (default L1). */
  entryTier?: SupportTier;
  /** The customer's dedicated people, default assignee first (1 to 4). */
  dedicated: string[];
}

export interface CustomerRecord {
  /** Slug, e.g. 'balasys-demo'. */
  id: string;
  name: string;
  /** A libs/sla preset id, e.g. '000-balasys'. */
  presetId: string;
  /** SLA policy; must exist in that preset. */
  policy: { id: string; version: number };
  /** The preset calendar used for customer-side deadlines. */
  calendarId: string;
  /** Support plan (000 Balasys: BaseSU / StandardSU / PrivilegeSU / 24x7SU). */
  plan?: string;
  /**
   * Key of the customer's own quartet table in a 'quartet' policy (004 IL helpdesk); pass it as the SLA
   * classification's customerId. Absent: the table keyed by the customer id, else 'default'.
   */
  quartetTable?: string;
  contracts: Contract[];
  licences: Licence[];
  products: ProductSupport[];
  authorizedContacts: AuthorizedContact[];
  processOptions: ProcessOptions;
  /** Absent: tickets start at L1, unassigned until someone is assigned. */
  support?: SupportTeam;
  /**
   * The customer's own SLA policy versions, beside its preset's (`policy` may name either). A
   * version is immutable once added: a change is a new version.
   */
  slaPolicies?: SlaPolicy[];
  /**
   * The customer's own calendar versions, beside its preset's; immutable once added. A ticket
   * compiles the newest version of each calendar id when it is identified and keeps it.
   */
  calendars?: CalendarDefinition[];
}

/** The top-level fields of a record, in a stable order (events list changed ones in this order). */
export const CUSTOMER_FIELDS: ReadonlyArray<keyof CustomerRecord> = [
  'id',
  'name',
  'presetId',
  'policy',
  'calendarId',
  'plan',
  'quartetTable',
  'contracts',
  'licences',
  'products',
  'authorizedContacts',
  'processOptions',
  'support',
  'slaPolicies',
  'calendars',
];

/** The event stream of a customer: every change to it is one event there. */
export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
