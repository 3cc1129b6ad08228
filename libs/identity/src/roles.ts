/** The roles a caller can hold, spelled as tokens, API keys and the `caseflow` CLI spell them. */
export const ROLES = ['customer', 'engineer', 'manager', 'supervisor', 'auditor', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Engineers' support tiers. */
export const TIERS = ['L1', 'L2', 'L3'] as const;
export type Tier = (typeof TIERS)[number];

/** Roles of the people a service may act for (the ones that change tickets). */
export const ACTING_ROLES = ['customer', 'engineer', 'manager'] as const;
export type ActingRole = (typeof ACTING_ROLES)[number];

/** Roles an API key may carry: machines, never people. */
export const API_KEY_ROLES = ['service', 'supervisor', 'auditor'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** Every customer: a service or key not limited to a list. */
export const ALL_CUSTOMERS = '*';

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
export const isTier = (value: unknown): value is Tier => TIERS.includes(value as Tier);

/** Staff and service ids: 1–254 visible characters, no blanks (they are written into event metadata as `role:id`). */
export const PERSON_ID = /^[^\s\p{Cc}]{1,254}$/u;
/** Customer ids as the directory spells them. */
export const CUSTOMER_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
