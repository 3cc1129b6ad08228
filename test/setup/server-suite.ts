import { DefaultLogger, Runtime } from '@temporalio/worker';

// The worker's INFO lines drown jest's report; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier spec file in this process.
}

// Suites against real servers start them, bundle workflows and wait on them.
jest.setTimeout(60_000);
