import { BadRequestException } from '@nestjs/common';
import { validationPipe } from '../http/validation';
import { filterOf, ListTicketsQuery, pageOf } from './list-tickets.query';

/** The query as the gateway's global pipe turns it into a DTO (or a 400 naming the fields). */
const parse = (query: Record<string, unknown>): Promise<ListTicketsQuery> =>
  validationPipe.transform(query, { type: 'query', metatype: ListTicketsQuery }) as Promise<ListTicketsQuery>;

async function failingFields(query: Record<string, unknown>): Promise<string[]> {
  try {
    await parse(query);
  } catch (error) {
    const body = (error as BadRequestException).getResponse() as { code: string; errors: Array<{ field: string }> };
    expect(body.code).toBe('VALIDATION_FAILED');
    return body.errors.map((e) => e.field).sort();
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('GET /v1/tickets query', () => {
  it('turns comma-separated and repeated values into lists, and the page into numbers', async () => {
    const query = await parse({
      phase: 'understand,fix',
      severity: ['S1', 'S2'],
      slaStatus: 'warned, breached',
      tier: 'L2',
      assignee: 'eve',
      deadlineBefore: '2027-03-12T00:00:00Z',
      text: 'sessions drop',
      limit: '25',
      cursor: 'abc',
    });
    expect(filterOf(query, 'balasys-demo')).toEqual({
      customerId: 'balasys-demo',
      phase: ['understand', 'fix'],
      severity: ['S1', 'S2'],
      slaStatus: ['warned', 'breached'],
      tier: 'L2',
      assignee: 'eve',
      deadlineBefore: '2027-03-12T00:00:00.000Z', // as UTC, whatever offset it came with
      text: 'sessions drop',
    });
    expect(pageOf(query)).toEqual({ limit: 25, cursor: 'abc' });
  });

  it('leaves out what was not asked', async () => {
    expect(filterOf(await parse({}), undefined)).toEqual({});
    expect(pageOf(await parse({}))).toEqual({ limit: undefined, cursor: undefined });
  });

  it('names every bad field (400), unknown parameters included', async () => {
    expect(
      await failingFields({
        phase: 'understand,flying',
        severity: 'S9',
        priority: 'P0',
        type: 'incident,wish',
        tier: 'L4',
        slaStatus: 'late',
        deadlineAfter: 'tomorrow',
        openedFrom: '2027-13-01',
        customer: 'Not A Slug',
        assignee: 'eve smith',
        limit: '0',
        sort: 'title',
      }),
    ).toEqual([
      'assignee',
      'customer',
      'deadlineAfter',
      'limit',
      'openedFrom',
      'phase',
      'priority',
      'severity',
      'slaStatus',
      'sort',
      'tier',
      'type',
    ]);
    expect(await failingFields({ limit: '201' })).toEqual(['limit']);
    expect(await failingFields({ limit: '2.5' })).toEqual(['limit']);
    expect(await failingFields({ text: 'x'.repeat(201) })).toEqual(['text']);
  });
});
