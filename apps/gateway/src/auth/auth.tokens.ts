/** The TokenVerifier built from the gateway's AuthConfig. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** The ApiKeys table (verification only). */
export const API_KEYS = Symbol('API_KEYS');
