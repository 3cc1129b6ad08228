import type { CustomerRecord } from './customer';
import { balasysDemo, bpmsoftDemo, netixDemo, supratixDemo } from './fixture';
import { identifyRequest, maskKey, utcDay, versionSupported, type IdentifyOutcome } from './identify';

const at = '2025-03-14T10:00:00Z';

function customer(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    id: 'acme',
    name: 'Acme',
    presetId: '000-balasys',
    policy: { id: 'balasys', version: 1 },
    calendarId: 'balasys-budapest',
    plan: 'StandardSU',
    contracts: [{ id: 'C-1', validFrom: '2024-01-01', validTo: '2024-12-31' }],
    licences: [{ key: 'LIC-ZORP-0001', product: 'zorp', validFrom: '2024-01-01', validTo: '2024-12-31' }],
    products: [{ product: 'zorp', supportedVersions: ['7.0', '7.1'] }],
    authorizedContacts: [{ email: 'Boss@Example.com', name: 'The Boss' }],
    processOptions: {
      authorizedContactsOnly: false,
      sequentialQueue: false,
      requiredIntakeFields: [],
      clarificationOutcome: 'resolveNoResponse',
      severityScheme: 'S1-S3',
    },
    ...overrides,
  };
}

const failure = (outcome: IdentifyOutcome) => {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome;
};

