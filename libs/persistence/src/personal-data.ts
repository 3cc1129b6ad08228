import {
  withPersonalData,
  type EventStore,
  type NewEvent,
  type PeopleSpec,
  type PersonalDataSpec,
  type PersonalDataStore,
  type SubjectKeys,
} from '@caseflow/event-store';
import type { TicketEvent, TicketEventType } from '@caseflow/domain';

/**
 * Which event fields hold personal data, in one place for every process (worker, gateway, audit
 * CLI, tests). Sealed: a person's identifiers and everything the customer wrote or was written.
 * Left in the clear: the vendor's technical record (classification, workaround, fix, resolution),
 * system-made text and every identifier of the case itself.
 */

/** Metadata key of a ticket event's data subject: the requester's opaque subject id (`ds-…`). */
export const DATA_SUBJECT_METADATA = 'dataSubject';

/** `requester` or, for an array, `questions[]` (every item). */
type FieldOf<TData> = {
  [K in keyof TData & string]: NonNullable<TData[K]> extends readonly unknown[] ? `${K}[]` : K;
}[keyof TData & string];
type DataOf<TType extends TicketEventType> = Extract<TicketEvent, { type: TType }>['data'];

/** Every ticket event type, so that a new one cannot be added without deciding what in it is personal. */
export const TICKET_PERSONAL_FIELDS: { readonly [TType in TicketEventType]: ReadonlyArray<FieldOf<DataOf<TType>>> } = {
  TicketOpened: ['requester', 'title', 'description', 'intake'],
  CustomerNotified: ['to', 'subject'],
  FirstResponseSent: ['message'],
  CustomerUpdateSent: ['message'],
  ClarificationRequested: ['questions[]'],
  ClarificationAnswered: ['answer'],
  BusinessImpactRecorded: ['impact'],
  FixRejected: ['reason'],
  TicketReopened: ['reason'],
  FeedbackGiven: ['comment'],
  TicketCancelled: ['reason'],
  // 000: the customer's reason, and what the manager answers her (the plan, who takes part).
  EscalationRequested: ['reason'],
  EscalationAccepted: ['actionPlan', 'participants[]'],
  EscalationDeclined: ['reason'],
  EscalationLowered: ['reason'],
  // 003: what the client and the vendor agreed (it may name the client's people).
  TicketPrioritized: ['reason'],
  // Either side's words, public or internal (a note may name the customer's people too).
  CommentAdded: ['text'],
  // 002's brief holds the contact's address and the customer's error description.
  TicketHandedOver: ['brief'],
  // The vendor's record and system-made facts: no person's identifiers, nothing the customer wrote.
  CustomerIdentified: [],
  TicketQueued: [],
  AnalysisStarted: [],
  TicketRefused: [],
  TicketClassified: [],
  ClarificationReminderSent: [],
  ClarificationExpired: [],
  WorkaroundProvided: [],
  HotfixApplied: [],
  FixProposed: [],
  FixApproved: [],
  FixImplemented: [],
  TicketResolved: [],
  ResolutionAccepted: [],
  TicketClosed: [],
  // Staff ids, tiers, instants and system-made subjects.
  StaffNotified: [],
  TicketAssigned: [],
  UpdateReminderSent: [],
  UpdateOverdue: [],
};

const ticketSubject = (event: NewEvent): string | undefined => {
  const subject = event.metadata[DATA_SUBJECT_METADATA];
  return typeof subject === 'string' && subject ? subject : undefined;
};

/** A customer's contacts (libs/directory): each item carries its own subject id, beside its sealed name and e-mail. */
const contacts = (list: string): PeopleSpec => ({
  list,
  subject: (contact) => (typeof contact.subject === 'string' && contact.subject ? contact.subject : undefined),
  fields: ['email', 'name'],
});

export const PERSONAL_DATA_TYPES: Readonly<Record<string, PersonalDataSpec>> = {
  ...Object.fromEntries(
    Object.entries(TICKET_PERSONAL_FIELDS)
      .filter(([, fields]) => fields.length > 0)
      .map(([type, fields]) => [type, { subject: ticketSubject, fields }]),
  ),
  // Event types of `customer-<id>` streams (libs/directory's CustomerEvent).
  CustomerRegistered: { people: [contacts('record.authorizedContacts')] },
  CustomerChanged: { people: [contacts('before.authorizedContacts'), contacts('after.authorizedContacts')] },
  AuthorizedPersonChanged: { people: [contacts('before.authorizedContacts'), contacts('after.authorizedContacts')] },
};

/** The store with Caseflow's personal fields sealed on append and opened on read (`[erased]` once erased). */
export function withCaseflowPersonalData(store: EventStore, keys: SubjectKeys): PersonalDataStore {
  return withPersonalData(store, { keys, types: PERSONAL_DATA_TYPES });
}
