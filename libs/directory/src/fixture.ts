/**
 * Five demo customers, one per source process (000 Balasys, 001 Netix, 002 SupraTix, 003 BPMSoft,
 * 004 IL helpdesk), so a newcomer can open a ticket against each at once. The run command seeds
 * them (CASEFLOW_SEED_DIRECTORY=false turns it off). Pure data: importable anywhere.
 */
import type { CustomerRecord } from './customer';

const always = { validFrom: '2024-01-01', validTo: '2030-12-31' } as const;

/** 000 Balasys: contract, licence key and version checked at intake; SLA = severity x plan. */
export const balasysDemo: CustomerRecord = {
  id: 'balasys-demo',
  name: 'Balasys demo customer (Budapest)',
  presetId: '000-balasys',
  policy: { id: 'balasys', version: 1 },
  calendarId: 'balasys-budapest',
  plan: 'PrivilegeSU',
  contracts: [{ id: 'BAL-SU-2024-001', plan: 'PrivilegeSU', ...always }],
  licences: [
    { key: 'ZORP-7F3A-91C2-44D0', product: 'zorp-gateway', ...always },
    { key: 'PXAS-2B7E-0D19-8C55', product: 'proxedo-api-security', ...always },
  ],
  products: [
    { product: 'zorp-gateway', supportedVersions: ['7.0', '7.1'] },
    { product: 'proxedo-api-security', supportedVersions: ['2.0', '2.1'] },
  ],
  authorizedContacts: [
    { email: 'anna.kovacs@example.com', name: 'Anna Kovács' },
    { email: 'peter.nagy@example.com', name: 'Péter Nagy' },
  ],
  processOptions: {
    authorizedContactsOnly: false,
    sequentialQueue: false,
    requiredIntakeFields: ['product', 'productVersion'],
    clarificationOutcome: 'keepWaiting',
    severityScheme: 'S1-S3',
  },
  support: { entryTier: 'L1', dedicated: ['eve'] },
};

/** 001 Netix (Triceps): urgency 1-4, reply within 2 business hours; the e-mail robot's fields. */
export const netixDemo: CustomerRecord = {
  id: 'netix-demo',
  name: 'Netix demo customer (Novosibirsk)',
  presetId: '001-netix',
  policy: { id: 'netix', version: 1 },
  calendarId: 'netix-novosibirsk',
  contracts: [{ id: 'NTX-2024-0042', ...always }],
  licences: [{ key: 'TRC-5530-0042-A1B9', product: 'triceps', ...always }],
  products: [{ product: 'triceps', supportedVersions: ['5.2', '5.3', '6.0'] }],
  authorizedContacts: [
    { email: 'ivan.petrov@example.com', name: 'Ivan Petrov' },
    { email: 'olga.smirnova@example.com', name: 'Olga Smirnova' },
  ],
  processOptions: {
    authorizedContactsOnly: false,
    sequentialQueue: false,
    requiredIntakeFields: ['productVersion', 'recurrence', 'urgency'],
    clarificationOutcome: 'resolveNoResponse',
    severityScheme: 'urgency1-4',
  },
  support: { entryTier: 'L1', dedicated: ['oleg.sidorov'] },
};

/** 002 SupraTix: second level behind the client's desk; domain and end-customer consent required. */
export const supratixDemo: CustomerRecord = {
  id: 'supratix-demo',
  name: 'SupraTix demo client (Berlin)',
  presetId: '002-supratix',
  policy: { id: 'supratix', version: 1 },
  calendarId: 'supratix-berlin',
  plan: 'premium',
  contracts: [{ id: 'STX-K-10077', plan: 'premium', ...always }],
  licences: [{ key: 'STX-HOST-10077-QX4M', product: 'supratix-hosting', ...always }],
  products: [{ product: 'supratix-hosting', supportedVersions: ['3.4', '3.5'] }],
  authorizedContacts: [
    { email: 'firstlevel@example.com', name: 'Client first-level desk' },
    { email: 'jonas.weber@example.com', name: 'Jonas Weber' },
  ],
  processOptions: {
    authorizedContactsOnly: false,
    sequentialQueue: false,
    requiredIntakeFields: ['domain', 'contactEndCustomerAllowed'],
    clarificationOutcome: 'keepWaiting',
    severityScheme: 'critical-low',
  },
  // 002: requests reach second level from first level with the five-field brief (the hand-over).
  support: { entryTier: 'L1', dedicated: ['lena.fischer'] },
};

/** 003 BPMSoft: one authorized person, one request at a time, 2 business days to clarify. */
export const bpmsoftDemo: CustomerRecord = {
  id: 'bpmsoft-demo',
  name: 'BPMSoft demo client (Moscow)',
  presetId: '003-bpmsoft',
  policy: { id: 'bpmsoft', version: 1 },
  calendarId: 'bpmsoft-moscow',
  contracts: [{ id: 'PT-CC-2024-017', ...always }],
  licences: [{ key: 'BPMS-1700-2024-0017', product: 'bpmsoft', ...always }],
  products: [{ product: 'bpmsoft', supportedVersions: ['1.6', '1.7'] }],
  authorizedContacts: [{ email: 'maria.ivanova@example.com', name: 'Maria Ivanova' }],
  processOptions: {
    authorizedContactsOnly: true,
    sequentialQueue: true,
    // The account to use is asked for by name only: Caseflow never keeps a password in its log.
    requiredIntakeFields: ['systemAddress', 'stepsToReproduce', 'environment'],
    clarificationOutcome: 'resolveNoResponse',
    severityScheme: 'critical-low',
  },
  support: { entryTier: 'L1', dedicated: ['irina.volkova'] },
};

/** 004 Israeli helpdesk: priority by quartet, with the customer's own quartet table. */
export const helpdeskIlDemo: CustomerRecord = {
  id: 'helpdesk-il-demo',
  name: 'Helpdesk demo customer (Jerusalem)',
  presetId: '004-helpdesk-il',
  policy: { id: 'helpdesk-il-quartet', version: 1 },
  calendarId: 'helpdesk-jerusalem',
  plan: 'managed',
  quartetTable: 'customer-example',
  contracts: [{ id: 'HD-IL-2024-0099', plan: 'managed', ...always }],
  licences: [{ key: 'HD-M365-0099-LK2P', product: 'office-suite', ...always }],
  products: [{ product: 'office-suite', supportedVersions: ['2021', '2024'] }],
  authorizedContacts: [
    { email: 'noa.levi@example.com', name: 'Noa Levi' },
    { email: 'david.cohen@example.com', name: 'David Cohen' },
  ],
  processOptions: {
    authorizedContactsOnly: false,
    sequentialQueue: false,
    // The customer picks three fields of the quartet; the engineer sets the fourth (impact).
    requiredIntakeFields: ['service', 'category', 'item'],
    clarificationOutcome: 'resolveNoResponse',
    severityScheme: 'quartet',
  },
  // 004: two dedicated helpdesk people (rotating); SysDesk above them, professional services above that.
  support: { entryTier: 'L1', dedicated: ['dana.mizrahi', 'yossi.ben-david'] },
};

export const demoCustomers: readonly CustomerRecord[] = [
  balasysDemo,
  netixDemo,
  supratixDemo,
  bpmsoftDemo,
  helpdeskIlDemo,
];
