/**
 * A personal value's claim check: what a ticket workflow carries in place of a person's e-mail
 * address, a title, a description or anything a customer wrote (docs/codec.md, design (a)). The
 * value itself is sealed in the personal-data vault under its subject's key; the reference names
 * that subject and the value, and nothing else. Pure, so workflow code may read it.
 *
 * `pd:<subject id>:<value id>`, e.g. `pd:ds-0b6c…:5f0e…`. A text may hold references among other
 * words (a reason the workflow composes from a customer's answer).
 */
const SUBJECT = 'ds-[a-z0-9-]{1,64}';
const VALUE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REFERENCE = `pd:(${SUBJECT}):(${VALUE})`;
const WHOLE = new RegExp(`^${REFERENCE}$`);

export const personalReference = (subjectId: string, valueId: string): string => `pd:${subjectId}:${valueId}`;

export const isPersonalReference = (value: unknown): value is string => typeof value === 'string' && WHOLE.test(value);

/** The subject a reference's value belongs to, when `value` is exactly one reference. */
export function subjectOfReference(value: unknown): string | undefined {
  return typeof value === 'string' ? WHOLE.exec(value)?.[1] : undefined;
}

/** The value id of a reference (its vault row). */
export function valueIdOfReference(reference: string): string | undefined {
  return WHOLE.exec(reference)?.[2];
}

/** Every reference inside a text, in order. */
export function referencesIn(text: string): string[] {
  return [...text.matchAll(new RegExp(REFERENCE, 'g'))].map((match) => match[0]);
}

/** The text with every reference replaced by what `open` gives for it. */
export function replaceReferences(text: string, open: (reference: string) => string): string {
  return text.replace(new RegExp(REFERENCE, 'g'), (reference) => open(reference));
}

/** Subject ids (`ds-…`): how a customer acts on a ticket once the gateway seals personal data. */
export const isSubjectId = (value: unknown): value is string =>
  typeof value === 'string' && /^ds-[a-z0-9-]{1,64}$/.test(value);
