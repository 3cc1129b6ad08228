import {
  personalReference,
  referencesIn,
  replaceReferences,
  subjectOfReference,
  valueIdOfReference,
  type TicketCommand,
  type TicketCommandType,
} from '@caseflow/domain';
import { EventStoreError, type OpenedValue, type PersonalValues } from '@caseflow/event-store';
import type { OpenTicketInput } from '@caseflow/contract';

/**
 * Design (a) of issue 15 (docs/codec.md): personal data never enters Temporal. The gateway seals
 * it here, into the personal-data vault under the person's subject key, and hands the workflow
 * references (`pd:<subject>:<id>`); activities that need the text open them, and so do the
 * gateway's reads and the codec server. After `erase-subject` a reference opens as `[erased]`.
 */

/**
 * The command fields that reach events the audit store seals (TICKET_PERSONAL_FIELDS), with the
 * domain's length limit for each (`questions[]`: every item; `brief.contact`: a nested field). A
 * text is sealed only when the domain would take it (non-blank, within the limit): one it would
 * refuse goes on unchanged, so the workflow's update validator refuses it with its own reason, and
 * a refused update leaves no trace in the history.
 */
export const PERSONAL_COMMAND_TEXTS: { readonly [T in TicketCommandType]: Readonly<Record<string, number>> } = {
  respond: { message: 20_000 },
  requestClarification: { 'questions[]': 2_000 },
  answerClarification: { answer: 20_000 },
  rejectFix: { reason: 2_000 },
  reopen: { reason: 2_000 },
  giveFeedback: { comment: 5_000 },
  recordBusinessImpact: { impact: 5_000 },
  cancel: { reason: 2_000 },
  requestEscalation: { reason: 2_000 },
  acceptEscalation: { actionPlan: 5_000, 'participants[]': 200 },
  declineEscalation: { reason: 2_000 },
  lowerEscalation: { reason: 2_000 },
  handOver: {
    'brief.customerNumber': 5_000,
    'brief.domain': 5_000,
    'brief.contact': 5_000,
    'brief.errorDescription': 5_000,
  },
  comment: { text: 20_000 },
  // The vendor's technical record, staff ids and choices: nothing the store seals.
  classify: {},
  provideWorkaround: {},
  applyHotfix: {},
  proposeFix: {},
  approveFix: {},
  implementFix: {},
  resolve: {},
  accept: {},
  assign: {},
};

/** What a ticket is opened with that is personal: the requester's address, title, description, intake texts. */
const OPENING_TEXTS: Readonly<Record<string, number>> = {
  requester: 254,
  title: 200,
  description: 20_000,
  'intake.*': 20_000,
};

export class PersonalReferenceError extends EventStoreError {}

export interface OpenOptions {
  subject?: string;
  within?: readonly string[];
  strict?: boolean;
}

/** A string slot in a JSON value: where it is, and how to put something else there. */
interface Slot {
  value: string;
  set: (value: string) => void;
}

export class PersonalReferences {
  constructor(private readonly values: PersonalValues) {}

  /** The ticket's input with its personal texts replaced by references under the requester's subject. */
  async sealOpening(input: OpenTicketInput, requesterSubject: string): Promise<OpenTicketInput> {
    const sealed = structuredClone(input);
    await this.sealSlots(requesterSubject, slotsOf(sealed, OPENING_TEXTS));
    return sealed;
  }

  /** The command with its personal texts replaced by references under `subjectId` (the ticket's requester). */
  async sealCommand(command: TicketCommand, subjectId: string): Promise<TicketCommand> {
    const texts = (PERSONAL_COMMAND_TEXTS as Record<string, Record<string, number>>)[command?.type] ?? {};
    const sealed = structuredClone(command);
    await this.sealSlots(subjectId, slotsOf(sealed, texts));
    return sealed;
  }

  /** One text as a reference under `subjectId`; a blank or over-long one goes on unchanged, for the workflow to refuse. */
  async sealText(text: string, subjectId: string, max: number): Promise<string> {
    const holder = { text };
    const slots = slotsOf(holder, { text: max });
    if (slots.length) await this.sealSlots(subjectId, slots);
    return holder.text;
  }

