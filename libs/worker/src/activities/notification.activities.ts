import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DeliverNotificationInput, TicketActivities } from '@caseflow/contract';
import { subjectOfReference } from '@caseflow/domain';
import { ERASED } from '@caseflow/event-store';
import { PERSONAL_REFERENCES, type PersonalReferences } from '@caseflow/persistence';
import { NOTIFIER, type Notifier } from './notifier.port';

/**
 * Delivers a notification the workflow recorded first (outbox): retried deliveries share one key.
 * A customer's address is a reference (docs/codec.md), opened here; an erased requester is told
 * nothing, and the ticket goes on.
 */
@Injectable()
export class NotificationActivities implements Pick<TicketActivities, 'deliverNotification'> {
  private readonly logger = new Logger('notifications');

  constructor(
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    @Inject(PERSONAL_REFERENCES) private readonly references: Pick<PersonalReferences, 'open'>,
  ) {}

  async deliverNotification(sealed: DeliverNotificationInput): Promise<void> {
    const subject = subjectOfReference(sealed.to);
    const input = subject
      ? await this.references.open(sealed, { within: ['to', 'subject'], subject, strict: true })
      : sealed;
    if (input.to === ERASED) {
      this.logger.log(`${input.ticketNumber} #${input.position}: the recipient was erased, nothing sent`);
      return;
    }
    await this.notifier.send({
      ...input,
      audience: input.audience ?? 'customer',
      key: `${input.ticketNumber}/${input.position}`,
    });
  }
}
