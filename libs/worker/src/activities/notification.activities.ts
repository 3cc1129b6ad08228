import { Inject, Injectable } from '@nestjs/common';
import type { DeliverNotificationInput, TicketActivities } from '@caseflow/contract';
import { NOTIFIER, type Notifier } from './notifier.port';

/** Delivers a notification the workflow recorded first (outbox): retried deliveries share one key. */
@Injectable()
export class NotificationActivities implements Pick<TicketActivities, 'deliverNotification'> {
  constructor(@Inject(NOTIFIER) private readonly notifier: Notifier) {}

  async deliverNotification(input: DeliverNotificationInput): Promise<void> {
    await this.notifier.send({
      ...input,
      audience: input.audience ?? 'customer',
      key: `${input.ticketNumber}/${input.position}`,
    });
  }
}
