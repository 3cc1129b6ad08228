import { maskKey, type CustomerRecord } from '@caseflow/directory';

/** A customer as the gateway shows it: the directory record with licence keys masked. */
export type CustomerView = CustomerRecord;

export function toCustomerView(record: CustomerRecord): CustomerView {
  return { ...record, licences: record.licences.map((licence) => ({ ...licence, key: maskKey(licence.key) })) };
}
