import type { CustomerRecord } from './customer';
import { shouldSeedDirectory } from './directory.module';
import { balasysDemo, bpmsoftDemo, helpdeskIlDemo, netixDemo } from './fixture';
import { isIsoDate, isValidCustomer, validateCustomer } from './validate-customer';

const fields = (record: unknown) => validateCustomer(record).map((p) => p.field);
const with_ = (base: CustomerRecord, overrides: Record<string, unknown>) =>
  ({ ...base, ...overrides }) as unknown as CustomerRecord;

describe('validateCustomer', () => {
  it('accepts the fixture customers', () => {
    expect(isValidCustomer(balasysDemo)).toBe(true);
  });

  it('rejects a non-object', () => {
    expect(validateCustomer(null)).toEqual([{ field: '(record)', rule: 'must be an object' }]);
  });

  it('checks the id slug and the name', () => {
    expect(fields(with_(netixDemo, { id: 'Netix Demo', name: ' ' }))).toEqual(['id', 'name']);
    expect(fields(with_(netixDemo, { id: '-netix' }))).toEqual(['id']);
  });

  it('checks preset, policy id + version, and calendar against libs/sla', () => {
    expect(fields(with_(netixDemo, { presetId: '999-nobody' }))).toEqual(['presetId']);
    const policy = validateCustomer(with_(netixDemo, { policy: { id: 'netix', version: 2 } }));
    expect(policy).toEqual([
      { field: 'policy', rule: "policy netix v2 is neither in preset 001-netix nor the customer's own (netix v1)" },
    ]);
    expect(fields(with_(netixDemo, { policy: { id: 'balasys', version: 1 } }))).toEqual(['policy']);
    expect(fields(with_(netixDemo, { calendarId: 'balasys-budapest' }))).toEqual(['calendarId']);
  });

  it("accepts the customer's own policy and calendar versions, and checks each", () => {
    const office = {
      id: 'netix-office',
      version: 1,
      timeZone: 'Asia/Novosibirsk',
      week: { mon: [['09:00', '18:00']] },
    };
    const own = {
      id: 'netix',
      version: 2,
      title: 'Netix, faster',
      matcher: {
        kind: 'fixed',
        targets: { firstResponse: { span: { measure: 'business', seconds: 3600 }, calendar: 'netix-office' } },
      },
      calendars: ['netix-office'],
    };
    const good = with_(netixDemo, {
      slaPolicies: [own],
      calendars: [office],
      policy: { id: 'netix', version: 2 },
      calendarId: 'netix-office',
    });
    expect(validateCustomer(good)).toEqual([]);
    expect(fields(with_(good, { calendarId: 'netix-novosibirsk' }))).toEqual(['calendarId']);
    // A version of the preset's own id and number exists already; a policy naming an unknown calendar is refused.
    expect(fields(with_(good, { slaPolicies: [{ ...own, version: 1 }] }))).toEqual([
      'slaPolicies[0].version',
      'policy',
    ]);
    expect(validateCustomer(with_(good, { calendars: [] }))).toEqual([
      { field: 'slaPolicies[0]', rule: "names calendars that are neither the preset's nor own: netix-office" },
      { field: 'calendarId', rule: expect.stringContaining('must be a calendar of preset 001-netix') as string },
      { field: 'policy', rule: expect.stringContaining('policy netix v2 is neither') as string },
    ]);
    expect(fields(with_(good, { calendars: [{ ...office, week: {} }] }))).toEqual([
      'calendars[0]',
      'slaPolicies[0]',
      'calendarId',
      'policy',
    ]);
    expect(fields(with_(good, { calendars: [office, office] }))).toEqual(['calendars[1].version']);
    expect(fields(with_(netixDemo, { slaPolicies: 'x' }))).toEqual(['slaPolicies']);
  });

  it('needs a policy that gives every severity of the scheme targets, as the workflow classifies tickets', () => {
    const answer = { firstResponse: { span: { measure: 'elapsed', seconds: 3600 }, calendar: 'netix-novosibirsk' } };
    const partial = {
      id: 'netix',
      version: 2,
      title: 'urgent only',
      matcher: { kind: 'urgency', byUrgency: { '1': answer, '2': answer } },
      calendars: ['netix-novosibirsk'],
    };
    const record = with_(netixDemo, { slaPolicies: [partial], policy: { id: 'netix', version: 2 } });
    expect(validateCustomer(record)).toEqual([
      { field: 'policy', rule: 'policy netix v2 has no targets for severity 3, 4' },
    ]);
    // Under a scheme without urgencies (S1-S3) it covers nothing.
    expect(fields(with_(record, { processOptions: { ...netixDemo.processOptions, severityScheme: 'S1-S3' } }))).toEqual(
      ['policy'],
    );
  });

  it('needs a plan the severity x plan matrix knows (000), on the customer and its contracts', () => {
    expect(fields(with_(balasysDemo, { plan: undefined }))).toEqual(['plan']);
    expect(fields(with_(balasysDemo, { plan: 'Gold' }))).toEqual(['plan']);
    expect(
      fields(
        with_(balasysDemo, { contracts: [{ id: 'C', plan: 'Gold', validFrom: '2024-01-01', validTo: '2024-12-31' }] }),
      ),
    ).toEqual(['contracts[0].plan']);
    expect(validateCustomer(with_(netixDemo, { plan: 'anything' }))).toEqual([]);
  });

  it('checks dates, their order, and duplicate contract ids', () => {
    const contracts = [
      { id: 'C', validFrom: '2024-02-30', validTo: '2024-12-31' },
      { id: 'C', validFrom: '2025-01-01', validTo: '2024-12-31' },
      { id: '', validFrom: '2024-01-01', validTo: '2024-1-31' },
    ];
    expect(fields(with_(netixDemo, { contracts }))).toEqual([
      'contracts[0].validFrom',
      'contracts[1].id',
      'contracts[1].validTo',
      'contracts[2].id',
      'contracts[2].validTo',
    ]);
  });

  it('licences must name a listed product; products and versions are unique', () => {
    const licences = [{ key: 'K-1', product: 'other', validFrom: '2024-01-01', validTo: '2030-12-31' }];
    expect(fields(with_(netixDemo, { licences }))).toEqual(['licences[0].product']);
    const products = [
      { product: 'triceps', supportedVersions: ['6.0', '6.0'] },
      { product: 'Triceps', supportedVersions: ['6.1'] },
    ];
    expect(fields(with_(netixDemo, { products }))).toEqual(['products[0].supportedVersions', 'products[1].product']);
  });

  it('contacts need e-mail addresses, unique case-insensitively; authorized-only needs one', () => {
    const contacts = [
      { email: 'not-an-email', name: 'A' },
      { email: 'b@example.com', name: 'B' },
      { email: 'B@EXAMPLE.COM', name: '' },
    ];
    expect(fields(with_(netixDemo, { authorizedContacts: contacts }))).toEqual([
      'authorizedContacts[0].email',
      'authorizedContacts[2].email',
      'authorizedContacts[2].name',
    ]);
    expect(fields(with_(bpmsoftDemo, { authorizedContacts: [] }))).toEqual(['authorizedContacts']);
    // 003: one authorized client employee, not two.
    expect(
      fields(
        with_(bpmsoftDemo, {
          authorizedContacts: [...bpmsoftDemo.authorizedContacts, { email: 'x@example.com', name: 'X' }],
        }),
      ),
    ).toEqual(['authorizedContacts']);
  });

  it('checks the process options', () => {
    const processOptions = {
      authorizedContactsOnly: 'yes',
      sequentialQueue: 1,
      requiredIntakeFields: ['a', 'a'],
      clarificationOutcome: 'ignore',
      severityScheme: 'P1-P5',
    };
    expect(fields(with_(netixDemo, { processOptions }))).toEqual([
      'processOptions.authorizedContactsOnly',
      'processOptions.sequentialQueue',
      'processOptions.requiredIntakeFields',
      'processOptions.clarificationOutcome',
      'processOptions.severityScheme',
    ]);
    expect(fields(with_(netixDemo, { processOptions: undefined, contracts: 'none' }))).toEqual([
      'contracts',
      'processOptions',
    ]);
  });

  it('checks the support team: entry tier and 1 to 4 distinct staff ids (004: the dedicated pair)', () => {
    expect(helpdeskIlDemo.support?.dedicated).toHaveLength(2);
    expect(validateCustomer(with_(netixDemo, { support: undefined }))).toEqual([]);
    expect(fields(with_(netixDemo, { support: 'the pair' }))).toEqual(['support']);
    expect(fields(with_(netixDemo, { support: { entryTier: 'L4', dedicated: ['dana'] } }))).toEqual([
      'support.entryTier',
    ]);
    expect(fields(with_(netixDemo, { support: { dedicated: [] } }))).toEqual(['support.dedicated']);
    expect(fields(with_(netixDemo, { support: { dedicated: ['a', 'b', 'c', 'd', 'e'] } }))).toEqual([
      'support.dedicated',
    ]);
    expect(fields(with_(netixDemo, { support: { dedicated: ['dana', 'Dana Levi'] } }))).toEqual([
      'support.dedicated[1]',
    ]);
    expect(fields(with_(netixDemo, { support: { dedicated: ['dana', 'dana'] } }))).toEqual(['support.dedicated']);
  });

  it('a quartet table must belong to a quartet policy', () => {
    expect(fields(with_(helpdeskIlDemo, { quartetTable: 'vip' }))).toEqual(['quartetTable']);
    expect(fields(with_(netixDemo, { quartetTable: 'default' }))).toEqual(['quartetTable']);
  });

  it('isIsoDate accepts real calendar dates only', () => {
    expect(['2024-02-29', '2030-12-31'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-1-01', '20240101', 20240101].some(isIsoDate)).toBe(false);
  });
});

describe('shouldSeedDirectory', () => {
  it('seeds unless CASEFLOW_SEED_DIRECTORY is "false"', () => {
    expect(shouldSeedDirectory({})).toBe(true);
    expect(shouldSeedDirectory({ CASEFLOW_SEED_DIRECTORY: 'true' })).toBe(true);
    expect(shouldSeedDirectory({ CASEFLOW_SEED_DIRECTORY: 'false' })).toBe(false);
  });
});
