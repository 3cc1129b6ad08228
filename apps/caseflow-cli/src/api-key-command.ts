import * as os from 'node:os';
import { canAppendWithin, openDatabase, SubjectKeys } from '@caseflow/event-store';
import { API_KEY_ROLES, ApiKeys, type ApiKeyRole } from '@caseflow/identity';
import { openEventStores, persistenceConfigFromEnv } from '@caseflow/persistence';
import { onlyFlags, UsageError } from './args';

/** Who runs the CLI, as the audited events name them. */
const operator = (env: NodeJS.ProcessEnv): string => `operator:${env.CASEFLOW_OPERATOR ?? os.userInfo().username}`;

/**
 * `caseflow api-key create|revoke|list`, on the database the apps use (CASEFLOW_STORE…). With the
 * embedded store, stop the system first: PGlite is one process's database. Returns stdout lines.
 */
export async function apiKeyCommand(
  words: string[],
  flags: Map<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const [action, id] = words;
  if (action === 'create') onlyFlags(flags, ['--name', '--role', '--customers']);
  else if (action === 'revoke' || action === 'list') onlyFlags(flags, []);
  else throw new UsageError('api-key needs create, revoke <id> or list');
  if (action === 'revoke' && !id) throw new UsageError('api-key revoke needs the key id (see api-key list)');

  const db = await openDatabase(persistenceConfigFromEnv(env).database);
  const stores = await openEventStores(db, { kind: 'database' }, await SubjectKeys.open(db));
  try {
    if (!canAppendWithin(stores.databaseStore))
      throw new Error('the database event store cannot append in a transaction');
    const keys = await ApiKeys.open(db, stores.databaseStore);
    if (action === 'list')
      return (await keys.list()).map((k) =>
        [
          k.id,
          k.name,
          k.role,
          k.customers.join(','),
          k.createdAt,
          k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
        ].join('\t'),
      );
    if (action === 'revoke') {
      if (!(await keys.revoke(id, operator(env)))) throw new UsageError(`no active key ${id}`);
      return [`revoked ${id}`];
    }
    const role = (flags.get('--role') ?? 'service') as ApiKeyRole;
    if (!API_KEY_ROLES.includes(role)) throw new UsageError(`--role must be one of ${API_KEY_ROLES.join(', ')}`);
    const { key } = await keys.create(
      { name: flags.get('--name') ?? '', role, customers: (flags.get('--customers') ?? '').split(',').filter(Boolean) },
      operator(env),
    );
    return [key];
  } finally {
    await stores.close();
    await db.close();
  }
}
