/** Where notifications go. The default adapter writes the log; SMTP comes with the intake channels. */
export interface Notification {
  ticketNumber: string;
  /** Idempotency key: the stream position of the CustomerNotified or StaffNotified event. */
  key: string;
  /** The customer's requester, or staff (`to` is then a staff id or `role:manager`). */
  audience: 'customer' | 'staff';
  kind: string;
  to: string;
  subject: string;
}

export interface Notifier {
  send(notification: Notification): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');
