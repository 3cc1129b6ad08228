import fc from 'fast-check';
import { netixDemo } from '@caseflow/directory';
import { startGateway, type Harness } from '../support/gateway-harness';

type Json = unknown;
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  $ref?: string;
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** A body every route accepts, to break one thing at a time; a route with a body and no entry fails the test. */
const VALID_BODIES: Record<string, Record<string, Json>> = {
  'POST /v1/tickets': {
    customerId: 'balasys-demo',
    requester: 'anna.kovacs@example.com',
    title: 'Sessions drop',
    description: 'Every session ends after five minutes.',
    severity: 'S2',
    product: 'zorp-gateway',
    productVersion: '7.1',
  },
  'POST /v1/tickets/{number}/commands': { command: { type: 'comment', text: 'Logs received.', visibility: 'public' } },
  'POST /v1/customers/{id}/queue/prioritize': { ticket: 'CF-2026-000001', reason: 'Blocks the quarterly close.' },
  'PUT /v1/customers/{id}/authorized-person': { email: 'ivan.sidorov@example.com', name: 'Ivan Sidorov' },
  'POST /v1/customers': { ...(netixDemo as unknown as Record<string, Json>), id: 'fuzz-co', name: 'Fuzz Co' },
  'PATCH /v1/customers/{id}': { name: 'Balasys demo customer' },
  'POST /v1/customers/{id}/sla-policies': {
    id: 'balasys',
    title: 'First answer within an hour',
    calendars: ['netix-novosibirsk'],
    matcher: {
      kind: 'fixed',
      targets: { firstResponse: { span: { measure: 'elapsed', seconds: 3600 }, calendar: 'netix-novosibirsk' } },
    },
  },
  'POST /v1/customers/{id}/calendars': {
    id: 'netix-novosibirsk',
    timeZone: 'Asia/Novosibirsk',
    week: { mon: [['08:00', '20:00']] },
  },
};

const TYPES_OF: Record<string, fc.Arbitrary<Json>> = {
  string: fc.string(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }),
  integer: fc.integer(),
  boolean: fc.boolean(),
  object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
};

/** A value of any JSON type but the one the schema asks for (null too). */
const wrongType = (schema: Schema): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.constant(null),
    ...Object.entries(TYPES_OF)
      .filter(([type]) => schema.type !== type && !(schema.type === 'number' && type === 'integer'))
      .map(([, arbitrary]) => arbitrary),
  );

/**
 * fast-check against every route that takes a body: bodies that break the schema in one place
 * (a missing required field, a wrong type, an unknown field, a text past its length, at the top
 * or inside a command) and bodies that are no object at all. Each answer is a 4xx in the one
 * error shape, never a 5xx, and the event store holds no event more afterwards.
 */
describe('every request body, fuzzed', () => {
  let gateway: Harness;
  let manager: string;
  let document: OpenApi;
  let number: string;

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 4_700_000, rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
    manager = await gateway.token({ sub: 'mia', role: 'manager' });
    document = (await (await gateway.request('GET', '/docs-json')).json()) as OpenApi;
    const opened = await gateway.request('POST', '/v1/tickets', {
      token: manager,
      body: VALID_BODIES['POST /v1/tickets'],
    });
    expect(opened.status).toBe(201);
    ({ number } = (await opened.json()) as { number: string });
    await gateway.eventually(async () => {
      const events = await gateway.store.readStream(`ticket-${number}`);
      return events.some((e) => e.type === 'CustomerIdentified') ? true : undefined;
    }, 'the ticket to be identified');
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop() as string]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };

  /** One-place breakages of an object that satisfies `schema`. */
  function broken(valid: Record<string, Json>, schema: Schema): fc.Arbitrary<Record<string, Json>> {
    const properties = Object.entries(schema.properties ?? {}).map(([name, prop]) => [name, resolve(prop)] as const);
    const withField = (name: string, value: Json) => ({ ...valid, [name]: value });
    const options: Array<fc.Arbitrary<Record<string, Json>>> = [
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((name) => !(name in (schema.properties ?? {})) && name !== '__proto__')
        .chain((name) => fc.jsonValue({ maxDepth: 1 }).map((value) => withField(name, value))),
      fc.constantFrom(...properties).chain(([name, prop]) => wrongType(prop).map((value) => withField(name, value))),
    ];
    const required = schema.required ?? [];
    if (required.length > 0)
      options.push(
        fc
          .constantFrom(...required)
          .map((name) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name))),
      );
    const bounded = properties.filter(([, prop]) => prop.maxLength !== undefined);
    if (bounded.length > 0)
      options.push(
        fc
          .constantFrom(...bounded)
          .chain(([name, prop]) =>
            fc
              .integer({ min: 1, max: 5 })
              .map((extra) => withField(name, 'x'.repeat((prop.maxLength as number) + extra))),
          ),
      );
    return fc.oneof(...options);
  }

  function bodies(route: string, schema: Schema): fc.Arbitrary<Json> {
    const valid = VALID_BODIES[route];
    const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), TYPES_OF.array);
    const arbitraries = [notAnObject, broken(valid, schema)];
    const command = valid.command as Record<string, Json> | undefined;
    if (command) {
      const commandSchema = resolve(
        (resolve(schema).properties?.command?.oneOf ?? []).find(
          (option) => resolve(option).properties?.type && JSON.stringify(resolve(option)).includes(`"${command.type}"`),
        ) as Schema,
      );
      arbitraries.push(broken(command, commandSchema).map((inner) => ({ ...valid, command: inner })));
    }
    return fc.oneof(...arbitraries);
  }

  const urlOf = (path: string) => path.replace('{number}', number).replace('{id}', 'balasys-demo');

  it('has a valid body for every route that takes one', () => {
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(VALID_BODIES).sort());
  });

  it('answers each broken body with a 4xx in the error shape, and records nothing', async () => {
    const countEvents = async () =>
      Number((await gateway.db.query<{ n: string }>('SELECT count(*) AS n FROM es_events')).rows[0].n);
    const before = await countEvents();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        const route = `${method.toUpperCase()} ${path}`;
        await fc.assert(
          fc.asyncProperty(bodies(route, resolve(schema)), async (body) => {
            const response = await gateway.request(method.toUpperCase(), urlOf(path), { token: manager, body });
            const answer = (await response.json()) as { code?: unknown; message?: unknown };
            expect({ route, body, status: response.status >= 400 && response.status < 500 }).toEqual({
              route,
              body,
              status: true,
            });
            expect(typeof answer.code).toBe('string');
            expect(typeof answer.message).toBe('string');
          }),
          { numRuns: 75, seed: 20261201 },
        );
      }
    }
    expect(await countEvents()).toBe(before);
  });
});
