import { balasysPreset } from './balasys-000';
import { bpmsoftPreset } from './bpmsoft-003';
import { helpdeskIlPreset } from './helpdesk-il-004';
import { netixPreset } from './netix-001';
import { SlaPreset } from './preset';
import { supratixPreset } from './supratix-002';

export * from './preset';
export { balasysPreset, netixPreset, supratixPreset, bpmsoftPreset, helpdeskIlPreset };
export { exampleQuartets, exampleCustomerQuartets } from './helpdesk-il-004';

export const slaPresets: readonly SlaPreset[] = [
  balasysPreset,
  netixPreset,
  supratixPreset,
  bpmsoftPreset,
  helpdeskIlPreset,
];

export function presetById(id: string): SlaPreset | undefined {
  return slaPresets.find((preset) => preset.id === id);
}
