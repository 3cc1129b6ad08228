/**
 * Random ticket lifecycles for the projection's tests and bench: each ticket opened for a demo
 * customer, identified by the worker's own identify activity, then moved on by random commands that
 * the domain's `decide` accepts (refused ones are skipped), each followed by its `followUps`, as the
 * workflow records them. Seeded: the same seed gives the same tickets.
 */
import { DomainError, decide, decideContextAt, evolve, followUps, ticketSlaOf } from '@caseflow/domain';
import type { Actor, TicketCommand, TicketEvent, TicketState } from '@caseflow/domain';
import { SEVERITY_SCALES } from '@caseflow/domain';
import { balasysDemo, bpmsoftDemo, netixDemo, supratixDemo, type CustomerDirectory } from '@caseflow/directory';
import type { CustomerRecord } from '@caseflow/directory';
import type { NewEvent } from '@caseflow/event-store';
import { IdentificationActivities } from '@caseflow/worker/activities/identification.activities';

export const CUSTOMERS: readonly CustomerRecord[] = [balasysDemo, netixDemo, supratixDemo, bpmsoftDemo];
const SYSTEM: Actor = { id: 'caseflow', role: 'system' };
const WORDS = ['login', 'fails', 'gateway', 'timeout', 'report', 'blank', 'page', 'slow', 'crash', 'export', 'sync'];

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedTicket {
  number: string;
  streamId: string;
  customerId: string;
  requester: { email: string; name: string };
  title: string;
  /** Plain text the ticket's events carry that belongs to the requester (for erasure checks). */
  personalTexts: string[];
  events: NewEvent[];
}

export interface TicketOptions {
  number: string;
  openedAt: string;
  /** Commands tried after identification (refused ones included); default 0–20. */
  steps?: number;
  customer?: CustomerRecord;
}

/** Subject ids for e-mail addresses (DataSubjects.idFor in the tests). */
export type SubjectOf = (email: string) => Promise<string>;

export class LifecycleGenerator {
  private readonly identification = new IdentificationActivities({
    get: async (id: string) => CUSTOMERS.find((c) => c.id === id),
  } as unknown as CustomerDirectory);

