import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { searchAttributes, slaClocksQuery } from '@caseflow/contract';
import { ProcessRig, type TicketHandle } from '../support/processes/process-rig';
import { requiredTool } from '../support/tools';
import { waitUntil } from '../support/wait-until';
import { balasysS1, engineer } from './crash/balasys-lifecycle';
import { netixUrgency2 } from './lifecycle/fixtures';

const run = promisify(execFile);

/** Seconds every first-response target gets in this suite's worker: the dev server runs in real time. */
const FIRST_RESPONSE_SECONDS = 12;

/**
 * A supervisor lists breached tickets of one customer with the Temporal CLI, against the dev
 * server: Caseflow's search attributes are registered and the workflow keeps CaseflowSlaStatus
 * current when a deadline passes with nobody watching.
 */
describe("supervisor's query: a customer's breached tickets, from the Temporal CLI", () => {
  let rig: ProcessRig;
  beforeAll(async () => {
    requiredTool('CASEFLOW_TEMPORAL_CLI');
    rig = await ProcessRig.start('supervisor_query');
    await rig.startWorker('drill', { CASEFLOW_DRILL_FIRST_RESPONSE_SECONDS: String(FIRST_RESPONSE_SECONDS) });
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
  });

  /** `temporal workflow list --query … --output json`: the workflow ids it prints. */
  async function list(query: string): Promise<string[]> {
    const cli = requiredTool('CASEFLOW_TEMPORAL_CLI');
    const args = ['workflow', 'list', '--address', rig.address, '--namespace', 'default'];
    const { stdout } = await run(cli, [...args, '--query', query, '--output', 'json'], { timeout: 15_000 });
    const executions = JSON.parse(stdout) as Array<{ execution: { workflowId: string } }>;
    return executions.map((e) => e.execution.workflowId).sort();
  }

  /** Polls (bounded) until the query lists exactly `expected`: the visibility store lags a moment. */
  async function listsExactly(query: string, expected: TicketHandle[]): Promise<string[]> {
    const ids = expected.map((h) => h.workflowId).sort();
    let last: string[] = [];
    return waitUntil(
      async () => {
        last = await list(query);
        return JSON.stringify(last) === JSON.stringify(ids) ? last : undefined;
      },
      {
        timeoutMs: 3 * FIRST_RESPONSE_SECONDS * 1000,
        intervalMs: 500,
        what: `"${query}" lists ${ids.join(', ')}`,
        retryErrors: true,
      },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; it lists ${JSON.stringify(last)}`);
    });
  }

  it("CaseflowCustomer='balasys-demo' AND CaseflowSlaStatus='breached' lists the breached ticket and not the others", async () => {
    const breached = await rig.open(balasysS1);
    const answered = await rig.open(balasysS1);
    const otherCustomer = await rig.open(netixUrgency2);
    await rig.waitForPhase(answered, 'understand');
    await rig.command(answered, engineer, { type: 'respond', message: 'Looking at it.' });
    expect((await answered.query(slaClocksQuery))?.firstResponse?.status).toBe('met');

    const supervisors = "CaseflowCustomer='balasys-demo' AND CaseflowSlaStatus='breached'";
    expect(await listsExactly(supervisors, [breached])).toEqual([breached.workflowId]);
    // The others are indexed too (not merely late): one running, one breached at another customer.
    await listsExactly("CaseflowCustomer='balasys-demo' AND CaseflowSlaStatus='running'", [answered]);
    await listsExactly("CaseflowCustomer='netix-demo' AND CaseflowSlaStatus='breached'", [otherCustomer]);
    expect(await list(supervisors)).toEqual([breached.workflowId]);

    const attributes = (await breached.describe()).typedSearchAttributes;
    expect(attributes.get(searchAttributes.slaStatus)).toBe('breached');
    expect((await breached.query(slaClocksQuery))?.firstResponse?.status).toBe('breached');
    for (const handle of [breached, answered, otherCustomer]) await handle.terminate('query checked');
  }, 120_000);
});
