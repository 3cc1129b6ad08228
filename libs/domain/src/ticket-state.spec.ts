import { foldTicket } from './evolve';
import type { TicketOpened } from './events';

const opened: TicketOpened = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2026-000001',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 'Gateway drops sessions',
    description: 'Since the upgrade every session ends after 5 minutes.',
    severity: 'S1',
    openedAt: '2026-11-24T10:00:00.000Z',
  },
};

describe('foldTicket', () => {
  it('has no state before the first event', () => {
    expect(foldTicket([])).toBeUndefined();
  });

  it('opens the ticket in the identify phase with the reported severity', () => {
    expect(foldTicket([{ event: opened, at: opened.data.openedAt }])).toEqual({
      number: 'CF-2026-000001',
      customerId: 'balasys-demo',
      requester: 'anna@example.com',
      title: 'Gateway drops sessions',
      severity: 'S1',
      phase: 'identify',
      openedAt: '2026-11-24T10:00:00.000Z',
      updatedAt: '2026-11-24T10:00:00.000Z',
      version: 1,
      ticketType: 'incident',
      responsibility: 'vendor',
      reopenCount: 0,
      notifications: 0,
      tier: 'L1',
    });
  });
});
