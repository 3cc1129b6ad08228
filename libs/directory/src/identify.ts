/**
 * Identify (000 Balasys, 002 SupraTix, 003 BPMSoft): may this requester open this request for this customer now?
 * Pure: no I/O, no clock (the instant comes in), no Node built-ins; importable from workflow code
 * as `libs/directory/src/identify` (not the package index, which also holds the Nest module).
 */
import type { Contract, CustomerRecord, Licence } from './customer';

export interface IdentifyRequest {
  /** Only for the reason when the customer is unknown. */
  customerId?: string;
  /** E-mail of the person asking. */
  requester: string;
  product?: string;
  productVersion?: string;
  /** The intake form's fields (002 SupraTix: domain, contactEndCustomerAllowed; 001 Netix: recurrence, urgency …). */
  intake?: Record<string, unknown>;
  /** When the request came in (ISO-8601); its UTC day is the day contracts and licences must cover. */
  at: string;
}

export type IdentifyFailureCode =
  | 'UNKNOWN_CUSTOMER'
  | 'REQUESTER_NOT_AUTHORIZED'
  | 'NO_VALID_CONTRACT'
  | 'NO_VALID_LICENCE'
  | 'UNSUPPORTED_VERSION'
  | 'MISSING_INTAKE_FIELDS';

export type IdentifyOutcome =
  { ok: true; contractId: string; plan?: string } | { ok: false; code: IdentifyFailureCode; reason: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day (YYYY-MM-DD) of an ISO-8601 instant or date. */
export function utcDay(at: string): string {
  if (ISO_DAY.test(at)) return at;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`identifyRequest: "at" is not an ISO-8601 instant: ${at}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Inclusive at both ends; ISO dates compare as strings. */
export const coversDay = (period: { validFrom: string; validTo: string }, day: string): boolean =>
  period.validFrom <= day && day <= period.validTo;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "7.1" supports "7.1" and "7.1.x"; case-insensitive. */
export function versionSupported(supported: readonly string[], version: string): boolean {
  const v = version.trim().toLowerCase();
  return supported.some((entry) => {
    const s = entry.trim().toLowerCase();
    return v === s || v.startsWith(`${s}.`);
  });
}

/** Licence keys never go whole into a reason (reasons end up in the immutable ticket log). */
export function maskKey(key: string): string {
  return key.length <= 4 ? '****' : `****${key.slice(-4)}`;
}

function whyNotValid(period: { validFrom: string; validTo: string }, day: string): string {
  return day < period.validFrom ? `starts on ${period.validFrom}` : `ended on ${period.validTo}`;
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const fail = (code: IdentifyFailureCode, reason: string): IdentifyOutcome => ({ ok: false, code, reason });

/**
 * Checks, in order: the customer exists; the requester is authorized (when the customer takes
 * requests from authorized contacts only; e-mail compared case-insensitively); a contract covers
 * the request's UTC day; when a product is named, a licence for it covers that day and the version
 * (if known) is supported; every required intake field is present. The first failure decides.
 */
export function identifyRequest(customer: CustomerRecord | undefined, request: IdentifyRequest): IdentifyOutcome {
  const day = utcDay(request.at);
  if (!customer)
    return fail('UNKNOWN_CUSTOMER', `customer ${request.customerId ?? '(unnamed)'} is not in the directory`);

  if (customer.processOptions.authorizedContactsOnly) {
    const authorized = customer.authorizedContacts.some((contact) => same(contact.email, request.requester));
    if (!authorized) {
      const count = customer.authorizedContacts.length;
      return fail(
        'REQUESTER_NOT_AUTHORIZED',
        `the requester is not an authorized contact of ${customer.name}: requests are taken only from the ` +
          `${count === 1 ? 'one authorized person' : `${count} authorized contacts`} on record`,
      );
    }
  }

  const contract = pickValid<Contract>(customer.contracts, day);
  if (!contract) {
    const why =
      customer.contracts.length === 0
        ? `${customer.name} has no support contract on record`
        : customer.contracts
            .map((c) => `contract ${c.id} (${c.validFrom}..${c.validTo}) ${whyNotValid(c, day)}`)
            .join('; ');
    return fail('NO_VALID_CONTRACT', `no support contract is valid on ${day}: ${why}`);
  }

  const product = request.product?.trim();
  if (product) {
    const licences = customer.licences.filter((licence) => same(licence.product, product));
    if (!pickValid<Licence>(licences, day)) {
      const why =
        licences.length === 0
          ? `${customer.name} holds no licence for ${product}`
          : licences
              .map((l) => `licence ${maskKey(l.key)} (${l.validFrom}..${l.validTo}) ${whyNotValid(l, day)}`)
              .join('; ');
      return fail('NO_VALID_LICENCE', `no licence for ${product} is valid on ${day}: ${why}`);
    }
    const support = customer.products.find((entry) => same(entry.product, product));
    const version = textOf(request.productVersion) ?? textOf(request.intake?.productVersion);
    if (!support || support.supportedVersions.length === 0) {
      return fail('UNSUPPORTED_VERSION', `${product} has no supported versions on record for ${customer.name}`);
    }
    if (version !== undefined && !versionSupported(support.supportedVersions, version)) {
      return fail(
        'UNSUPPORTED_VERSION',
        `${product} version ${version} is not supported (supported: ${support.supportedVersions.join(', ')})`,
      );
    }
  }

  const missing = missingIntakeFields(customer, request);
  if (missing.length > 0) {
    return fail(
      'MISSING_INTAKE_FIELDS',
      `the request lacks required field${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
    );
  }

  const plan = contract.plan ?? customer.plan;
  return plan === undefined ? { ok: true, contractId: contract.id } : { ok: true, contractId: contract.id, plan };
}

/**
 * The customer's required intake fields the request lacks, in the customer's order
 * (`product`/`productVersion` may come from the request itself; `false` is an answer, empty text
 * or lists are not). The gateway answers 400 with them; identifyRequest refuses what slips through.
 */
export function missingIntakeFields(
  customer: Pick<CustomerRecord, 'processOptions'>,
  request: Pick<IdentifyRequest, 'product' | 'productVersion' | 'intake'>,
): string[] {
  const fromRequest: Record<string, unknown> = { product: request.product, productVersion: request.productVersion };
  return customer.processOptions.requiredIntakeFields.filter(
    (field) => !isPresent(request.intake?.[field]) && !isPresent(fromRequest[field]),
  );
}

/** Among the periods valid on `day`, the one running longest (first listed on a tie). */
function pickValid<T extends { validFrom: string; validTo: string }>(items: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (coversDay(item, day) && (!best || item.validTo > best.validTo)) best = item;
  }
  return best;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
