import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
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
  return Object.fromEntries(flatten(errors).map(({ path, rules }) => [path, rules]));
}

/** Nested errors (the quartet's fields) by their dotted path, each with the rules that failed. */
function flatten(errors: ValidationError[], parent = ''): Array<{ path: string; rules: string[] }> {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ path, rules: Object.keys(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

const quartet = { service: 'email', category: 'mailbox', item: 'cannot send' };

describe('CreateTicketDto', () => {
  it('accepts a complete ticket', async () => {
    expect(await failingFields(valid)).toEqual({});
  });

  it.each([
    ['customerId', 'Upper Case', 'matches'],
    ['customerId', 'x', 'matches'],
    ['requester', 'ivan', 'isEmail'],
    ['title', '', 'isNotEmpty'],
    ['description', 42, 'isString'],
    ['severity', 'S5', 'isIn'],
    ['severity', 's1', 'isIn'],
  ])('rejects %s = %j (%s)', async (field, value, rule) => {
    expect(await failingFields({ ...valid, [field]: value })).toEqual({ [field]: expect.arrayContaining([rule]) });
  });

  it('accepts every optional field at its limit', async () => {
    expect(
      await failingFields({
        ...valid,
        title: 't'.repeat(200),
        description: 'd'.repeat(20_000),
        product: 'p'.repeat(100),
        productVersion: 'v'.repeat(50),
        quartet: { service: 's'.repeat(100), category: 'c'.repeat(100), item: 'i'.repeat(100) },
        relatedTo: 'CF-2026-000012',
      }),
    ).toEqual({});
  });

  it.each([
    ['title', 201],
    ['description', 20_001],
    ['product', 101],
    ['productVersion', 51],
  ])('rejects a %s of %d characters', async (field, length) => {
    expect(await failingFields({ ...valid, [field]: 'x'.repeat(length) })).toEqual({ [field]: ['maxLength'] });
  });

  it.each(['service', 'category', 'item'])(
    'limits the quartet field %s to 100 characters, never empty',
    async (field) => {
      expect(await failingFields({ ...valid, quartet: { ...quartet, [field]: 'x'.repeat(101) } })).toEqual({
        [`quartet.${field}`]: ['maxLength'],
      });
      expect(await failingFields({ ...valid, quartet: { ...quartet, [field]: '' } })).toEqual({
        [`quartet.${field}`]: ['isNotEmpty'],
      });
      const { [field as keyof typeof quartet]: _missing, ...rest } = quartet;
      expect(await failingFields({ ...valid, quartet: rest })).toEqual({
        [`quartet.${field}`]: expect.arrayContaining(['isString', 'isNotEmpty']),
      });
    },
  );

  it.each([
    ['product', 7, 'isString'],
    ['productVersion', ['7'], 'isString'],
    ['relatedTo', 'CF-26-1', 'matches'],
    ['intake', 'recurrence=once', 'isObject'],
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
