import type { Caller } from '@caseflow/identity';
import { actingFor } from './on-behalf-of';

const robot: Caller = {
  role: 'service',
  id: 'mail-robot',
  scope: ['netix-demo'],
  service: { id: 'mail-robot', credential: 'api-key' },
};
const service = robot.service;

describe('X-On-Behalf-Of', () => {
  it('leaves a caller without the header as it is', () => {
    expect(actingFor(robot, undefined)).toBe(robot);
  });

  it('makes a service the staff member it names, within its own customers', () => {
    expect(actingFor(robot, 'engineer:eve:L2')).toEqual({
      role: 'engineer',
      id: 'eve',
      tier: 'L2',
      scope: ['netix-demo'],
      service,
    });
    expect(actingFor(robot, 'engineer:eve')).toMatchObject({ tier: 'L1' });
    expect(actingFor(robot, 'manager:mia')).toEqual({ role: 'manager', id: 'mia', scope: ['netix-demo'], service });
  });

  it('makes a service a contact of one of its customers', () => {
    expect(actingFor(robot, 'customer:netix-demo:Ivan.Petrov@example.com')).toEqual({
      role: 'customer',
      id: 'contact-via-mail-robot',
      customerId: 'netix-demo',
      email: 'ivan.petrov@example.com',
      scope: ['netix-demo'],
      service,
    });
  });

  it.each([
    ['customer:balasys-demo:anna@example.com', /may not act for contacts of balasys-demo/],
    ['supervisor:sam', /must be engineer/],
    ['engineer:eve:L9', /must be engineer/],
    ['manager:mia:extra', /must be engineer/],
    ['customer:netix-demo:not-an-email', /must be engineer/],
    ['engineer:', /must be engineer/],
  ])('refuses %s', (header, reason) => {
    expect(() => actingFor(robot, header)).toThrow(reason);
  });

  it('refuses the header from anyone but a service', () => {
    expect(() => actingFor({ role: 'engineer', id: 'eve', tier: 'L1', scope: '*' }, 'manager:mia')).toThrow(
      /only a service acts on behalf of someone/,
    );
  });
});
