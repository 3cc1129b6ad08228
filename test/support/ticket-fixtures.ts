import type { Actor } from '@caseflow/domain';
import type { Opening } from './ticket-driver';

/** Tickets of the demo customers, one per source process, and the people who open them. */
export const maria: Actor = { id: 'maria.ivanova@example.com', role: 'customer' };
export const anna: Actor = { id: 'anna.kovacs@example.com', role: 'customer' };
export const jonas: Actor = { id: 'jonas.weber@example.com', role: 'customer' };
export const ivan: Actor = { id: 'ivan.petrov@example.com', role: 'customer' };

export const bpmsoftCritical: Opening = {
  customerId: 'bpmsoft-demo',
  requester: maria.id,
  severity: 'critical',
  product: 'bpmsoft',
  productVersion: '1.7',
  intake: {
    systemAddress: 'https://crm.example.com',
    stepsToReproduce: '1. log in 2. open deals',
    environment: 'PostgreSQL 15, 2 nodes',
  },
};

export const balasysS1: Opening = {
  customerId: 'balasys-demo',
  requester: anna.id,
  severity: 'S1',
  product: 'zorp-gateway',
  productVersion: '7.1',
};

export const supratixHigh: Opening = {
  customerId: 'supratix-demo',
  requester: jonas.id,
  severity: 'high',
  product: 'supratix-hosting',
  productVersion: '3.5',
  intake: { domain: 'shop.example.com', contactEndCustomerAllowed: false },
};

export const netixUrgency2: Opening = {
  customerId: 'netix-demo',
  requester: ivan.id,
  severity: '2',
  product: 'triceps',
  productVersion: '6.0',
  intake: { productVersion: '6.0', recurrence: 'recurring', urgency: 2 },
};

export const resolution = {
  solution: 'Patched the session cache.',
  measures: 'Restarted nodes one by one.',
  prevention: 'Upgrade to 7.1.3.',
};

/** The responsible manager (000: decides escalations). */
export const manager: Actor = { id: 'mia.manager', role: 'manager' };
export const noa: Actor = { id: 'noa.levi@example.com', role: 'customer' };

/** 004: a quartet ticket; the customer picks three fields, the table gives P3. */
export const helpdeskIlP3: Opening = {
  customerId: 'helpdesk-il-demo',
  requester: noa.id,
  severity: 'P3',
  product: 'office-suite',
  productVersion: '2024',
  quartet: { service: 'Incident', category: 'Workstation', item: 'laptop' },
};

/** A `POST /v1/tickets` body as a client sends it: Anna's S2 for Balasys. */
export const balasysSessionsDropBody = {
  customerId: 'balasys-demo',
  requester: anna.id,
  title: 'Sessions drop after the 7.1 upgrade',
  description: 'Every session ends after five minutes.',
  severity: 'S2',
  product: 'zorp-gateway',
  productVersion: '7.1',
} as const;
