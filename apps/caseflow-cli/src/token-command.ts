import {
  ALL_CUSTOMERS,
  contactSubject,
  CUSTOMER_ID,
  EMAIL,
  issueEmbeddedToken,
  isRole,
  isTier,
  loadOrCreateSecret,
  PERSON_ID,
  ROLES,
  TIERS,
  type AuthConfig,
  type CaseflowClaims,
} from '@caseflow/identity';
import { onlyFlags, parseDuration, UsageError } from './args';

const DEFAULT_LIFETIME = '12h';
const FLAGS = ['--role', '--id', '--tier', '--customer', '--email', '--customers', '--expires-in'];

/** The claims a `token` command line asks for, checked as the gateway will check them. */
export function claimsFromFlags(flags: Map<string, string>, secret: Uint8Array): CaseflowClaims {
  onlyFlags(flags, FLAGS);
  const role = flags.get('--role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'customer') {
    const customer = flags.get('--customer') ?? '';
    const email = (flags.get('--email') ?? '').trim().toLowerCase();
    if (!CUSTOMER_ID.test(customer)) throw new UsageError('--customer must be a customer id, e.g. balasys-demo');
    if (!EMAIL.test(email)) throw new UsageError('--email must be the contact’s e-mail address');
    return { sub: flags.get('--id') ?? contactSubject(secret, customer, email), role, customer, email };
  }
  const id = flags.get('--id') ?? '';
  if (!PERSON_ID.test(id)) throw new UsageError(`--id is required for ${role}: 1-254 characters without blanks`);
  if (role === 'engineer') {
    const tier = flags.get('--tier') ?? 'L1';
    if (!isTier(tier)) throw new UsageError(`--tier must be one of ${TIERS.join(', ')}`);
    return { sub: id, role, tier };
  }
  if (role === 'service') {
    const customers = (flags.get('--customers') ?? '').split(',').filter(Boolean);
    if (customers.length === 0 || !customers.every((c) => c === ALL_CUSTOMERS || CUSTOMER_ID.test(c)))
      throw new UsageError('--customers must list the customer ids the service may touch (comma-separated), or *');
    return { sub: id, role, customers };
  }
  return { sub: id, role };
}

/** `caseflow token …`: one HS256 token of the embedded issuer, signed with the data folder's secret. */
export async function tokenCommand(flags: Map<string, string>, config: AuthConfig, now = new Date()): Promise<string> {
  if (config.kind !== 'embedded')
    throw new UsageError('CASEFLOW_AUTH_JWKS_URL is set: tokens come from your identity provider, not from this CLI');
  const secret = loadOrCreateSecret(config.secretFile);
  const claims = claimsFromFlags(flags, secret);
  return issueEmbeddedToken(secret, claims, {
    issuer: config.issuer,
    audience: config.audience,
    expiresInSeconds: parseDuration(flags.get('--expires-in') ?? DEFAULT_LIFETIME),
    now,
  });
}
