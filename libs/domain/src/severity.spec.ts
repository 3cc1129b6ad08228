import { ALL_SEVERITIES, SEVERITY_SCALES, lowerSeverity, priorityOf, severityFits } from '@caseflow/domain';

describe('severity schemes', () => {
  it('lists each vendor’s values, most urgent first', () => {
    expect(SEVERITY_SCALES).toEqual({
      'S1-S3': ['S1', 'S2', 'S3'],
      'urgency1-4': ['1', '2', '3', '4'],
      'critical-low': ['critical', 'high', 'medium', 'low'],
      quartet: ['P1', 'P2', 'P3', 'P4'],
    });
    expect(ALL_SEVERITIES).toEqual([
      'S1',
      'S2',
      'S3',
      '1',
      '2',
      '3',
      '4',
      'critical',
      'high',
      'medium',
      'low',
      'P1',
      'P2',
      'P3',
      'P4',
    ]);
  });

  it.each([
    ['S1-S3', 'S1', 'P1'],
    ['S1-S3', 'S3', 'P3'],
    ['urgency1-4', '1', 'P1'],
    ['urgency1-4', '4', 'P4'],
    ['critical-low', 'critical', 'P1'],
    ['critical-low', 'medium', 'P3'],
    ['quartet', 'P2', 'P2'],
  ] as const)('%s: %s is priority %s', (scheme, severity, priority) => {
    expect(severityFits(scheme, severity)).toBe(true);
    expect(priorityOf(scheme, severity)).toBe(priority);
  });

  it('refuses a value from another scheme', () => {
    expect(severityFits('S1-S3', 'critical')).toBe(false);
    expect(() => priorityOf('S1-S3', 'critical')).toThrow('severity "critical" is not in scheme S1-S3');
    expect(() => priorityOf('urgency1-4', 'S1')).toThrow(/not in scheme urgency1-4/);
  });

  it('lowers one step (000 Balasys: a workaround lowers the severity); the least urgent stays', () => {
    expect(lowerSeverity('S1-S3', 'S1')).toBe('S2');
    expect(lowerSeverity('S1-S3', 'S3')).toBe('S3');
    expect(lowerSeverity('critical-low', 'high')).toBe('medium');
    expect(lowerSeverity('urgency1-4', '4')).toBe('4');
  });
});
