import type { SlaStatusFilter, TicketFilter } from './read-model';
import { wordProbe, wordsOf } from './title-words';

/** `$n` placeholders for a growing parameter list. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A clock is still ticking at `now` when it was running or warned and its due second has not passed. */
const ticking = (clock: string, now: string) =>
  `(${clock}_status IN ('running', 'warned') AND ${clock}_due_at + interval '1 second' > ${now})`;
const CLOCKS = ['first_response', 'update', 'resolution'] as const;

/** The ticket's SLA status as of `now` (a parameter), from the stored instants: never a stale column. */
export const slaStatusSql = (now: string): string =>
  `CASE WHEN sla_breach_at <= ${now} THEN 'breached' WHEN sla_warn_at <= ${now} THEN 'warned' ELSE sla_rest END`;

/** The earliest due instant of a clock still ticking at `now` (libs/domain's slaSummary). */
export const nextDeadlineSql = (now: string): string =>
  `LEAST(${CLOCKS.map((c) => `CASE WHEN ${ticking(c, now)} THEN ${c}_due_at END`).join(', ')})`;

/** SQL conditions (joined with AND) for every filter given; `now` is the placeholder of the instant asked. */
export function filterConditions(filter: TicketFilter, now: string, params: Params): string[] {
  const where: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) where.push(`${column} = ${params.add(value)}`);
  };
  const oneOf = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) where.push(`${column} = ANY(${params.add([...values])}::text[])`);
  };
  equal('customer_id', filter.customerId);
  oneOf('phase', filter.phase);
  oneOf('severity', filter.severity);
  oneOf('priority', filter.priority);
  oneOf('type', filter.type);
  equal('assignee', filter.assignee);
  equal('tier', filter.tier);
  if (filter.slaStatus?.length) where.push(slaCondition(filter.slaStatus, now, params));
  if (filter.deadlineBefore) where.push(`${nextDeadlineSql(now)} < ${params.add(filter.deadlineBefore)}`);
  if (filter.deadlineAfter) where.push(`${nextDeadlineSql(now)} > ${params.add(filter.deadlineAfter)}`);
  if (filter.openedFrom) where.push(`opened_at >= ${params.add(filter.openedFrom)}`);
  if (filter.openedTo) where.push(`opened_at <= ${params.add(filter.openedTo)}`);
  if (filter.text !== undefined) where.push(...textConditions(filter.text, params));
  return where;
}

/** What `sla_rest` must be for a ticket to have a status (breached: any; warned needs a ticking clock). */
const REST_FOR: Record<SlaStatusFilter, string | null> = {
  breached: null,
  warned: 'running',
  running: 'running',
  paused: 'paused',
  met: 'met',
  none: 'none',
};

/**
 * 'breached' alone is the indexed comparison; a set without it also narrows `sla_rest` (indexed)
 * before the computed status is compared.
 */
function slaCondition(statuses: readonly SlaStatusFilter[], now: string, params: Params): string {
  if (statuses.length === 1 && statuses[0] === 'breached') return `sla_breach_at <= ${now}`;
  const computed = `(${slaStatusSql(now)}) = ANY(${params.add([...statuses])}::text[])`;
  const rests = statuses.map((s) => REST_FOR[s]);
  if (rests.includes(null)) return computed;
  return `sla_rest = ANY(${params.add([...new Set(rests)])}::text[]) AND ${computed}`;
}

/**
 * Every word of the query must be a word of the title. A stored word is sha256(key ‖ word) under the
 * title's subject key, so the database hashes the query word with each live key and looks the
 * tokens up by index; a word under an erased key (NULL) can never match again.
 */
function textConditions(text: string, params: Params): string[] {
  const words = wordsOf(text);
  if (!words.length) return ['false'];
  return words.map(
    (word) =>
      `number IN (SELECT w.number FROM subject_keys k
         JOIN projection_title_words w ON w.token = sha256(k.key || convert_to(${params.add(wordProbe(word))}, 'UTF8'))
           AND w.key_id = k.key_id
         WHERE k.key IS NOT NULL)`,
  );
}
