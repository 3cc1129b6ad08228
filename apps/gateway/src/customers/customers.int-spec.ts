import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DirectoryModule, demoCustomers } from '@caseflow/directory';
import { issueEmbeddedToken, loadOrCreateSecret, type AuthConfig } from '@caseflow/identity';
import { PersistenceModule } from '@caseflow/persistence';
import { AuthModule } from '../auth';
import { DomainErrorFilter } from '../http/domain-error.filter';
import { validationPipe } from '../http/validation';
import { CustomersModule } from './customers.module';

describe('GET /v1/customers (gateway, directory on PGlite in memory, seeded at bootstrap, a supervisor’s token)', () => {
  let app: INestApplication;
  let bearer: string;
  let manager: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-customers-'));
  const auth: AuthConfig = {
    kind: 'embedded',
    secretFile: path.join(dataDir, 'secret'),
    issuer: 'caseflow',
    audience: 'caseflow',
    clockSkewSeconds: 30,
  };

  beforeAll(async () => {
    @Module({
      imports: [
        PersistenceModule.register({ kind: 'pglite' }),
        DirectoryModule,
        AuthModule.register(auth),
        CustomersModule,
      ],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    app.useGlobalFilters(new DomainErrorFilter());
    app.useGlobalPipes(validationPipe);
    await app.init();
    const token = (sub: string, role: 'supervisor' | 'manager') =>
      issueEmbeddedToken(
        loadOrCreateSecret(auth.secretFile),
        { sub, role },
        { issuer: 'caseflow', audience: 'caseflow', expiresInSeconds: 600 },
      );
    bearer = `Bearer ${await token('sam', 'supervisor')}`;
    manager = `Bearer ${await token('mia', 'manager')}`;
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the five demo customers, licence keys masked', async () => {
    const response = await request(app.getHttpServer()).get('/v1/customers').set('authorization', bearer).expect(200);
    const body = response.body as Array<{ id: string; licences: Array<{ key: string }> }>;
    expect(body.map((c) => c.id)).toEqual(demoCustomers.map((c) => c.id).sort());
    for (const customer of body) for (const licence of customer.licences) expect(licence.key).toMatch(/^\*{4}.{4}$/);
  });

  it('answers one customer by id', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/customers/bpmsoft-demo')
      .set('authorization', bearer)
      .expect(200);
    expect(response.body).toMatchObject({
      id: 'bpmsoft-demo',
      presetId: '003-bpmsoft',
      policy: { id: 'bpmsoft', version: 1 },
      calendarId: 'bpmsoft-moscow',
      processOptions: { authorizedContactsOnly: true, sequentialQueue: true },
    });
  });

  it('404 CUSTOMER_NOT_FOUND for an unknown id', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/customers/nobody')
      .set('authorization', bearer)
      .expect(404);
    expect(response.body).toEqual({
      code: 'CUSTOMER_NOT_FOUND',
      message: 'customer nobody is not in the directory',
      customerId: 'nobody',
    });
  });

  describe('managing customers (a manager’s token)', () => {
    const acme = { ...demoCustomers[1], id: 'acme', name: 'Acme' };
    const http = () => request(app.getHttpServer());

    it('POST creates the customer (201, ETag "1"); the same id again is 409 STORE_CONFLICT', async () => {
      const created = await http().post('/v1/customers').set('authorization', manager).send(acme).expect(201);
      expect(created.body).toEqual({ customerId: 'acme', outcome: 'registered', version: 1, changedFields: [] });
      expect(created.headers.etag).toBe('"1"');
      const again = await http().post('/v1/customers').set('authorization', manager).send(acme).expect(409);
      expect(again.body).toMatchObject({ code: 'STORE_CONFLICT', customerId: 'acme', expectedVersion: 0 });
      const read = await http().get('/v1/customers/acme').set('authorization', bearer).expect(200);
      expect(read.headers.etag).toBe('"1"');
    });

    it('PATCH with the ETag changes the record; a stale If-Match is 409 and writes nothing', async () => {
      const patched = await http()
        .patch('/v1/customers/acme')
        .set('authorization', manager)
        .set('if-match', '"1"')
        .send({ processOptions: { clarificationOutcome: 'keepWaiting' } })
        .expect(200);
      expect(patched.body).toMatchObject({ outcome: 'changed', version: 2, changedFields: ['processOptions'] });
      expect(patched.headers.etag).toBe('"2"');
      const stale = await http()
        .patch('/v1/customers/acme')
        .set('authorization', manager)
        .set('if-match', '"1"')
        .send({ name: 'Acme Two' })
        .expect(409);
      expect(stale.body).toEqual({
        code: 'STORE_CONFLICT',
        message: 'customer acme is at version 2, not 1; read it again and retry',
        customerId: 'acme',
        streamId: 'customer-acme',
        expectedVersion: 1,
        currentVersion: 2,
      });
      const read = await http().get('/v1/customers/acme').set('authorization', bearer).expect(200);
      expect(read.body).toMatchObject({
        name: 'Acme',
        processOptions: { clarificationOutcome: 'keepWaiting', severityScheme: 'urgency1-4' },
      });
    });

    it('400 VALIDATION_FAILED for shapes (field by field), 422 CUSTOMER_INVALID for what the record as a whole breaks', async () => {
      const shape = await http()
        .patch('/v1/customers/acme')
        .set('authorization', manager)
        .send({ processOptions: { severityScheme: 'loud' }, contracts: [{ id: ' ', validFrom: '1.1.2026' }], id: 'x' })
        .expect(400);
      expect(shape.body.code).toBe('VALIDATION_FAILED');
      expect((shape.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'contracts.0.id',
        'contracts.0.validFrom',
        'contracts.0.validTo',
        'id',
        'processOptions.severityScheme',
      ]);
      const header = await http()
        .patch('/v1/customers/acme')
        .set('authorization', manager)
        .set('if-match', 'yesterday')
        .send({ name: 'Acme' })
        .expect(400);
      expect(header.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'If-Match' }] });
      const whole = await http()
        .patch('/v1/customers/acme')
        .set('authorization', manager)
        .send({ policy: { id: 'netix', version: 7 } })
        .expect(422);
      expect(whole.body).toMatchObject({ code: 'CUSTOMER_INVALID', errors: [{ field: 'policy' }] });
    });

    it('POST sla-policies and calendars add numbered versions (201); a supervisor may not (403)', async () => {
      const policy = {
        id: 'netix',
        title: 'Netix, one hour',
        calendars: ['netix-novosibirsk'],
        matcher: {
          kind: 'fixed',
          targets: { firstResponse: { span: { measure: 'elapsed', seconds: 3600 }, calendar: 'netix-novosibirsk' } },
        },
      };
      const added = await http()
        .post('/v1/customers/acme/sla-policies')
        .set('authorization', manager)
        .send(policy)
        .expect(201);
      expect(added.body).toMatchObject({ outcome: 'changed', version: 3, added: { id: 'netix', version: 2 } });
      const calendar = { id: 'acme-office', timeZone: 'Europe/Budapest', week: { mon: [['09:00', '17:00']] } };
      const cal = await http()
        .post('/v1/customers/acme/calendars')
        .set('authorization', manager)
        .send(calendar)
        .expect(201);
      expect(cal.body).toMatchObject({ version: 4, added: { id: 'acme-office', version: 1 } });
      const badHours = await http()
        .post('/v1/customers/acme/calendars')
        .set('authorization', manager)
        .send({ ...calendar, week: { mon: [['9am', '5pm']] } })
        .expect(400);
      expect(badHours.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'week.mon' }] });
      await http().post('/v1/customers/acme/sla-policies').set('authorization', bearer).send(policy).expect(403);
      const read = await http().get('/v1/customers/acme').set('authorization', bearer).expect(200);
      expect(read.body.slaPolicies).toEqual([{ ...policy, version: 2 }]);
      expect(read.headers.etag).toBe('"4"');
    });
  });
});
