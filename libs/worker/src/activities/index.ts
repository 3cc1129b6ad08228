import { DataSubjectActivities } from './data-subject.activities';
import { IdentificationActivities } from './identification.activities';
import { NotificationActivities } from './notification.activities';
import { TicketEventsActivities } from './ticket-events.activities';

/** Every injectable activity service; the worker binds their methods into one activities object. */
export const ACTIVITY_SERVICES = [
  TicketEventsActivities,
  IdentificationActivities,
  NotificationActivities,
  DataSubjectActivities,
] as const;
export { TicketEventsActivities, IdentificationActivities, NotificationActivities, DataSubjectActivities };
export { NOTIFIER } from './notifier.port';
export { LogNotifier } from './log-notifier';
