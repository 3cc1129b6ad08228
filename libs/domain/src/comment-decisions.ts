/** Comments from either side; internal notes are staff's, and the event says which is which. */
import type { Actor } from './commands';
import { ANYONE, LIVE, reject, requirePhase, requireRole, requireText, type Command } from './command-rules';
import type { CommentAdded } from './events';
import type { TicketState } from './ticket-state';

export function comment(command: Command<'comment'>, actor: Actor, state: TicketState): CommentAdded {
  requireRole(actor, ANYONE, command);
  requirePhase(state, LIVE, command);
  const text = requireText(command.text, 'text', 20_000);
  const author = actor.role === 'customer' ? 'customer' : 'staff';
  const visibility = command.visibility ?? (author === 'customer' ? 'public' : undefined);
  if (visibility !== 'public' && visibility !== 'internal')
    return reject('visibility must be public or internal (staff say which)', { field: 'visibility' });
  if (author === 'customer' && visibility === 'internal')
    reject('internal notes are for staff', { field: 'visibility' });
  return { type: 'CommentAdded', data: { text, visibility, author } };
}
