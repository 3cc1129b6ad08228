import { TicketEventsActivities } from './ticket-events.activities';

/** Every injectable activity service; the worker binds their methods into one activities object. */
export const ACTIVITY_SERVICES = [TicketEventsActivities] as const;
export { TicketEventsActivities };
