import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SECRET_BYTES = 32;

/**
 * The embedded issuer's HS256 secret: read from `file`, or created there on first use (32 random
 * bytes, base64url, mode 0600, its folder 0700). Creation is atomic (a temporary file hard-linked
 * into place), so the gateway and the `caseflow token` command racing on a fresh data folder end
 * up with the same secret. A file that others may read is refused, not silently used.
 */
export function loadOrCreateSecret(file: string): Uint8Array {
  try {
    return readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${randomBytes(SECRET_BYTES).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.unlinkSync(temporary);
  }
  return readSecret(file);
}

function readSecret(file: string): Uint8Array {
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0)
    throw new Error(
      `${file} is readable by others (mode ${mode.toString(8)}): run chmod 600 on it, or delete it to make a new one`,
    );
  const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length < SECRET_BYTES)
    throw new Error(`${file} holds ${secret.length} bytes; the token secret needs at least ${SECRET_BYTES}`);
  return new Uint8Array(secret);
}
