#!/usr/bin/env node
import {
  EXIT_TAMPERED,
  UsageError,
  asOfRecordedCommand,
  checkpointCommand,
  eraseSubjectCommand,
  exportCommand,
  verifyCommand,
} from './integrity-commands';
import { openAuditStore } from './open-store';
import { clocksAsOf, customerStreamId, describeEvent, ownSlaVersions, stateAt } from '@caseflow/directory';

const USAGE = `caseflow-audit — read Caseflow's audit store (same CASEFLOW_STORE / CASEFLOW_PG_URL / CASEFLOW_KURRENTDB_URL as the apps)

  caseflow-audit timeline <ticket> [--as-of-recorded <iso>]   the ticket's events, in order
  caseflow-audit state <ticket> [--at <iso>]                  the ticket's state and SLA clocks as of an instant (default: now)
  caseflow-audit as-of-recorded <stream> <iso>                any stream as the store held it at a recorded instant
  caseflow-audit verify <stream>|--all [--checkpoint <file>]  recompute the hash chains (and an exported checkpoint's root)
  caseflow-audit export <stream>                              the stream as stored, one JSON line per event with its hashes
  caseflow-audit checkpoint                                   take a checkpoint now; written to CASEFLOW_CHECKPOINT_SINK too
  caseflow-audit erase-subject <subjectId>|--email <address>  destroy a person's keys: their personal data reads as [erased]

Exit codes: 0 done (verified), 1 not found, 2 usage error, 3 failure, ${EXIT_TAMPERED} not verified (first bad position printed).`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (!value || Number.isNaN(Date.parse(value))) throw new UsageError(`${name} needs an ISO-8601 instant`);
  return new Date(value).toISOString();
}

async function run(args: string[]): Promise<number> {
  const [command, ticket] = args;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const integrity = ['as-of-recorded', 'verify', 'export', 'checkpoint', 'erase-subject'];
  if (![...integrity, 'timeline', 'state'].includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (!ticket && !integrity.includes(command)) throw new UsageError(`${command} needs a ticket number`);
  const audit = await openAuditStore();
  const { store, close } = audit;
  try {
    if (command === 'as-of-recorded') return await asOfRecordedCommand(audit, args[1], args[2]);
    if (command === 'verify') return await verifyCommand(audit, args.slice(1));
    if (command === 'export') return await exportCommand(audit, args[1]);
    if (command === 'checkpoint') return await checkpointCommand(audit, process.env);
    if (command === 'erase-subject') return await eraseSubjectCommand(audit, args.slice(1));
    const streamId = `ticket-${ticket}`;
    if (command === 'timeline') {
      const asOfRecorded = option(args, '--as-of-recorded');
      const events = await store.readStream(streamId, asOfRecorded ? { asOfRecorded } : {});
      if (events.length === 0) return notFound(ticket);
      for (const event of events) {
        console.log(
          [`#${event.position}`, event.metadata.occurredAt, event.metadata.actor, event.type, describeEvent(event)]
            .join('  ')
            .trimEnd(),
        );
      }
      return 0;
    }
    const at = option(args, '--at') ?? new Date().toISOString();
    const events = await store.readStream(streamId);
    const state = stateAt(events, at);
    if (!state) return notFound(ticket, at);
    // A ticket may run on the customer's own policy or calendar versions: read them from its stream.
    const own = ownSlaVersions(await store.readStream(customerStreamId(state.customerId)));
    console.log(JSON.stringify({ at, state, ...clocksAsOf(events, at, own) }, null, 2));
    return 0;
  } finally {
    await close();
  }
}

function notFound(ticket: string, at?: string): number {
  console.error(`no events for ticket ${ticket}${at ? ` by ${at}` : ''}`);
  return 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(3);
  },
);
