import { Injectable, Logger } from '@nestjs/common';
import type { Notification, Notifier } from './notifier.port';

/** The default adapter: the notification is already an event in the ticket's stream; this logs it. */
@Injectable()
export class LogNotifier implements Notifier {
  private readonly logger = new Logger('notifications');

  async send({ ticketNumber, key, audience, kind, to, subject }: Notification): Promise<void> {
    this.logger.log(`${ticketNumber} #${key} ${audience} ${kind} → ${to}: ${subject}`);
  }
}
