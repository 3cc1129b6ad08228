import { InvalidEventError } from '../errors';

/** Stable code of the error raised when an event carries a credential-like field. */
export const CREDENTIAL_FIELD = 'EVENT_STORE_CREDENTIAL_FIELD';

/**
 * Field names that look like credentials, compared lowercased without `_`, `-` and spaces:
 * anything containing password/passwd/passphrase/secret/credential/apikey/privatekey/accesskey,
 * and names ending in token (accessToken, refresh_token…) or equal to pwd/pin/otp.
 */
const CONTAINS = ['password', 'passwd', 'passphrase', 'secret', 'credential', 'apikey', 'privatekey', 'accesskey'];
const EXACT = new Set(['pwd', 'pin', 'otp']);

export function isCredentialName(name: string): boolean {
  const n = name.toLowerCase().replace(/[\s_-]/g, '');
  return CONTAINS.some((c) => n.includes(c)) || n.endsWith('token') || n.endsWith('tokens') || EXACT.has(n);
}

/** The path (e.g. `data.account.password`) of the first credential-like field, at any depth. */
export function findCredentialField(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCredentialField(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (isCredentialName(key) && child !== undefined && child !== null) return `${path}.${key}`;
    const found = findCredentialField(child, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses an event whose data or metadata holds a credential-like field: the log is immutable, so
 * a secret written once could never be removed. Ask for the account by name instead, or keep the
 * secret in a secret store and put its reference (e.g. `vaultRef`) in the event.
 */
export function assertNoCredentials(
  streamId: string,
  event: { id: string; type: string; data: unknown; metadata: unknown },
): void {
  const field = findCredentialField(event.data, 'data') ?? findCredentialField(event.metadata, 'metadata');
  if (!field) return;
  throw new InvalidEventError(
    `Stream "${streamId}": event ${event.id} (${event.type}) has a credential-like field "${field}"; ` +
      'the audit log is immutable and never stores secrets (keep it in a secret store and reference it)',
    { code: CREDENTIAL_FIELD, field },
  );
}
