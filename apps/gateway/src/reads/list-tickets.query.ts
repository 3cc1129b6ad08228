import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ALL_SEVERITIES, TICKET_TYPES, TIERS, type TicketPhase } from '@caseflow/domain';
import type { PageRequest, SlaStatusFilter, TicketFilter } from '@caseflow/projections';
import { IsInstant } from '../http/is-instant';

/** Every phase, checked against the domain's union both ways (a phase added there fails to compile here). */
const PHASE_SET = {
  identify: true,
  refused: true,
  queued: true,
  understand: true,
  fix: true,
  confirm: true,
  awaitingApproval: true,
  implementing: true,
  acceptance: true,
  feedback: true,
  closed: true,
  cancelled: true,
} satisfies Record<TicketPhase, true>;
export const PHASES = Object.keys(PHASE_SET) as TicketPhase[];

const SLA_STATUS_SET = {
  none: true,
  running: true,
  warned: true,
  breached: true,
  paused: true,
  met: true,
} satisfies Record<SlaStatusFilter, true>;
export const SLA_STATUSES = Object.keys(SLA_STATUS_SET) as SlaStatusFilter[];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const MAX_VALUES = 20;
const STAFF_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** `phase=fix,confirm` and `phase=fix&phase=confirm` alike: a list of trimmed, non-empty values. */
const list = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '');

const listDoc = (values: readonly string[], example: string) => ({
  description: `One or more, comma-separated or repeated.`,
  isArray: true,
  enum: [...values],
  example: example.split(','),
});

/**
 * `GET /v1/tickets`' query: the TicketFilter fields and the page. Unknown parameters and bad values
 * are 400 VALIDATION_FAILED naming each field. The customer of a scoped caller comes from the token.
 */
export class ListTicketsQuery {
  @ApiPropertyOptional({ example: 'balasys-demo', description: 'Customer id (a customer contact: always its own).' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'customer must be 2–63 lowercase letters, digits or dashes' })
  customer?: string;

  @ApiPropertyOptional(listDoc(PHASES, 'understand,fix'))
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(PHASES, { each: true })
  phase?: TicketPhase[];

  @ApiPropertyOptional(listDoc(ALL_SEVERITIES, 'S1'))
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(ALL_SEVERITIES, { each: true })
  severity?: string[];

  @ApiPropertyOptional(listDoc(PRIORITIES, 'P1,P2'))
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(PRIORITIES, { each: true })
  priority?: string[];

  @ApiPropertyOptional(listDoc(TICKET_TYPES, 'incident'))
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(TICKET_TYPES, { each: true })
  type?: string[];

  @ApiPropertyOptional({ example: 'eve', description: 'Staff id of the assignee.' })
  @IsOptional()
  @IsString()
  @Matches(STAFF_ID, { message: 'assignee must be a staff id (letters, digits, . _ -)' })
  assignee?: string;

  @ApiPropertyOptional({ enum: TIERS, example: 'L2' })
  @IsOptional()
  @IsIn(TIERS)
  tier?: string;

  @ApiPropertyOptional({
    ...listDoc(SLA_STATUSES, 'warned,breached'),
    description:
      'The worst SLA status as of now (from stored deadlines, not a status column); comma-separated or repeated.',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(SLA_STATUSES, { each: true })
  slaStatus?: SlaStatusFilter[];

  @ApiPropertyOptional({ example: '2027-03-12T00:00:00Z', description: 'Next SLA deadline before this instant.' })
  @IsOptional()
  @IsInstant()
  deadlineBefore?: string;

  @ApiPropertyOptional({ example: '2027-03-11T00:00:00Z', description: 'Next SLA deadline after this instant.' })
  @IsOptional()
  @IsInstant()
  deadlineAfter?: string;

  @ApiPropertyOptional({ example: '2027-03-01T00:00:00Z', description: 'Opened at or after.' })
  @IsOptional()
  @IsInstant()
  openedFrom?: string;

  @ApiPropertyOptional({ example: '2027-04-01T00:00:00Z', description: 'Opened at or before.' })
  @IsOptional()
  @IsInstant()
  openedTo?: string;

  @ApiPropertyOptional({
    example: 'upgrade sessions',
    description: 'Words of the title (case-insensitive, all of them).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor (opaque)." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** The filter as the read model takes it; the customer is the one the caller may list (see the controller). */
export function filterOf(query: ListTicketsQuery, customerId: string | undefined): TicketFilter {
  const { phase, severity, priority, type, assignee, tier, slaStatus, text } = query;
  const { deadlineBefore, deadlineAfter, openedFrom, openedTo } = query;
  const filter: TicketFilter = {
    customerId,
    phase,
    severity,
    priority,
    type,
    assignee,
    tier,
    slaStatus,
    deadlineBefore: utc(deadlineBefore),
    deadlineAfter: utc(deadlineAfter),
    openedFrom: utc(openedFrom),
    openedTo: utc(openedTo),
    text,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as TicketFilter;
}

/** An instant as UTC: PostgreSQL refuses offsets past ±15:59, which RFC 3339 allows (up to ±23:59). */
const utc = (instant: string | undefined): string | undefined =>
  instant === undefined ? undefined : new Date(instant).toISOString();

export const pageOf = ({ limit, cursor }: ListTicketsQuery): PageRequest => ({ limit, cursor });
