import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { ConcurrencyError, InvalidEventError, type EventStore } from '@caseflow/event-store';
import { ticketStreamId } from '@caseflow/domain';
import {
  EVENT_STORE,
  PERSONAL_REFERENCES,
  PersonalReferenceError,
  TICKET_PERSONAL_FIELDS,
  type PersonalReferences,
} from '@caseflow/persistence';
import type { AppendTicketEventInput, TicketActivities } from '@caseflow/contract';

/**
 * Appends one ticket event. Idempotent: the event id comes from the workflow, so a retry after a
 * lost reply finds the event already in the stream and returns its position. The workflow's
 * personal fields hold references (docs/codec.md): they are opened here, in the declared personal
 * fields only, so the store seals the text itself (`[erased]` once the requester was erased).
 */
@Injectable()
export class TicketEventsActivities implements Pick<TicketActivities, 'appendTicketEvent'> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_REFERENCES) private readonly references: Pick<PersonalReferences, 'open'>,
  ) {}

  async appendTicketEvent(input: AppendTicketEventInput): Promise<{ position: number }> {
    try {
      const data = await this.references.open(input.event.data, {
        within: (TICKET_PERSONAL_FIELDS[input.event.type] ?? []).map((field) => field.replace(/\[\]$/, '')),
        subject: input.metadata.dataSubject,
        strict: true,
      });
      const result = await this.store.append(
        ticketStreamId(input.ticketNumber),
        [{ id: input.eventId, type: input.event.type, data, metadata: { ...input.metadata } }],
        { expectedPosition: input.expectedPosition },
      );
      return { position: result.positions[0] };
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw ApplicationFailure.nonRetryable(error.message, 'ConcurrencyError');
      }
      // A refused event (e.g. a credential-like field) fails the same way on every retry.
      if (error instanceof InvalidEventError || error instanceof PersonalReferenceError) {
        throw ApplicationFailure.nonRetryable(error.message, 'InvalidEventError');
      }
      throw error;
    }
  }
}
