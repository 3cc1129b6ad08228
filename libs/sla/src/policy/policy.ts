import { Span } from './span';

export type TargetKind = 'firstResponse' | 'update' | 'resolution';

/** One target: how long, on which calendar, and the per-policy defaults it may override. */
export interface TargetSpec {
  span: Span;
  /** Calendar id (see the policy's calendars); business spans count its working time. */
  calendar: string;
  /** Fraction of the span after which the target is "warned"; default 0.75. */
  warnAt?: number;
  /** Whether waiting for the customer stops this clock; default: true except for first response. */
  pausesWhileAwaitingCustomer?: boolean;
  /** Set when the source document is silent and the value is a labelled choice. */
  assumed?: string;
}

/** Update cadence, which can change when a workaround is found ("every 2h 24x7 until a workaround"). */
export interface UpdateCadence {
  beforeWorkaround: TargetSpec;
  /** Omitted: the same cadence as before; null: no more periodic updates once a workaround exists. */
  afterWorkaround?: TargetSpec | null;
}

export interface TargetSet {
  firstResponse?: TargetSpec;
  updates?: UpdateCadence;
  resolution?: TargetSpec;
}

/** The ticket's classification as the policy sees it; each matcher reads the fields it needs. */
export interface Classification {
  severity?: string;
  plan?: string;
  priority?: string;
  urgency?: number;
  customerId?: string;
  /**
   * The quartet table to use (004 IL helpdesk): a customer's own table names it; without it the
   * customer's id is the key.
   */
  quartetTable?: string;
  /** The three customer-chosen fields plus the engineer's fourth (004 IL helpdesk). */
  quartet?: Quartet;
}

export interface Quartet {
  service: string;
  category: string;
  item: string;
  impact?: string; // set by the engineer
}

/** One row of a quartet table; "*" matches any value. */
export interface QuartetRow {
  service: string;
  category: string;
  item: string;
  impact: string;
  priority: string;
}

export type Matcher =
  | { kind: 'severityPlan'; plans: Record<string, string>; matrix: Record<string, Record<string, TargetSet>> }
  | { kind: 'priority'; byPriority: Record<string, TargetSet> }
  | { kind: 'urgency'; byUrgency: Record<string, TargetSet> }
  | { kind: 'fixed'; targets: TargetSet }
  | {
      kind: 'quartet';
      /** Per-customer tables; "default" applies to customers without their own. */
      tables: Record<string, readonly QuartetRow[]>;
      /** Priority used when no row matches (e.g. before the engineer sets the fourth field). */
      fallbackPriority: string;
      byPriority: Record<string, TargetSet>;
    };

export interface SlaPolicy {
  id: string;
  version: number;
  title: string;
  matcher: Matcher;
  /** Calendar ids the targets use; each must be supplied, compiled, to the clock. */
  calendars: readonly string[];
  warnAt?: number;
  notes?: readonly string[];
}

export interface PolicyRef {
  id: string;
  version: number;
}
