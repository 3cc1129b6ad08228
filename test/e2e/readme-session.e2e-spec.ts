import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startGateway, type Harness } from '../support/gateway-harness';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/** The README's indented code blocks that talk to the gateway, each as a list of commands (continuations joined). */
function readmeSession(): string[][] {
  const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line.startsWith('    ')) {
      current.push(line.slice(4));
      continue;
    }
    if (current.some((l) => l.includes('localhost:3000'))) blocks.push(current);
    current = [];
  }
  return blocks.map((block) =>
    block
      .join('\n')
      .replace(/\\\n\s*/g, '')
      .split('\n'),
  );
}

/**
 * The README's curl session, run as written (with `npm run -s caseflow -- token` against the same
 * secret file as the gateway), against a gateway with its worker on the Temporal dev server. Only
 * the address changes (the test's port for localhost:3000), and between the two blocks the test
 * waits for the ticket to be identified, as a reader would by reading the first answer.
 */
describe("the README's curl session", () => {
  let gateway: Harness;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 300_000 });
    env = { ...process.env, CASEFLOW_AUTH_SECRET_FILE: gateway.secretFile };
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('prints just the token: one line, nothing else on stdout', async () => {
    const { stdout } = await run(
      'npm',
      ['run', '-s', 'caseflow', '--', 'token', '--role', 'engineer', '--id', 'eve', '--tier', 'L2'],
      {
        cwd: root,
        env,
        timeout: 240_000,
      },
    );
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  }, 300_000);

  it('opens, reads and drives a ticket with the tokens the CLI prints', async () => {
    const [open, drive, reads] = readmeSession();
    expect(open.join('\n')).toContain('npm run -s caseflow -- token --role customer');
    expect(drive.join('\n')).toContain('authorization: Bearer $ENGINEER');
    const address = gateway.baseUrl.replace('http://', '');
    const numbered = (commands: string[], offset: number) =>
      commands.map(
        (command, i) => `${command.replaceAll('localhost:3000', address)}\nprintf '\\n@@%s\\n' ${offset + i}`,
      );
    const waitForIdentification = `for i in $(seq 100); do curl -s ${address}/v1/tickets/$TICKET -H "authorization: Bearer $TOKEN" | grep -q '"phase":"understand"' && break; sleep 0.1; done`;
    const script = [
      'set -euo pipefail',
      ...numbered(open, 0),
      waitForIdentification,
      ...numbered(drive, open.length),
      ...numbered(reads, open.length + drive.length),
      'printf "TICKET=%s\\n" "$TICKET"',
    ].join('\n');
    const { stdout } = await run('bash', ['-c', script], { cwd: root, env, timeout: 120_000 });

    const outputs = stdout.split(/\n@@\d+\n/);
    const ticket = /TICKET=(CF-\d{4}-\d{6,})/.exec(stdout)?.[1];
    expect(ticket).toBeDefined();
    const json = (i: number) => JSON.parse(outputs[i]) as Record<string, unknown>;
    const readBack = open.findIndex((c) => c.startsWith('curl -s localhost:3000/v1/tickets/$TICKET'));
    // Read at once, the ticket may still be opening (its workflow has not recorded TicketOpened yet).
    expect(json(readBack)).toMatchObject({ number: ticket, phase: expect.stringMatching(/^(opening|understand)$/) });
    const responded = open.length + drive.findIndex((c) => c.includes('/commands'));
    expect(json(responded)).toMatchObject({ number: ticket, phase: 'understand' });
    const sla = open.length + drive.findIndex((c) => c.includes('/sla'));
    expect(json(sla)).toMatchObject({ firstResponse: { status: 'met' } });

    const listed = open.length + drive.length + reads.findIndex((c) => c.includes('/v1/tickets?'));
    expect((json(listed).items as Array<{ number: string }>).map((t) => t.number)).toEqual([ticket]);
    const timeline = open.length + drive.length + reads.findIndex((c) => c.includes('/timeline'));
    expect(json(responded).version).toBeGreaterThanOrEqual(3);
    const entries = json(timeline).entries as Array<{ type: string; visibility: string; actor: string }>;
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['TicketOpened', 'FirstResponseSent']));
    expect(entries.find((e) => e.type === 'FirstResponseSent')?.actor).toBe('engineer:eve');
    expect(entries.every((e) => e.visibility === 'public')).toBe(true);

    const events = await gateway.store.readStream(`ticket-${ticket}`);
    expect(events.find((e) => e.type === 'FirstResponseSent')?.metadata.actor).toBe('engineer:eve');
    expect(events[0]).toMatchObject({ type: 'TicketOpened', data: { requester: 'anna.kovacs@example.com' } });
  }, 180_000);
});
