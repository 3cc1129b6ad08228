import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateTicketDto } from './create-ticket.dto';

const valid = {
  customerId: 'netix-demo',
  requester: 'ivan@example.com',
  title: 'Report shows wrong totals',
  description: 'The monthly report sums returns twice.',
  severity: 'S3',
};

async function failingFields(body: Record<string, unknown>): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(CreateTicketDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

describe('CreateTicketDto', () => {
  it('accepts a complete ticket', async () => {
    expect(await failingFields(valid)).toEqual({});
  });

  it.each([
    ['customerId', 'Upper Case', 'matches'],
    ['customerId', 'x', 'matches'],
    ['requester', 'ivan', 'isEmail'],
    ['title', '', 'isNotEmpty'],
    ['title', 'x'.repeat(201), 'maxLength'],
    ['description', 42, 'isString'],
    ['severity', 'S5', 'isIn'],
    ['severity', 's1', 'isIn'],
  ])('rejects %s = %j (%s)', async (field, value, rule) => {
    expect(await failingFields({ ...valid, [field]: value })).toEqual({ [field]: expect.arrayContaining([rule]) });
  });

  it('names every missing field (the requester may be left out: a customer contact is their own)', async () => {
    expect(Object.keys(await failingFields({})).sort()).toEqual(['customerId', 'description', 'severity', 'title']);
  });

  it('refuses credential-like intake fields, at any depth', async () => {
    expect(await failingFields({ ...valid, intake: { account: 'crm-admin', accountPassword: 'hunter2' } })).toEqual({
      intake: ['noCredentials'],
    });
    expect(
      await failingFields({ ...valid, intake: { account: 'crm-admin', systemAddress: 'https://crm.example.com' } }),
    ).toEqual({});
  });

  it('refuses fields it does not know', async () => {
    expect(await failingFields({ ...valid, password: 'hunter2' })).toEqual({ password: ['whitelistValidation'] });
  });
});
