import { callerFromClaims } from './claims';

describe('callerFromClaims', () => {
  it('makes a customer contact of one customer, e-mail normalized', () => {
    expect(
      callerFromClaims({ sub: 'cc-1', role: 'customer', customer: 'balasys-demo', email: ' Anna@Example.com ' }),
    ).toEqual({
      role: 'customer',
      id: 'cc-1',
      customerId: 'balasys-demo',
      email: 'anna@example.com',
      scope: ['balasys-demo'],
    });
  });

  it('makes staff who see every customer; engineers carry their tier', () => {
    expect(callerFromClaims({ sub: 'eve', role: 'engineer', tier: 'L3' })).toEqual({
      role: 'engineer',
      id: 'eve',
      tier: 'L3',
      scope: '*',
    });
    expect(callerFromClaims({ sub: 'ada', role: 'auditor' })).toEqual({ role: 'auditor', id: 'ada', scope: '*' });
  });

  it('makes a service limited to its customers, or all of them', () => {
    expect(callerFromClaims({ sub: 'robot', role: 'service', customers: ['netix-demo'] })).toEqual({
      role: 'service',
      id: 'robot',
      scope: ['netix-demo'],
      service: { id: 'robot', credential: 'token' },
    });
    expect(callerFromClaims({ sub: 'robot', role: 'service', customers: ['*'] }).scope).toBe('*');
  });

  it.each([
    [{ role: 'engineer', tier: 'L1' }, /sub claim/],
    [{ sub: 'a b', role: 'engineer', tier: 'L1' }, /sub claim/],
    [{ sub: 'x', role: 'admin' }, /role claim/],
    [{ sub: 'x', role: 'engineer' }, /tier claim/],
    [{ sub: 'x', role: 'engineer', tier: 'L4' }, /tier claim/],
    [{ sub: 'x', role: 'customer', email: 'a@example.com' }, /customer claim/],
    [{ sub: 'x', role: 'customer', customer: 'Not A Slug', email: 'a@example.com' }, /customer claim/],
    [{ sub: 'x', role: 'customer', customer: 'balasys-demo', email: 'anna' }, /email claim/],
    [{ sub: 'x', role: 'service' }, /customers claim/],
    [{ sub: 'x', role: 'service', customers: ['BAD ID'] }, /customers claim/],
  ])('refuses %j', (claims, reason) => {
    expect(() => callerFromClaims(claims)).toThrow(reason);
  });
});
