import * as net from 'node:net';
import { Connection } from '@temporalio/client';
import { requiredTool } from '../tools';
import { waitUntil } from '../wait-until';
import { ProcessGroup } from './process-group';

/** A free TCP port on 127.0.0.1 (the OS picks; released at once for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The Go-built Temporal dev server (`temporal server start-dev`) as its own process, on a SQLite
 * file: stopping it and starting another on the same file and port is a server restart.
 */
export class DevServerProcess {
  private constructor(
    readonly dbFile: string,
    readonly port: number,
    readonly process: ProcessGroup,
  ) {}

  /**
   * Starts the server; on a fresh port it gets a second try: a dev server has once sat silent for
   * 30 s on a 2-core machine, and a new process on another port answered.
   */
  static async start(dbFile: string, port?: number): Promise<DevServerProcess> {
    try {
      return await DevServerProcess.launch(dbFile, port);
    } catch (error) {
      if (port !== undefined) throw error;
      console.warn(`the dev server did not answer; starting another: ${(error as Error).message.split('\n')[0]}`);
      return DevServerProcess.launch(dbFile);
    }
  }

  private static async launch(dbFile: string, port?: number): Promise<DevServerProcess> {
    const cli = requiredTool('CASEFLOW_TEMPORAL_CLI');
    const chosen = port ?? (await freePort());
    const args = ['server', 'start-dev', '--db-filename', dbFile, '--ip', '127.0.0.1', '--port', String(chosen)];
    const group = ProcessGroup.spawn(`temporal dev server :${chosen}`, cli, [...args, '--headless'], {
      env: process.env,
    });
    const server = new DevServerProcess(dbFile, chosen, group);
    try {
      await server.waitUntilServing();
    } catch (error) {
      await group.kill().catch(() => undefined);
      throw error;
    }
    return server;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** A new server on the same database file and port (this one must be stopped). */
  restart(): Promise<DevServerProcess> {
    if (this.process.running) throw new Error('stop the dev server before starting it again');
    return DevServerProcess.start(this.dbFile, this.port);
  }

  /** SIGTERM, as an orchestrator stops it; SIGKILL only if it hangs. */
  async stop(): Promise<void> {
    await this.process.stop('SIGTERM', 20_000);
  }

  private async waitUntilServing(): Promise<void> {
    await waitUntil(
      async () => {
        if (!this.process.running)
          throw new Error(
            `the dev server exited: ${JSON.stringify(await this.process.exited)}\n${this.process.output}`,
          );
        const connection = await Connection.connect({ address: this.address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          return true;
        } finally {
          await connection.close();
        }
      },
      { timeoutMs: 30_000, intervalMs: 200, what: `the dev server answers on ${this.address}`, retryErrors: true },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.process.output.slice(-4000)}`);
    });
  }
}
