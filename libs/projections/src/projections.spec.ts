import type { SlaClocks, TargetClock } from '@caseflow/sla';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { detailsFor, visibilityOf } from './timeline';
import { slaInstants } from './ticket-row';
import { wordToken, wordsOf } from './title-words';

const clock = (status: TargetClock['status'], warnsAt: string | null, dueAt: string | null) =>
  ({ status, warnsAt, dueAt, missedUpdates: 0 }) as TargetClock & { missedUpdates: number };
const clocks = (targets: Partial<Pick<SlaClocks, 'firstResponse' | 'update' | 'resolution'>>) =>
  ({ asOf: '2026-01-01T00:00:00Z', nextChangeAt: null, ...targets }) as SlaClocks;

describe('SLA instants kept per row', () => {
  it('breached from the second after the earliest due instant of a ticking or breached clock', () => {
    expect(
      slaInstants(
        clocks({
          firstResponse: clock('met', null, '2026-01-01T10:00:00Z'),
          update: clock('running', '2026-01-02T09:00:00Z', '2026-01-02T10:00:00Z'),
          resolution: clock('breached', '2026-01-01T20:00:00Z', '2026-01-03T10:00:00Z'),
        }),
      ),
    ).toEqual({
      sla_breach_at: '2026-01-02T10:00:01.000Z',
      sla_warn_at: '2026-01-02T09:00:00.000Z',
      sla_rest: 'running',
    });
  });

  it('a paused or met ticket never changes with time alone', () => {
    expect(
      slaInstants(
        clocks({ firstResponse: clock('met', null, '2026-01-01T10:00:00Z'), resolution: clock('paused', null, null) }),
      ),
    ).toEqual({ sla_breach_at: null, sla_warn_at: null, sla_rest: 'paused' });
    expect(slaInstants(clocks({ firstResponse: clock('met', null, '2026-01-01T10:00:00Z') }))).toMatchObject({
      sla_rest: 'met',
    });
    expect(slaInstants(null)).toEqual({ sla_breach_at: null, sla_warn_at: null, sla_rest: 'none' });
  });
});

describe('cursor', () => {
  it('round-trips and refuses anything else', () => {
    const position = { openedAt: '2026-03-01T10:00:00.000Z', number: 'CF-2026-000042' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const bad of [
      '',
      'x',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["not a date","n"]').toString('base64url'),
    ])
      expect(() => decodeCursor(bad)).toThrow(InvalidCursorError);
  });
});

describe('timeline visibility', () => {
  it('keeps staff notifications, update-duty reminders and internal notes from customers', () => {
    expect(visibilityOf({ type: 'StaffNotified', data: {} })).toBe('internal');
    expect(visibilityOf({ type: 'UpdateOverdue', data: {} })).toBe('internal');
    expect(visibilityOf({ type: 'CommentAdded', data: { visibility: 'internal' } })).toBe('internal');
    expect(visibilityOf({ type: 'CommentAdded', data: { visibility: 'public' } })).toBe('public');
    expect(visibilityOf({ type: 'TicketAssigned', data: {} })).toBe('public');
    expect(detailsFor('TicketHandedOver', { to: 'L2', brief: { x: 1 } }, 'customer')).toEqual({ to: 'L2' });
    expect(detailsFor('TicketHandedOver', { to: 'L2', brief: { x: 1 } }, 'staff')).toEqual({
      to: 'L2',
      brief: { x: 1 },
    });
  });
});

describe('title words', () => {
  it('are lower-case words of any script, each once; tokens depend on the key', () => {
    expect(wordsOf('Login FAILS, login fails — Kovács Ánna 42!')).toEqual(['login', 'fails', 'kovács', 'ánna', '42']);
    const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    expect(wordToken(a, 'login')).toBe(wordToken(a, 'login'));
    expect(wordToken(a, 'login')).not.toBe(wordToken(b, 'login'));
    expect(wordToken(a, 'login')).not.toBe(wordToken(a, 'logins'));
  });
});
