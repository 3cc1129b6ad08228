import { presetById, slaPresets } from '@caseflow/sla';
import { demoCustomers } from './fixture';
import { identifyRequest } from './identify';
import { validateCustomer } from './validate-customer';

describe('demo customers fixture', () => {
  it('has the five ids, one per source process', () => {
    expect(demoCustomers.map((c) => [c.id, c.presetId])).toEqual([
      ['balasys-demo', '000-balasys'],
      ['netix-demo', '001-netix'],
      ['supratix-demo', '002-supratix'],
      ['bpmsoft-demo', '003-bpmsoft'],
      ['helpdesk-il-demo', '004-helpdesk-il'],
    ]);
    expect(new Set(demoCustomers.map((c) => c.presetId)).size).toBe(slaPresets.length);
  });

  it.each(demoCustomers.map((c) => [c.id, c] as const))(
    '%s names a preset, policy and calendar that exist in libs/sla',
    (_id, customer) => {
      const preset = presetById(customer.presetId);
      expect(preset).toBeDefined();
      const policy = preset!.policies.find((p) => p.id === customer.policy.id && p.version === customer.policy.version);
      expect(policy).toBeDefined();
      expect(preset!.calendars.map((c) => c.id)).toContain(customer.calendarId);
      expect(policy!.calendars).toContain(customer.calendarId);
      if (policy!.matcher.kind === 'severityPlan') expect(Object.keys(policy!.matcher.plans)).toContain(customer.plan);
      if (customer.quartetTable !== undefined) {
        expect(policy!.matcher.kind).toBe('quartet');
        if (policy!.matcher.kind === 'quartet')
          expect(Object.keys(policy!.matcher.tables)).toContain(customer.quartetTable);
      }
    },
  );

  it.each(demoCustomers.map((c) => [c.id, c] as const))(
    '%s passes validation, with one licence per product, valid 2024-01-01..2030-12-31',
    (_id, customer) => {
      expect(validateCustomer(customer)).toEqual([]);
      expect(customer.licences.map((l) => l.product).sort()).toEqual(customer.products.map((p) => p.product).sort());
      for (const period of [...customer.contracts, ...customer.licences]) {
        expect([period.validFrom, period.validTo]).toEqual(['2024-01-01', '2030-12-31']);
      }
      for (const contact of customer.authorizedContacts) expect(contact.email).toMatch(/@example\.com$/);
    },
  );

  it('003 takes requests from exactly one authorized person, one at a time, and resolves unanswered clarifications', () => {
    const bpm = demoCustomers.find((c) => c.id === 'bpmsoft-demo')!;
    expect(bpm.authorizedContacts).toHaveLength(1);
    expect(bpm.processOptions).toMatchObject({
      authorizedContactsOnly: true,
      sequentialQueue: true,
      clarificationOutcome: 'resolveNoResponse',
    });
  });

  it('004 classifies by quartet; 000 is on a PrivilegeSU plan', () => {
    expect(demoCustomers.find((c) => c.id === 'helpdesk-il-demo')!.processOptions.severityScheme).toBe('quartet');
    expect(demoCustomers.find((c) => c.id === 'balasys-demo')!.plan).toBe('PrivilegeSU');
  });

  it.each(demoCustomers.map((c) => [c.id, c] as const))(
    '%s identifies its first contact with a complete request on 2030-12-31',
    (_id, customer) => {
      const product = customer.products[0];
      const intake = Object.fromEntries(customer.processOptions.requiredIntakeFields.map((f) => [f, 'given']));
      const outcome = identifyRequest(customer, {
        requester: customer.authorizedContacts[0].email,
        product: product?.product,
        productVersion: product?.supportedVersions[0],
        intake,
        at: '2030-12-31T23:59:59Z',
      });
      expect(outcome).toMatchObject({ ok: true, contractId: customer.contracts[0].id });
    },
  );
});
