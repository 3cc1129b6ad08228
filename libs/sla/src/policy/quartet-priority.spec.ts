import { balasysPreset, helpdeskIlPreset } from '../presets';
import { quartetPriority } from './match-policy';

const quartetPolicy = helpdeskIlPreset.policies.find((p) => p.matcher.kind === 'quartet')!;
const management = { service: 'Incident', category: 'Workstation', item: 'laptop', impact: 'management' };

describe('quartetPriority', () => {
  it("uses the customer's own table first", () => {
    expect(quartetPriority(quartetPolicy, { quartet: management, quartetTable: 'customer-example' })).toBe('P1');
  });

  it('falls back to the default table, then to the fallback priority', () => {
    expect(quartetPriority(quartetPolicy, { quartet: management, customerId: 'someone-else' })).toBe('P3');
    expect(quartetPriority(quartetPolicy, {})).toBe('P3');
  });

  it('has nothing to say for other matchers', () => {
    expect(quartetPriority(balasysPreset.policies[0], { quartet: management })).toBeUndefined();
  });
});
