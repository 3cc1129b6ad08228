import type { Actor, TicketCommand } from '@caseflow/domain';
import { anna, resolution } from '../lifecycle/fixtures';

export { balasysS1 } from '../lifecycle/fixtures';

export const engineer: Actor = { id: 'eve.engineer', role: 'engineer' };

/** A Balasys S1 ticket from its first answer to close, one update per step. */
export const balasysToClose: ReadonlyArray<{ name: string; actor: Actor; command: TicketCommand }> = [
  { name: 'respond', actor: engineer, command: { type: 'respond', message: 'We are on it.' } },
  { name: 'applyHotfix', actor: engineer, command: { type: 'applyHotfix', description: 'Hotfix 7.1.2-hf1 applied.' } },
  { name: 'resolve', actor: engineer, command: { type: 'resolve', ...resolution } },
  { name: 'accept', actor: anna, command: { type: 'accept' } },
  { name: 'giveFeedback', actor: anna, command: { type: 'giveFeedback', score: 5, comment: 'Fast.' } },
];
