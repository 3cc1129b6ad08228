#!/usr/bin/env node
import { ApiKeyError, authConfigFromEnv } from '@caseflow/identity';
import { apiKeyCommand } from './api-key-command';
import { parseArgs, UsageError } from './args';
import { projectionsCommand } from './projections-command';
import { tokenCommand } from './token-command';

const USAGE = `caseflow — operator commands (same data folder and CASEFLOW_* environment as npm start)

  caseflow token --role engineer --id eve [--tier L1|L2|L3]          a token for a staff member
  caseflow token --role manager|supervisor|auditor --id <id>
  caseflow token --role customer --customer <id> --email <address>  a token for a customer contact
  caseflow token --role service --id <name> --customers <id,…|*>    a token for an internal tool
      [--expires-in 12h]                                            lifetime (default 12h)
  caseflow api-key create --name <name> [--role service|supervisor|auditor] --customers <id,…|*>
  caseflow api-key revoke <id>
  caseflow api-key list
  caseflow projections rebuild      empty the read side's tables and replay every ticket event
  caseflow projections status       the projection's checkpoint, the store's head, the lag, failures

token prints just the token (HS256, signed with data/auth-hs256.secret, created on first use).
api-key create prints just the key, once: only its hash is kept. With the embedded store, stop the
system before api-key and projections commands (PGlite is one process's database).
Exit codes: 0 done, 2 usage error, 3 failure.`;

async function run(args: string[]): Promise<string[]> {
  if (args.length === 0) throw new UsageError('no command');
  if (args[0] === 'help' || args.includes('--help')) return [USAGE];
  const { words, flags } = parseArgs(args);
  const [command, ...rest] = words;
  if (command === 'token') {
    if (rest.length > 0) throw new UsageError(`token takes no bare words (${rest.join(' ')})`);
    return [await tokenCommand(flags, authConfigFromEnv())];
  }
  if (command === 'api-key') return apiKeyCommand(rest, flags);
  if (command === 'projections') return projectionsCommand(rest, flags);
  throw new UsageError(`unknown command "${command ?? args[0]}"`);
}

run(process.argv.slice(2)).then(
  (lines) => {
    process.stdout.write(lines.map((line) => `${line}\n`).join(''));
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ApiKeyError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
