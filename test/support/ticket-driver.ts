import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';
import type { Actor, TicketCommand, TicketPhase, TicketState } from '@caseflow/domain';
import type { SlaClocks } from '@caseflow/sla';
import {
  slaClocksQuery,
  TICKET_WORKFLOW_TYPE,
  ticketCommandUpdate,
  ticketSummary,
  ticketViewQuery,
  type OpenTicketInput,
  type TicketCommandRequest,
  type TicketRunOptions,
  type TicketView,
  type TicketWorkflow,
} from '@caseflow/contract';
import { recordHistory } from './histories';
import { waitUntil } from './wait-until';

export type TicketHandle = WorkflowHandle<TicketWorkflow>;
export type Opening = Partial<OpenTicketInput> & Pick<OpenTicketInput, 'customerId' | 'requester' | 'severity'>;

export const engineer: Actor = { id: 'eve.engineer', role: 'engineer' };

/** How long a test waits (real time) for a workflow to reach a state after a command or a jump. */
const SETTLE_MS = 10_000;

/**
 * Opens and drives ticket workflows on a time-skipping test server: commands as updates, reads as
 * queries, the server's clock moved forward on request. Worker and activities belong to subclasses.
 */
export class TicketDriver {
  private counter = 0;

  protected constructor(
    readonly env: TestWorkflowEnvironment,
    protected readonly taskQueue: string,
    /** What this driver's workers and clients encode payloads with (undefined: the SDK's default). */
    readonly dataConverter?: DataConverter,
  ) {}

  /** Moves the test server's clock forward to `iso` (it never goes back). */
  async jumpTo(iso: string): Promise<void> {
    const now = await this.env.currentTimeMs();
    const target = Date.parse(iso);
    if (target < now) throw new Error(`cannot jump back to ${iso}: the server is at ${new Date(now).toISOString()}`);
    if (target > now) await this.env.sleep(target - now);
  }

  /**
   * The workflow's result without letting the server skip time: the time-skipping client's
   * result() jumps to the next timer anywhere on the server (even years ahead) while it waits.
   */
  async result(handle: TicketHandle): Promise<TicketState> {
    const regular = new Client({
      connection: this.env.connection,
      namespace: this.env.namespace ?? 'default',
      dataConverter: this.dataConverter,
    });
    return this.opened(await regular.workflow.getHandle<TicketWorkflow>(handle.workflowId).result());
  }

  async now(): Promise<string> {
    return new Date(await this.env.currentTimeMs()).toISOString();
  }

  /** Starts a ticket as the gateway does (static summary included); `options` as a continued run would get them. */
  async open(fields: Opening, options?: TicketRunOptions): Promise<TicketHandle> {
    const number = `CF-2099-${String(++this.counter).padStart(3, '0')}${String(Date.now()).slice(-3)}`;
    const plain: OpenTicketInput = { number, title: 'It broke', description: 'Details of what broke.', ...fields };
    const input = await this.sealOpening(plain);
    return this.env.client.workflow.start<TicketWorkflow>(TICKET_WORKFLOW_TYPE, {
      workflowId: number,
      taskQueue: this.taskQueue,
      args: options ? [input, options] : [input],
      staticSummary: ticketSummary(input),
    });
  }

  async view(handle: TicketHandle): Promise<TicketView> {
    return this.opened(await handle.query(ticketViewQuery));
  }

  clocks(handle: TicketHandle): Promise<SlaClocks | null> {
    return handle.query(slaClocksQuery);
  }

  /** Runs one command as an update (an explicit id makes a retried call the same update); a rejection surfaces as an error carrying the workflow's reason. */
  async command(handle: TicketHandle, actor: Actor, command: TicketCommand, updateId?: string): Promise<TicketState> {
    const request = await this.sealCommand(handle, { actor, command });
    try {
      return await this.opened(await handle.executeUpdate(ticketCommandUpdate, { args: [request], updateId }));
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError)
        throw new Error(`update rejected: ${(error.cause as Error | undefined)?.message}`);
      throw error;
    }
  }

  /** Waits (real time, without advancing the server clock) until the ticket reaches `phase`. */
  async waitForPhase(handle: TicketHandle, phase: TicketPhase): Promise<TicketState> {
    let view: TicketView | undefined;
    const refusal = () =>
      view && 'refusal' in view && view.refusal ? ` (${view.refusal.code}: ${view.refusal.reason})` : '';
    return waitUntil(
      async () => {
        view = await this.view(handle);
        return view.phase === phase && (view as TicketState);
      },
      {
        timeoutMs: SETTLE_MS,
        what: () => `ticket ${handle.workflowId} to reach phase ${phase}: it is in ${view?.phase}${refusal()}`,
      },
    );
  }

  /** Waits (real time) until the ticket's state satisfies `test`. */
  async waitUntil(handle: TicketHandle, what: string, test: (state: TicketState) => boolean): Promise<TicketState> {
    return waitUntil(
      async () => {
        const view = await this.view(handle);
        return view.phase !== 'opening' && test(view) && view;
      },
      { timeoutMs: SETTLE_MS, what: `ticket ${handle.workflowId}: ${what}` },
    );
  }

  /** One search attribute as Temporal holds it now. */
  async searchAttribute<T extends SearchAttributeType>(handle: TicketHandle, key: SearchAttributeKey<T>) {
    return (await handle.describe()).typedSearchAttributes.get(key);
  }

  /** What a ticket is started with: as given here; the lifecycle harness seals personal data as the gateway does. */
  protected async sealOpening(input: OpenTicketInput): Promise<OpenTicketInput> {
    return input;
  }

  /** A command as the workflow gets it (see sealOpening). */
  protected async sealCommand(_handle: TicketHandle, request: TicketCommandRequest): Promise<TicketCommandRequest> {
    return request;
  }

  /** What the workflow answered, as a reader sees it (references opened, where there are any). */
  protected async opened<T>(value: T): Promise<T> {
    return value;
  }

  /** With CASEFLOW_RECORD_HISTORIES=true, saves the ticket's history for the replay suite (never overwriting one). */
  async recordHistory(handle: TicketHandle, scenario: string): Promise<void> {
    await recordHistory(handle, scenario);
  }
}
