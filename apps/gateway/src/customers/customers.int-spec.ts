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
import { CustomersModule } from './customers.module';

describe('GET /v1/customers (gateway, directory on PGlite in memory, seeded at bootstrap, a supervisor’s token)', () => {
  let app: INestApplication;
  let bearer: string;
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
    await app.init();
    const token = await issueEmbeddedToken(
      loadOrCreateSecret(auth.secretFile),
      { sub: 'sam', role: 'supervisor' },
      { issuer: 'caseflow', audience: 'caseflow', expiresInSeconds: 600 },
    );
    bearer = `Bearer ${token}`;
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
});
