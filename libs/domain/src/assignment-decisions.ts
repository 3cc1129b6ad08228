/**
 * Who works on the ticket (002/004): another person in the same tier, or a hand-over to another
 * tier with a reason; leaving first level carries 002's brief for second level.
 */
import type { Actor } from './commands';
import {
  LIVE,
  reject,
  requirePhase,
  requireRole,
  requireStaffId,
  requireText,
  STAFF,
  type Command,
} from './command-rules';
import type { TicketAssigned, TicketHandedOver } from './events';
import type { TicketState } from './ticket-state';
import { isTier, SECOND_LEVEL_BRIEF_TEXTS, TIERS, type SecondLevelBrief } from './tiers';

export function assign(command: Command<'assign'>, actor: Actor, state: TicketState): TicketAssigned {
  requireRole(actor, STAFF, command);
  requirePhase(state, LIVE, command);
  const assignee = requireStaffId(command.assignee, 'assignee');
  if (assignee === state.assignee) reject(`the ticket is already assigned to ${assignee}`, { field: 'assignee' });
  return { type: 'TicketAssigned', data: { assignee, reason: requireText(command.reason, 'reason', 2_000) } };
}

export function handOver(command: Command<'handOver'>, actor: Actor, state: TicketState): TicketHandedOver {
  requireRole(actor, STAFF, command);
  requirePhase(state, LIVE, command);
  if (!isTier(command.tier)) reject(`tier must be one of ${TIERS.join(', ')}`, { field: 'tier' });
  if (command.tier === state.tier) reject(`the ticket is already in tier ${state.tier}`, { field: 'tier' });
  const assignee = requireStaffId(command.assignee, 'assignee');
  const reason = requireText(command.reason, 'reason', 2_000);
  // 002: a request forwarded from first level names at least these five things.
  const leavesFirstLevel = state.tier === 'L1';
  if (!leavesFirstLevel && command.brief !== undefined)
    reject('a brief goes with a hand-over from first level only', { field: 'brief' });
  const brief = leavesFirstLevel ? requireBrief(command.brief) : undefined;
  return {
    type: 'TicketHandedOver',
    data: { from: state.tier, to: command.tier, assignee, reason, ...(brief ? { brief } : {}) },
  };
}

function requireBrief(value: unknown): SecondLevelBrief {
  if (typeof value !== 'object' || value === null)
    return reject(
      'a hand-over from first level needs the brief: customerNumber, domain, contact, errorDescription, endCustomerContactAllowed',
      { field: 'brief' },
    );
  const brief = value as Record<string, unknown>;
  const texts = Object.fromEntries(
    SECOND_LEVEL_BRIEF_TEXTS.map((field) => [field, requireText(brief[field], `brief.${field}`, 5_000)]),
  ) as Pick<SecondLevelBrief, (typeof SECOND_LEVEL_BRIEF_TEXTS)[number]>;
  if (typeof brief.endCustomerContactAllowed !== 'boolean')
    reject('brief.endCustomerContactAllowed must be true or false', { field: 'brief.endCustomerContactAllowed' });
  return { ...texts, endCustomerContactAllowed: brief.endCustomerContactAllowed as boolean };
}