describe('identifyRequest', () => {
  it('UNKNOWN_CUSTOMER when the directory has no such customer', () => {
    const out = failure(identifyRequest(undefined, { customerId: 'nobody', requester: 'a@example.com', at }));
    expect(out.code).toBe('UNKNOWN_CUSTOMER');
    expect(out.reason).toContain('nobody');
  });

  describe('authorized contacts only (003)', () => {
    const only = customer({ processOptions: { ...customer().processOptions, authorizedContactsOnly: true } });
    const day = '2024-06-01T08:00:00Z';

    it('accepts the authorized person, e-mail compared case-insensitively', () => {
      expect(identifyRequest(only, { requester: ' boss@EXAMPLE.com ', at: day })).toEqual({
        ok: true,
        contractId: 'C-1',
        plan: 'StandardSU',
      });
    });

    it('REQUESTER_NOT_AUTHORIZED for anyone else, without naming the requester (the reason is logged in the clear)', () => {
      const out = failure(identifyRequest(only, { requester: 'intern@example.com', at: day }));
      expect(out.code).toBe('REQUESTER_NOT_AUTHORIZED');
      expect(out.reason).not.toContain('intern@example.com');
      expect(out.reason).toContain('the requester is not an authorized contact of Acme');
      expect(out.reason).toContain('one authorized person');
    });

    it('does not check the requester when the option is off', () => {
      expect(identifyRequest(customer(), { requester: 'intern@example.com', at: day }).ok).toBe(true);
    });

    it('the fixture 003 customer takes requests from its one contact only', () => {
      expect(
        identifyRequest(bpmsoftDemo, {
          requester: 'maria.ivanova@example.com',
          at,
          intake: {
            systemAddress: 'https://crm.example.com',
            stepsToReproduce: ['open', 'save'],
            environment: 'PostgreSQL 15, 2 nodes',
          },
        }).ok,
      ).toBe(true);
      expect(failure(identifyRequest(bpmsoftDemo, { requester: 'ivan@example.com', at })).code).toBe(
        'REQUESTER_NOT_AUTHORIZED',
      );
    });
  });

  describe('contract validity (UTC day, both ends inclusive)', () => {
    const c = customer({ licences: [], products: [] });

    it.each([
      ['first day, first instant', '2024-01-01T00:00:00Z'],
      ['last day, last instant', '2024-12-31T23:59:59.999Z'],
      ['offset instant still on the last UTC day', '2025-01-01T00:30:00+01:00'],
      ['a plain date', '2024-12-31'],
    ])('valid on the %s', (_label, instant) => {
      expect(identifyRequest(c, { requester: 'a@example.com', at: instant })).toEqual({
        ok: true,
        contractId: 'C-1',
        plan: 'StandardSU',
      });
    });

    it('NO_VALID_CONTRACT the day after it ends, naming its end date', () => {
      const out = failure(identifyRequest(c, { requester: 'a@example.com', at: '2025-01-01T00:00:00Z' }));
      expect(out.code).toBe('NO_VALID_CONTRACT');
      expect(out.reason).toContain('C-1');
      expect(out.reason).toContain('ended on 2024-12-31');
      expect(out.reason).toContain('2025-01-01');
    });

    it('NO_VALID_CONTRACT the day before it starts, naming its start date', () => {
      const out = failure(identifyRequest(c, { requester: 'a@example.com', at: '2023-12-31T23:59:59Z' }));
      expect(out.code).toBe('NO_VALID_CONTRACT');
      expect(out.reason).toContain('starts on 2024-01-01');
    });

    it('NO_VALID_CONTRACT when there is none at all', () => {
      const out = failure(identifyRequest(customer({ contracts: [] }), { requester: 'a@example.com', at }));
      expect(out.code).toBe('NO_VALID_CONTRACT');
      expect(out.reason).toContain('no support contract on record');
    });

    it('picks the valid contract running longest and its plan over the customer plan', () => {
      const two = customer({
        contracts: [
          { id: 'OLD', validFrom: '2020-01-01', validTo: '2024-12-31' },
          { id: 'NEW', plan: 'PrivilegeSU', validFrom: '2024-06-01', validTo: '2026-12-31' },
          { id: 'SHORT', validFrom: '2024-06-01', validTo: '2025-06-30' },
        ],
      });
      expect(identifyRequest(two, { requester: 'a@example.com', at: '2024-07-01T12:00:00Z' })).toEqual({
        ok: true,
        contractId: 'NEW',
        plan: 'PrivilegeSU',
      });
    });

    it('omits plan when neither contract nor customer has one', () => {
      expect(
        identifyRequest(customer({ plan: undefined }), { requester: 'a@example.com', at: '2024-05-05T00:00:00Z' }),
      ).toEqual({ ok: true, contractId: 'C-1' });
    });

    it('throws on an instant that is not ISO-8601 (a programming error, not a refusal)', () => {
      expect(() => identifyRequest(c, { requester: 'a@example.com', at: 'yesterday' })).toThrow(RangeError);
    });
  });

  describe('licence and product version (when a product is named)', () => {
    const c = customer({ contracts: [{ id: 'C-1', validFrom: '2024-01-01', validTo: '2030-12-31' }] });
    const ask = (product: string, productVersion: string | undefined, instant = '2024-06-01T00:00:00Z') =>
      identifyRequest(c, { requester: 'a@example.com', product, productVersion, at: instant });

    it('accepts a licensed product in a supported version, also a patch release of it', () => {
      expect(ask('zorp', '7.1').ok).toBe(true);
      expect(ask('ZORP', '7.1.3').ok).toBe(true);
      expect(ask('zorp', undefined).ok).toBe(true);
    });

    it("valid on the licence's last day, NO_VALID_LICENCE the day after, naming the masked key and the end date", () => {
      expect(ask('zorp', '7.0', '2024-12-31T23:59:59Z').ok).toBe(true);
      const out = failure(ask('zorp', '7.0', '2025-01-01T00:00:00Z'));
      expect(out.code).toBe('NO_VALID_LICENCE');
      expect(out.reason).toContain('ended on 2024-12-31');
      expect(out.reason).toContain('****0001');
      expect(out.reason).not.toContain('LIC-ZORP-0001');
    });

    it('NO_VALID_LICENCE before the licence starts', () => {
      const later = customer({
        contracts: c.contracts,
        licences: [{ key: 'K-9999', product: 'zorp', validFrom: '2024-07-01', validTo: '2024-12-31' }],
      });
      const out = failure(
        identifyRequest(later, { requester: 'a@example.com', product: 'zorp', at: '2024-06-30T23:59:59Z' }),
      );
      expect(out.code).toBe('NO_VALID_LICENCE');
      expect(out.reason).toContain('starts on 2024-07-01');
      expect(
        identifyRequest(later, { requester: 'a@example.com', product: 'zorp', at: '2024-07-01T00:00:00Z' }).ok,
      ).toBe(true);
    });

    it('NO_VALID_LICENCE for a product the customer holds no licence for', () => {
      const out = failure(ask('proxedo', '1.0'));
      expect(out.code).toBe('NO_VALID_LICENCE');
      expect(out.reason).toContain('no licence for proxedo');
    });

    it('UNSUPPORTED_VERSION naming the version and the supported ones', () => {
      const out = failure(ask('zorp', '6.4'));
      expect(out.code).toBe('UNSUPPORTED_VERSION');
      expect(out.reason).toBe('zorp version 6.4 is not supported (supported: 7.0, 7.1)');
      expect(failure(ask('zorp', '7.10')).code).toBe('UNSUPPORTED_VERSION');
    });

    it('UNSUPPORTED_VERSION when the product is licensed but has no supported versions on record', () => {
      const bare = customer({ contracts: c.contracts, products: [] });
      const out = failure(
        identifyRequest(bare, { requester: 'a@example.com', product: 'zorp', at: '2024-06-01T00:00:00Z' }),
      );
      expect(out.code).toBe('UNSUPPORTED_VERSION');
    });

    it('takes the version from intake.productVersion when the request has none', () => {
      const out = failure(
        identifyRequest(c, {
          requester: 'a@example.com',
          product: 'zorp',
          intake: { productVersion: '5.0' },
          at: '2024-06-01T00:00:00Z',
        }),
      );
      expect(out.code).toBe('UNSUPPORTED_VERSION');
    });

    it('checks the contract before the licence', () => {
      expect(failure(ask('proxedo', '1.0', '2031-01-01T00:00:00Z')).code).toBe('NO_VALID_CONTRACT');
    });
  });

  describe('required intake fields', () => {
    it('MISSING_INTAKE_FIELDS naming every missing field (002)', () => {
      const out = failure(
        identifyRequest(supratixDemo, { requester: 'jonas.weber@example.com', at, intake: { domain: '  ' } }),
      );
      expect(out.code).toBe('MISSING_INTAKE_FIELDS');
      expect(out.reason).toBe('the request lacks required fields: domain, contactEndCustomerAllowed');
    });

    it('false is an answer, not a missing field', () => {
      expect(
        identifyRequest(supratixDemo, {
          requester: 'x@example.com',
          at,
          intake: { domain: 'shop.example.com', contactEndCustomerAllowed: false },
        }).ok,
      ).toBe(true);
    });

    it('productVersion and product may come from the request itself (001, 000)', () => {
      const intake = { recurrence: 'recurring', urgency: 2 };
      expect(
        identifyRequest(netixDemo, { requester: 'ivan.petrov@example.com', at, productVersion: '6.0', intake }).ok,
      ).toBe(true);
      const out = failure(identifyRequest(netixDemo, { requester: 'ivan.petrov@example.com', at, intake }));
      expect(out.reason).toBe('the request lacks required field: productVersion');
      expect(
        identifyRequest(balasysDemo, {
          requester: 'anna.kovacs@example.com',
          at,
          product: 'zorp-gateway',
          productVersion: '7.1.2',
        }),
      ).toEqual({
        ok: true,
        contractId: 'BAL-SU-2024-001',
        plan: 'PrivilegeSU',
      });
    });

    it('is the last check', () => {
      const out = failure(
        identifyRequest(netixDemo, {
          requester: 'ivan.petrov@example.com',
          at,
          product: 'triceps',
          productVersion: '4.9',
        }),
      );
      expect(out.code).toBe('UNSUPPORTED_VERSION');
    });
  });
});

describe('helpers', () => {
  it('utcDay takes the UTC calendar day', () => {
    expect(utcDay('2024-12-31T23:30:00-01:00')).toBe('2025-01-01');
    expect(utcDay('2024-02-29')).toBe('2024-02-29');
  });

  it('versionSupported matches whole segments only', () => {
    expect(versionSupported(['7.1'], '7.1')).toBe(true);
    expect(versionSupported(['7.1'], '7.1.9')).toBe(true);
    expect(versionSupported(['7.1'], '7.10')).toBe(false);
    expect(versionSupported(['7'], '7.3')).toBe(true);
  });

  it('maskKey keeps the last four characters', () => {
    expect(maskKey('ABCD-1234')).toBe('****1234');
    expect(maskKey('abc')).toBe('****');
  });
});
