import type { AuthorizedContact, CustomerRecord } from './customer';

/** A contact as a customer event records it: its person's opaque subject id beside the (sealed) name and e-mail. */
export type RecordedContact = AuthorizedContact & { subject: string };

/**
 * A copy of a customer event's data in which every contact (of `record`, `before` and `after`)
 * carries the subject id of its e-mail address. The `customers` row keeps the contacts as given.
 */
export async function withContactSubjects<TData extends object>(
  data: TData,
  subjectOf: (email: string) => Promise<string>,
): Promise<TData> {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const part of ['record', 'before', 'after']) {
    const record = copy[part] as Partial<CustomerRecord> | undefined;
    if (!record?.authorizedContacts) continue;
    const contacts: RecordedContact[] = [];
    for (const contact of record.authorizedContacts)
      contacts.push({ ...contact, subject: await subjectOf(contact.email) });
    record.authorizedContacts = contacts;
  }
  return copy as TData;
}
