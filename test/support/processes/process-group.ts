import { spawn, type ChildProcess } from 'node:child_process';
import { within } from '../wait-until';

const OUTPUT_KEPT = 64 * 1024;
const live = new Set<ProcessGroup>();

// Detached groups outlive their parent: if jest exits without afterAll (interrupted), take them along.
process.once('exit', () => {
  for (const group of live) group.signal('SIGKILL');
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A child process leading its own process group, so a signal reaches everything it started. Keeps
 * the tail of its output for failure messages; every group still running is known to
 * `killAllProcessGroups`, which suites call in afterAll.
 */
export class ProcessGroup {
  private tail = '';
  private exit?: Exit;
  readonly exited: Promise<Exit>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer): void => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        live.delete(this);
        resolve(this.exit);
      });
      child.once('error', (error) => {
        collect(Buffer.from(`\n[spawn failed: ${error.message}]\n`));
        this.exit = { code: -1, signal: null };
        live.delete(this);
        resolve(this.exit);
      });
    });
  }

  static spawn(name: string, command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }) {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const group = new ProcessGroup(name, child);
    live.add(group);
    return group;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  get output(): string {
    return this.tail;
  }

  /** Waits (bounded) for a line of output matching `pattern`; fails early if the process exits. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.tail);
      if (match) return match[0];
      if (!this.running)
        throw new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before printing ${pattern}:\n${this.tail}`);
      if (Date.now() >= deadline)
        throw new Error(`${this.name} printed no ${pattern} within ${timeoutMs} ms:\n${this.tail.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends `signal` to the whole group (no-op once it has exited). */
  signal(signal: NodeJS.Signals): void {
    if (!this.running || this.pid <= 0) return;
    try {
      process.kill(-this.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  /** SIGKILL to the group: the process gets no chance to clean up. Resolves once it is gone. */
  async kill(): Promise<Exit> {
    this.signal('SIGKILL');
    return within(`${this.name} to die after SIGKILL`, this.exited, 10_000);
  }

  /** `signal` (default SIGTERM), then SIGKILL if it is still running after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<Exit> {
    this.signal(signal);
    try {
      return await within(`${this.name} to exit after ${signal}`, this.exited, graceMs);
    } catch {
      return this.kill();
    }
  }
}

/** Kills every process group a suite started and has not stopped; for afterAll, even after a failure. */
export async function killAllProcessGroups(): Promise<void> {
  await Promise.all([...live].map((group) => group.kill().catch(() => undefined)));
}
