import { ApplicationFailure } from '@temporalio/common';
import { IdentificationActivities } from '@caseflow/worker';
import { demoCustomers, type CustomerDirectory } from '@caseflow/directory';
import { ticketStreamId, type DatedTicketEvent } from '@caseflow/domain';
import type { AppendTicketEventInput, DeliverNotificationInput, TicketActivities } from '@caseflow/contract';

/**
 * The ticket workflow's activities without servers: events appended to in-memory streams (same
 * position and idempotency rules as the audit store), subject ids counted up, notifications kept,
 * and the real identification over the demo customers held in memory.
 */
export class StubActivities {
  readonly streams = new Map<string, AppendTicketEventInput[]>();
  readonly notifications: DeliverNotificationInput[] = [];
  private readonly subjects = new Map<string, string>();
  private readonly identification = new IdentificationActivities(
    { get: async (id: string) => demoCustomers.find((customer) => customer.id === id) } as Pick<
      CustomerDirectory,
      'get'
    > as CustomerDirectory,
    // The workflow tier opens tickets with plain texts (the shape older histories have): nothing to open.
    { open: async (value) => value },
  );

  /** The plain functions a worker registers. */
  readonly activities: TicketActivities = {
    resolveDataSubject: async ({ email }) => {
      const key = email.trim().toLowerCase();
      const subjectId = this.subjects.get(key) ?? `ds-stub-${this.subjects.size + 1}`;
      this.subjects.set(key, subjectId);
      return { subjectId };
    },
    appendTicketEvent: async (input) => ({ position: this.append(input) }),
    identifyTicket: (input) => this.identification.identifyTicket(input),
    deliverNotification: async (input) => void this.notifications.push(input),
  };

  stream(ticketNumber: string): AppendTicketEventInput[] {
    return this.streams.get(ticketStreamId(ticketNumber)) ?? [];
  }

  dated(ticketNumber: string): DatedTicketEvent[] {
    return this.stream(ticketNumber).map(({ event, metadata }) => ({ event, at: metadata.occurredAt }));
  }

  private append(input: AppendTicketEventInput): number {
    const id = ticketStreamId(input.ticketNumber);
    const stream = this.streams.get(id) ?? [];
    this.streams.set(id, stream);
    const earlier = stream.findIndex((appended) => appended.eventId === input.eventId);
    if (earlier >= 0) return earlier + 1;
    if (input.expectedPosition !== stream.length)
      throw ApplicationFailure.nonRetryable(
        `${id} is at position ${stream.length}, the append expected ${input.expectedPosition}`,
        'ConcurrencyError',
      );
    stream.push(structuredClone(input));
    return stream.length;
  }
}
