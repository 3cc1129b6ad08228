import type { OpenAPIObject } from '@nestjs/swagger';
import { offlineOpenApiDocument } from './offline-document';

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** What the document says about the code, checked where a reviewer would look first. */
describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  const schema = (name: string) => document.components?.schemas?.[name] as Schema;
  const operation = (path: string, method: 'get' | 'post' | 'put') =>
    document.paths[path][method] as { responses: Record<string, unknown>; parameters?: Array<{ name: string }> };

  beforeAll(async () => {
    document = await offlineOpenApiDocument();
  }, 60_000);

  it('carries the validators’ rules: pattern, lengths, enums, required, no unknown fields', () => {
    const ticket = schema('CreateTicketDto');
    expect(ticket.additionalProperties).toBe(false);
    expect(ticket.required).toEqual(expect.arrayContaining(['customerId', 'title', 'description', 'severity']));
    expect(ticket.required).not.toContain('requester');
    expect(ticket.properties?.customerId).toMatchObject({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
    expect(ticket.properties?.title).toMatchObject({ minLength: 1, maxLength: 200 });
    expect(ticket.properties?.severity).toMatchObject({ enum: expect.arrayContaining(['S1', 'P4']) });
    expect(schema('GiveFeedbackCommand').properties?.score).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(schema('RequestClarificationCommand').properties?.questions).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { type: 'string', maxLength: 2_000 },
    });
  });

  it('gives the commands as a union discriminated by type, one schema per command', () => {
    const command = schema('TicketCommandDto').properties?.command as {
      oneOf: unknown[];
      discriminator: { propertyName: string; mapping: Record<string, string> };
    };
    expect(command.discriminator.propertyName).toBe('type');
    expect(Object.keys(command.discriminator.mapping)).toHaveLength(command.oneOf.length);
    expect(command.discriminator.mapping.respond).toBe('#/components/schemas/RespondCommand');
    expect(schema('RespondCommand').properties?.type).toMatchObject({ enum: ['respond'] });
  });

  it('documents what every kind of route can answer, in the one error shape', () => {
    const open = operation('/v1/tickets', 'post');
    expect(Object.keys(open.responses).sort()).toEqual(
      ['201', '400', '401', '403', '404', '409', '413', '422', '429', '503'].sort(),
    );
    expect(open.responses['422']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    expect(open.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(operation('/health', 'get').responses).sort()).toEqual(['200', '429']);
    expect(operation('/v1/tickets/{number}', 'get')).toMatchObject({ security: [{ bearer: [] }] });
  });
});
