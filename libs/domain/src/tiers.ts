/**
 * Support tiers (004: the dedicated helpdesk pair, SysDesk, professional services; 002: the
 * client's first level, SupraTix's second level) and what a hand-over to second level must carry.
 */
export type Tier = 'L1' | 'L2' | 'L3';

export const TIERS: readonly Tier[] = ['L1', 'L2', 'L3'];

/** The tier a ticket starts in when the directory names none. */
export const ENTRY_TIER: Tier = 'L1';

/** 002: what a request forwarded to second level must contain at least. */
export interface SecondLevelBrief {
  customerNumber: string;
  domain: string;
  /** The contact's e-mail address or user name. */
  contact: string;
  errorDescription: string;
  /** Whether second level may contact the end customer. */
  endCustomerContactAllowed: boolean;
}

export const SECOND_LEVEL_BRIEF_TEXTS = ['customerNumber', 'domain', 'contact', 'errorDescription'] as const;

export const isTier = (value: unknown): value is Tier => (TIERS as readonly unknown[]).includes(value);
