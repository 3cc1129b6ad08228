/**
 * The production worker's modules with at most two drills swapped in, for suites that need a fault
 * or a deadline at a chosen moment. Run as its own process (see worker-process.ts):
 *
 * - CASEFLOW_DRILL_TICKET + CASEFLOW_DRILL_AFTER (an event type): once that ticket's event of that
 *   type is committed to the store, the append activity prints DRILL_POINT and stops there: for good
 *   (the test SIGKILLs the worker with the event written and its activity unreported), or, with
 *   CASEFLOW_DRILL_RELEASE_FILE, until that file exists (the test restarts the server meanwhile).
 * - CASEFLOW_DRILL_FIRST_RESPONSE_SECONDS: every first-response target of the policy a ticket gets
 *   at identification is that many seconds, 24x7, so the dev server (real time) reaches a breach.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { ConsoleLogger, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DirectoryModule } from '@caseflow/directory';
import { checkpointConfigFromEnv, PersistenceModule, persistenceConfigFromEnv } from '@caseflow/persistence';
import { temporalConfigFromEnv } from '@caseflow/temporal';
import { IdentificationActivities, TicketEventsActivities, WorkerModule } from '@caseflow/worker';
import type { AppendTicketEventInput, IdentifyTicketInput, IdentifyTicketResult } from '@caseflow/contract';

const RELEASE_WAIT_MS = 120_000;

@Injectable()
class AppendThenStop extends TicketEventsActivities {
  private fired = false;

  override async appendTicketEvent(input: AppendTicketEventInput): Promise<{ position: number }> {
    const appended = await super.appendTicketEvent(input);
    const here =
      input.ticketNumber === process.env.CASEFLOW_DRILL_TICKET && input.event.type === process.env.CASEFLOW_DRILL_AFTER;
    if (!here || this.fired) return appended;
    this.fired = true;
    console.log(`DRILL_POINT ${input.ticketNumber} ${input.event.type} at position ${appended.position}`);
    const releaseFile = process.env.CASEFLOW_DRILL_RELEASE_FILE;
    if (!releaseFile) return new Promise<never>(() => undefined);
    const deadline = Date.now() + RELEASE_WAIT_MS;
    while (!fs.existsSync(releaseFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    console.log(`DRILL_RELEASED ${input.ticketNumber} ${input.event.type}`);
    return appended;
  }
}

/** Replaces every `firstResponse: { span, calendar }` target inside a policy, whatever its matcher. */
function shortenFirstResponse(node: unknown, seconds: number): unknown {
  if (Array.isArray(node)) return node.map((item) => shortenFirstResponse(item, seconds));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === 'firstResponse' && typeof value === 'object' && value !== null && 'span' in value
        ? [key, { ...value, span: { measure: 'elapsed', seconds } }]
        : [key, shortenFirstResponse(value, seconds)],
    ),
  );
}

@Injectable()
class ShortFirstResponse extends IdentificationActivities {
  override async identifyTicket(input: IdentifyTicketInput): Promise<IdentifyTicketResult> {
    const result = await super.identifyTicket(input);
    if (!result.ok) return result;
    const seconds = Number(process.env.CASEFLOW_DRILL_FIRST_RESPONSE_SECONDS);
    const policies = result.sla.policies.map((policy) => shortenFirstResponse(policy, seconds));
    return { ...result, sla: { ...result.sla, policies: policies as typeof result.sla.policies } };
  }
}

async function main(): Promise<void> {
  const { database, auditLog } = persistenceConfigFromEnv();
  const checkpoints = checkpointConfigFromEnv();
  const builder = Test.createTestingModule({
    imports: [
      PersistenceModule.register(database, auditLog, checkpoints),
      DirectoryModule,
      WorkerModule.register({ temporal: temporalConfigFromEnv(), checkpointEveryMs: checkpoints.everyMs }),
    ],
  });
  // The testing module logs errors only; the drill logs like the production worker (tests wait on its lines).
  builder.setLogger(new ConsoleLogger());
  if (process.env.CASEFLOW_DRILL_AFTER) builder.overrideProvider(TicketEventsActivities).useClass(AppendThenStop);
  const seconds = process.env.CASEFLOW_DRILL_FIRST_RESPONSE_SECONDS;
  if (seconds !== undefined) {
    if (!(Number(seconds) > 0)) throw new Error(`CASEFLOW_DRILL_FIRST_RESPONSE_SECONDS must be > 0, got "${seconds}"`);
    builder.overrideProvider(IdentificationActivities).useClass(ShortFirstResponse);
  }
  const app = await builder.compile();
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
