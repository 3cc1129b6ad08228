const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Static pages, no script: the form posts to this gateway itself. */
export const SESSION_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px system-ui;max-width:42rem;margin:3rem auto;padding:0 1rem}textarea{width:100%;height:8rem}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>
`;

export function signInPage(uiOrigins: string[]): string {
  return page(
    'Caseflow codec server',
    `<p>Temporal UI (${uiOrigins.map(escape).join(', ')}) shows workflow payloads encrypted. Supervisors, managers and
auditors sign in here once; the browser then sends the token to this codec server with each decode request.</p>
<form method="post" action="/codec/session">
<label for="token">Your Caseflow access token</label><br><textarea id="token" name="token" required></textarea><br>
<button type="submit">Sign in to the codec server</button></form>
<form method="post" action="/codec/session/end"><button type="submit">Sign out</button></form>`,
  );
}

export function signedInPage(seconds: number, uiOrigins: string[]): string {
  return page(
    'Signed in to the codec server',
    `<p>Decoding is on for this browser for ${Math.round(seconds / 60)} minutes (or until the token expires).</p>
<p>In Temporal UI (${uiOrigins.map(escape).join(', ')}), the codec server settings must have
"Include cross-origin credentials" switched on (see the Caseflow README).</p>`,
  );
}

export const signedOutPage = (): string => page('Signed out', '<p>The codec session cookie is cleared.</p>');
