/** Each vendor's severity scheme, and the one internal priority (P1 most urgent) they map to. */
export type SeverityScheme = 'S1-S3' | 'urgency1-4' | 'critical-low' | 'quartet';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** Values of each scheme, most urgent first. */
export const SEVERITY_SCALES: Record<SeverityScheme, readonly string[]> = {
  'S1-S3': ['S1', 'S2', 'S3'],
  'urgency1-4': ['1', '2', '3', '4'],
  'critical-low': ['critical', 'high', 'medium', 'low'],
  quartet: ['P1', 'P2', 'P3', 'P4'],
};

export const ALL_SEVERITIES: readonly string[] = [...new Set(Object.values(SEVERITY_SCALES).flat())];

export function severityFits(scheme: SeverityScheme, severity: string): boolean {
  return SEVERITY_SCALES[scheme].includes(severity);
}

export function priorityOf(scheme: SeverityScheme, severity: string): Priority {
  const rank = SEVERITY_SCALES[scheme].indexOf(severity);
  if (rank < 0) throw new Error(`severity "${severity}" is not in scheme ${scheme}`);
  return `P${rank + 1}` as Priority;
}

/** One step less urgent (000 Balasys: a workaround lowers the case's severity); the least urgent stays. */
export function lowerSeverity(scheme: SeverityScheme, severity: string): string {
  const scale = SEVERITY_SCALES[scheme];
  const rank = scale.indexOf(severity);
  return scale[Math.min(rank + 1, scale.length - 1)];
}
