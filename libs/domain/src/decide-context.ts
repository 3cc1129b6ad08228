import { policyOf, quartetPriority } from '@caseflow/sla';
import { customerWindows } from './customer-deadlines';
import type { DecideContext } from './decide';
import type { TicketSla } from './ticket-clocks';
import type { IdentifiedTicket } from './ticket-state';

/** Everything `decide` needs besides the state, for a decision taken at `at`. */
export function decideContextAt(sla: TicketSla, state: IdentifiedTicket, at: string): DecideContext {
  const { customer } = state;
  return {
    ...customerWindows(sla, at),
    quartetPriority: (quartet) =>
      quartetPriority(policyOf(sla.context, customer.policy), {
        customerId: state.customerId,
        quartet,
        ...(customer.quartetTable ? { quartetTable: customer.quartetTable } : {}),
      }),
  };
}
