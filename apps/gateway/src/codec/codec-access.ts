/** Who may see decoded payloads: staff who already read whole tickets. */
export const CODEC_ROLES = ['supervisor', 'manager', 'auditor'] as const;

export type CodecAccessDecision = 'allowed' | 'unauthenticated' | 'forbidden';

/**
 * Decides a codec request from its Authorization header (`Bearer <token>`, or undefined when the
 * request carried none): `allowed` for a verified token of a CODEC_ROLES user, `forbidden` for a
 * verified token of anyone else, `unauthenticated` for no token or one that does not verify.
 * Provided under CODEC_ACCESS by whoever verifies the gateway's tokens.
 */
export type CodecAccess = (authorization: string | undefined) => Promise<CodecAccessDecision>;

/** The gateway's authenticator as a codec access check: verified codec roles in, other callers forbidden. */
export function codecAccessFrom(authenticator: {
  authenticate(header: string | undefined): Promise<{ role: string }>;
}): CodecAccess {
  return async (authorization) => {
    if (!authorization) return 'unauthenticated';
    const caller = await authenticator.authenticate(authorization).catch(() => undefined);
    if (!caller) return 'unauthenticated';
    return (CODEC_ROLES as readonly string[]).includes(caller.role) ? 'allowed' : 'forbidden';
  };
}

/** Until a token verifier is provided, nobody is let in. */
export const refuseEveryone: CodecAccess = async () => 'unauthenticated';
