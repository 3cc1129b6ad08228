/** Where customer notifications go. The default adapter writes the log; SMTP comes with the intake channels. */
export interface Notification {
  ticketNumber: string;
  /** Idempotency key: the stream position of the CustomerNotified event. */
  key: string;
  kind: string;
  to: string;
  subject: string;
}

export interface Notifier {
  send(notification: Notification): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');