  /**
   * `value` with every reference in its strings opened (`[erased]` for an erased subject).
   * `subject`: only references to that subject's values (a ticket's are all its requester's; one
   * pasted from elsewhere stays a reference). `within`: only under these top-level keys. `strict`: a
   * reference with no value in the vault throws (an activity must not write it as if it were the
   * text); otherwise it stays as it is.
   */
  async open<T>(value: T, options: OpenOptions = {}): Promise<T> {
    if (typeof value === 'string') return (await this.open([value], options))[0] as T;
    const copy = structuredClone(value);
    const mine = (reference: string) => !options.subject || subjectOfReference(reference) === options.subject;
    const slots = stringSlots(copy, options.within).filter((slot) => referencesIn(slot.value).some(mine));
    if (!slots.length) return copy;
    const wanted = [...new Set(slots.flatMap((slot) => referencesIn(slot.value).filter(mine)))];
    const opened = await this.values.open(
      wanted.map((reference) => ({
        subjectId: subjectOfReference(reference) as string,
        valueId: valueIdOfReference(reference) as string,
      })),
    );
    const textOf = (reference: string): string => {
      if (!mine(reference)) return reference;
      const text: OpenedValue = opened.get(valueIdOfReference(reference) as string);
      if (text !== undefined) return text;
      if (options.strict)
        throw new PersonalReferenceError(
          'EVENT_STORE_UNKNOWN_REFERENCE',
          `No personal value behind ${reference} in this database`,
        );
      return reference;
    };
    // One pass: a customer's text that itself looks like a reference is shown as written, never opened.
    for (const slot of slots) slot.set(replaceReferences(slot.value, textOf));
    return copy;
  }

  private async sealSlots(subjectId: string, slots: Slot[]): Promise<void> {
    // Everything is sealed, text that looks like a reference too: a pasted reference to someone
    // else's value must never be opened as this ticket's text.
    const sealed = await this.values.seal(
      subjectId,
      slots.map((slot) => slot.value),
    );
    slots.forEach((slot, i) => slot.set(personalReference(sealed[i].subjectId, sealed[i].valueId)));
  }
}

/** The texts at `paths` the domain would accept (non-blank, within each path's limit). */
function slotsOf(root: unknown, paths: Readonly<Record<string, number>>): Slot[] {
  return Object.entries(paths).flatMap(([path, max]) =>
    slotsAt(root, path.split('.')).filter((slot) => slot.value.trim() !== '' && slot.value.length <= max),
  );
}

/** `name`, `name[]` (each item of an array), `*` (each value of an object). */
function slotsAt(node: unknown, segments: readonly string[]): Slot[] {
  if (node === null || typeof node !== 'object' || !segments.length) return [];
  const [head, ...rest] = segments;
  const record = node as Record<string, unknown>;
  const names = head === '*' ? Object.keys(record) : [head.replace(/\[\]$/, '')];
  return names.flatMap((name) => {
    const value = record[name];
    if (head.endsWith('[]') && Array.isArray(value))
      return value.flatMap((item, i) =>
        rest.length ? slotsAt(item, rest) : typeof item === 'string' ? [slot(item, (v) => (value[i] = v))] : [],
      );
    if (rest.length) return slotsAt(value, rest);
    return typeof value === 'string' ? [slot(value, (v) => (record[name] = v))] : [];
  });
}

const slot = (value: string, set: (value: string) => void): Slot => ({ value, set });

/** Every string in a JSON value (under the top-level keys `within`, when given). */
function stringSlots(root: unknown, within?: readonly string[]): Slot[] {
  const found: Slot[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node))
      node.forEach((item, i) => (typeof item === 'string' ? found.push(slot(item, (v) => (node[i] = v))) : walk(item)));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node as Record<string, unknown>))
        if (typeof value === 'string') found.push(slot(value, (v) => ((node as Record<string, unknown>)[key] = v)));
        else walk(value);
  };
  if (within && root !== null && typeof root === 'object') {
    const record = root as Record<string, unknown>;
    for (const key of within) {
      const value = record[key];
      if (typeof value === 'string') found.push(slot(value, (v) => (record[key] = v)));
      else walk(value);
    }
  } else walk(root);
  return found;
}
