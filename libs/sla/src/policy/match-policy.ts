import { SlaError } from '../errors';
import { Classification, Quartet, QuartetRow, SlaPolicy, TargetSet } from './policy';

export interface MatchedTargets {
  targets: TargetSet;
  /** Which row decided, for people reading the clock ("plan PrivilegeSU (privileged) x S1"). */
  matchedBy: string;
}

export function matchTargets(policy: SlaPolicy, classification: Classification): MatchedTargets {
  const matcher = policy.matcher;
  const noMatch = (what: string): never => {
    throw new SlaError('NO_MATCHING_TARGETS', `policy "${policy.id}" v${policy.version}: ${what}`);
  };
  switch (matcher.kind) {
    case 'fixed':
      return { targets: matcher.targets, matchedBy: 'fixed targets' };
    case 'severityPlan': {
      const { plan, severity } = classification;
      if (plan === undefined || severity === undefined) return noMatch('needs both plan and severity');
      const group = matcher.plans[plan] ?? noMatch(`unknown plan "${plan}"`);
      const targets =
        matcher.matrix[group]?.[severity] ?? noMatch(`no row for plan "${plan}" and severity "${severity}"`);
      return { targets, matchedBy: `plan ${plan} (${group}) x ${severity}` };
    }
    case 'priority': {
      const priority = classification.priority ?? noMatch('needs a priority');
      const targets = matcher.byPriority[priority] ?? noMatch(`unknown priority "${priority}"`);
      return { targets, matchedBy: `priority ${priority}` };
    }
    case 'urgency': {
      const urgency = classification.urgency ?? noMatch('needs an urgency');
      const targets = matcher.byUrgency[String(urgency)] ?? noMatch(`unknown urgency ${urgency}`);
      return { targets, matchedBy: `urgency ${urgency}` };
    }
    case 'quartet': {
      const row = quartetRow(matcher, classification);
      const priority = row?.priority ?? matcher.fallbackPriority;
      const targets = matcher.byPriority[priority] ?? noMatch(`quartet priority "${priority}" has no targets`);
      const source = row ? `quartet ${describeRow(row)}` : 'no quartet row (fallback)';
      return { targets, matchedBy: `${source} -> priority ${priority}` };
    }
  }
}

type QuartetMatcher = Extract<SlaPolicy['matcher'], { kind: 'quartet' }>;

function quartetRow(matcher: QuartetMatcher, classification: Classification): QuartetRow | undefined {
  const key = classification.quartetTable ?? classification.customerId;
  const table = (key !== undefined ? matcher.tables[key] : undefined) ?? matcher.tables.default ?? [];
  return classification.quartet
    ? table.find((candidate) => quartetMatches(candidate, classification.quartet!))
    : undefined;
}

/** 004 IL helpdesk: the priority a quartet decides (the customer's own table first); undefined for other matchers. */
export function quartetPriority(policy: SlaPolicy, classification: Classification): string | undefined {
  if (policy.matcher.kind !== 'quartet') return undefined;
  return quartetRow(policy.matcher, classification)?.priority ?? policy.matcher.fallbackPriority;
}

function quartetMatches(row: QuartetRow, quartet: Quartet): boolean {
  const fits = (pattern: string, value: string | undefined) => pattern === '*' || pattern === value;
  return (
    fits(row.service, quartet.service) &&
    fits(row.category, quartet.category) &&
    fits(row.item, quartet.item) &&
    fits(row.impact, quartet.impact)
  );
}

function describeRow(row: QuartetRow): string {
  return `${row.service}/${row.category}/${row.item}/${row.impact}`;
}
