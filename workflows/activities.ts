import { proxyActivities } from '@temporalio/workflow';
import type { TicketActivities } from '@caseflow/contract';

/** Appending is idempotent (the event id), so retried; a stale position is not worth retrying. */
export const { appendTicketEvent, deliverNotification } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConcurrencyError'] },
});

export const { identifyTicket, resolveDataSubject } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