  constructor(
    readonly random: () => number,
    private readonly subjectOf: SubjectOf,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private words(n: number): string {
    return Array.from({ length: n }, () => this.pick(WORDS)).join(' ');
  }

  async ticket(options: TicketOptions): Promise<GeneratedTicket> {
    const customer = options.customer ?? this.pick(CUSTOMERS);
    const contact = this.pick(customer.authorizedContacts);
    const subject = await this.subjectOf(contact.email);
    const streamId = `ticket-${options.number}`;
    const title = `${this.words(3)} for ${contact.name}`;
    const description = `${this.words(6)}; call ${contact.name} at ${contact.email}`;
    const personalTexts = [contact.email, contact.name, title, description];
    const customerActor: Actor = { id: contact.email, role: 'customer' };
    const events: NewEvent[] = [];
    let state: TicketState | undefined;
    let time = Date.parse(options.openedAt);
    const label = (actor: Actor) =>
      actor.role === 'customer' ? `customer-contact:${subject}` : `${actor.role}:${actor.id}`;
    const record = (event: TicketEvent, actor: Actor) => {
      const at = new Date(time).toISOString();
      state = evolve(state, event, at);
      events.push({
        id: `${options.number}/${events.length + 1}`,
        type: event.type,
        data: JSON.parse(JSON.stringify(event.data)) as unknown,
        metadata: { actor: label(actor), dataSubject: subject, occurredAt: at, correlationId: options.number },
      });
      time += 1_000;
    };
    const recordWithFollowUps = (event: TicketEvent, actor: Actor) => {
      record(event, actor);
      const pending = followUps(event, state as TicketState);
      while (pending.length) {
        const next = pending.shift() as TicketEvent;
        record(next, SYSTEM);
        pending.push(...followUps(next, state as TicketState));
      }
    };

    const scheme = customer.processOptions.severityScheme;
    const severity = this.pick(SEVERITY_SCALES[scheme]);
    const intake = Object.fromEntries(customer.processOptions.requiredIntakeFields.map((f) => [f, `${f}-value`]));
    const product = customer.products[0];
    const opened: TicketEvent = {
      type: 'TicketOpened',
      data: {
        number: options.number,
        customerId: customer.id,
        requester: contact.email,
        title,
        description,
        severity,
        openedAt: options.openedAt,
        product: product.product,
        productVersion: product.supportedVersions[0],
        intake,
      },
    };
    recordWithFollowUps(opened, customerActor);
    const identified = await this.identification.identifyTicket({
      customerId: customer.id,
      requester: contact.email,
      severity,
      product: product.product,
      productVersion: product.supportedVersions[0],
      intake,
      at: options.openedAt,
    });
    if (!identified.ok) throw new Error(`identification refused: ${identified.reason}`);
    time += 60_000;
    recordWithFollowUps({ type: 'CustomerIdentified', data: identified.identified }, SYSTEM);
    if ((state as TicketState).phase === 'queued')
      recordWithFollowUps({ type: 'AnalysisStarted', data: { waitedFor: [] } }, SYSTEM);

    const sla = ticketSlaOf(identified.sla);
    const steps = options.steps ?? Math.floor(this.random() * 21);
    const actors: Actor[] = [customerActor, { id: 'eve', role: 'engineer' }, { id: 'mia.manager', role: 'manager' }];
    for (let i = 0; i < steps; i++) {
      time += Math.floor(this.random() * 8 * 3_600_000);
      const current = state as TicketState;
      if (!current.customer) break;
      const command = this.command(current, contact.name, personalTexts);
      try {
        const at = new Date(time).toISOString();
        const event = decide(command, this.pick(actors), current, decideContextAt(sla, current as never, at));
        recordWithFollowUps(event, this.pick(actors));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return {
      number: options.number,
      streamId,
      customerId: customer.id,
      requester: contact,
      title,
      personalTexts,
      events,
    };
  }

  /** A random command; customer texts name the requester, so erasure has something to find. */
  private command(state: TicketState, name: string, personal: string[]): TicketCommand {
    const said = (what: string) => {
      const text = `${what} ${this.words(2)} (${name})`;
      personal.push(text);
      return text;
    };
    const options: Array<() => TicketCommand> = [
      () => ({ type: 'respond', message: said('looking into it') }),
      () => ({
        type: 'respond',
        message: said('update'),
        eta: new Date(Date.parse(state.updatedAt) + 86_400_000).toISOString(),
      }),
      () => ({
        type: 'classify',
        ticketType: this.pick(['incident', 'serviceRequest', 'change'] as const),
        reason: 'triage',
      }),
      () => ({ type: 'requestClarification', questions: [said('which node?')] }),
      () => ({ type: 'answerClarification', answer: said('node two') }),
      () => ({ type: 'provideWorkaround', description: 'restart the service' }),
      () => ({ type: 'applyHotfix', description: 'hotfix 1' }),
      () => ({ type: 'proposeFix', description: 'upgrade to the next patch' }),
      () => ({ type: 'approveFix', proposalId: state.proposal?.id ?? 1 }),
      () => ({ type: 'rejectFix', proposalId: state.proposal?.id ?? 1, reason: said('not acceptable') }),
      () => ({ type: 'implementFix', note: 'done' }),
      () => ({ type: 'resolve', solution: 'patched', measures: 'restart', prevention: 'upgrade' }),
      () => ({ type: 'resolve', solution: 'patched', measures: 'restart', prevention: 'upgrade' }),
      () => ({ type: 'accept' }),
      () => ({ type: 'reopen', reason: said('still broken') }),
      () => ({ type: 'giveFeedback', score: 1 + Math.floor(this.random() * 5), comment: said('thanks') }),
      () => ({ type: 'recordBusinessImpact', impact: said('sales stopped') }),
      () => ({ type: 'requestEscalation', reason: said('urgent') }),
      () => ({ type: 'declineEscalation', reason: 'within SLA' }),
      () => ({ type: 'assign', assignee: this.pick(['bob', 'eve', 'dan']), reason: 'load' }),
      () => ({ type: 'comment', text: said('note'), visibility: this.pick(['public', 'internal'] as const) }),
      () => ({ type: 'cancel', reason: said('no longer needed') }),
    ];
    return this.pick(options)();
  }
}
