import { SlaError } from '../errors';
import { SlaPolicy, TargetSet, TargetSpec } from './policy';
import { Span } from './span';

export function validatePolicy(policy: SlaPolicy): void {
  const name = `policy "${policy.id}" v${policy.version}`;
  const fail = (what: string): never => {
    throw new SlaError('INVALID_POLICY', `${name}: ${what}`);
  };
  if (!policy.id) fail('id is empty');
  if (!Number.isInteger(policy.version) || policy.version < 1) fail('version must be a positive integer');
  checkWarnAt(policy.warnAt, 'warnAt', fail);
  const checkSet = (set: TargetSet, where: string) => checkTargetSet(set, where, policy.calendars, fail);
  const matcher = policy.matcher;
  switch (matcher.kind) {
    case 'fixed':
      checkSet(matcher.targets, 'fixed targets');
      break;
    case 'severityPlan': {
      const severitySets = Object.entries(matcher.matrix).map(
        ([group, row]) => [group, Object.keys(row).sort().join(',')] as const,
      );
      for (const [plan, group] of Object.entries(matcher.plans))
        if (!matcher.matrix[group]) fail(`plan "${plan}" maps to "${group}", which has no row in the matrix`);
      for (const [group, severities] of severitySets) {
        if (severities !== severitySets[0][1])
          fail(
            `plan group "${group}" covers severities ${severities}, but "${severitySets[0][0]}" covers ${severitySets[0][1]}`,
          );
        for (const [severity, set] of Object.entries(matcher.matrix[group])) checkSet(set, `${group} x ${severity}`);
      }
      break;
    }
    case 'priority':
      for (const [priority, set] of Object.entries(matcher.byPriority)) checkSet(set, `priority ${priority}`);
      break;
    case 'urgency':
      for (const [urgency, set] of Object.entries(matcher.byUrgency)) checkSet(set, `urgency ${urgency}`);
      break;
    case 'quartet':
      for (const [priority, set] of Object.entries(matcher.byPriority)) checkSet(set, `priority ${priority}`);
      if (!matcher.byPriority[matcher.fallbackPriority])
        fail(`fallback priority "${matcher.fallbackPriority}" has no targets`);
      for (const [customer, rows] of Object.entries(matcher.tables)) {
        rows.forEach((row, index) => {
          if (!matcher.byPriority[row.priority])
            fail(`quartet table "${customer}" row ${index + 1} gives priority "${row.priority}", which has no targets`);
        });
      }
      break;
  }
}

function checkTargetSet(
  set: TargetSet,
  where: string,
  calendars: readonly string[],
  fail: (what: string) => never,
): void {
  const check = (spec: TargetSpec, kind: string) => {
    const at = `${where} ${kind}`;
    if (!calendars.includes(spec.calendar))
      fail(
        `${at} uses calendar "${spec.calendar}", which is not among the policy's calendars (${calendars.join(', ')})`,
      );
    checkSpan(spec.span, at, fail);
    checkWarnAt(spec.warnAt, `${at} warnAt`, fail);
  };
  if (set.firstResponse) check(set.firstResponse, 'first response');
  if (set.resolution) check(set.resolution, 'resolution');
  if (set.updates) {
    check(set.updates.beforeWorkaround, 'update cadence');
    if (set.updates.afterWorkaround) check(set.updates.afterWorkaround, 'update cadence after workaround');
  }
}

function checkSpan(span: Span, at: string, fail: (what: string) => never): void {
  const amount =
    span.measure === 'business' || span.measure === 'elapsed'
      ? span.seconds
      : span.measure === 'calendarMonths'
        ? span.months
        : span.days;
  if (!Number.isInteger(amount) || amount <= 0) fail(`${at}: span must be a positive whole number (got ${amount})`);
}

function checkWarnAt(value: number | undefined, at: string, fail: (what: string) => never): void {
  if (value !== undefined && !(value > 0 && value <= 1)) fail(`${at} must be in (0, 1] (got ${value})`);
}
