import { BadRequestException } from '@nestjs/common';
import { ALL_CUSTOMERS, type Caller } from '@caseflow/identity';
import { audienceOf, listedCustomer } from './ticket-reads.service';

const staff: Caller = { role: 'engineer', id: 'eve', scope: ALL_CUSTOMERS };
const anna: Caller = {
  role: 'customer',
  id: 'cc-1',
  customerId: 'balasys-demo',
  email: 'anna@example.com',
  scope: ['balasys-demo'],
};
const robot = (customers: string[]): Caller => ({
  role: 'service',
  id: 'mail-robot',
  scope: customers,
  service: { id: 'mail-robot', credential: 'token' },
});

describe('the customer a list is about', () => {
  it('is whatever staff ask, or every customer', () => {
    expect(listedCustomer(staff, 'netix-demo')).toBe('netix-demo');
    expect(listedCustomer(staff, undefined)).toBeUndefined();
  });

  it("is a customer contact's own, from the token, whatever the query says", () => {
    expect(listedCustomer(anna, undefined)).toBe('balasys-demo');
    expect(listedCustomer(anna, 'netix-demo')).toBe('balasys-demo');
  });

  it("is a service's one customer, or the one of its customers it names; otherwise a 400 on customer", () => {
    expect(listedCustomer(robot(['netix-demo']), undefined)).toBe('netix-demo');
    expect(listedCustomer(robot(['netix-demo', 'balasys-demo']), 'balasys-demo')).toBe('balasys-demo');
    let refusal: unknown;
    try {
      listedCustomer(robot(['netix-demo', 'balasys-demo']), undefined);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(BadRequestException);
    expect((refusal as BadRequestException).getResponse()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'customer' }],
    });
  });
});

describe('the timeline audience', () => {
  it('is staff for staff roles and customer for contacts and services', () => {
    expect(
      ['engineer', 'manager', 'supervisor', 'auditor'].map((role) => audienceOf({ ...staff, role } as Caller)),
    ).toEqual(['staff', 'staff', 'staff', 'staff']);
    expect(audienceOf(anna)).toBe('customer');
    expect(audienceOf(robot(['netix-demo']))).toBe('customer');
  });
});
