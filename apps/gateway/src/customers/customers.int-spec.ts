import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DirectoryModule, demoCustomers } from '@caseflow/directory';
import { PersistenceModule } from '@caseflow/persistence';
import { DomainErrorFilter } from '../http/domain-error.filter';
import { CustomersModule } from './customers.module';

describe('GET /v1/customers (gateway, directory on PGlite in memory, seeded at bootstrap)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    @Module({ imports: [PersistenceModule.register({ kind: 'pglite' }), DirectoryModule, CustomersModule] })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    app.useGlobalFilters(new DomainErrorFilter());
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the five demo customers, licence keys masked', async () => {
    const response = await request(app.getHttpServer()).get('/v1/customers').expect(200);
    const body = response.body as Array<{ id: string; licences: Array<{ key: string }> }>;
    expect(body.map((c) => c.id)).toEqual(demoCustomers.map((c) => c.id).sort());
    for (const customer of body) for (const licence of customer.licences) expect(licence.key).toMatch(/^\*{4}.{4}$/);
  });

  it('answers one customer by id', async () => {
    const response = await request(app.getHttpServer()).get('/v1/customers/bpmsoft-demo').expect(200);
    expect(response.body).toMatchObject({
      id: 'bpmsoft-demo',
      presetId: '003-bpmsoft',
      policy: { id: 'bpmsoft', version: 1 },
      calendarId: 'bpmsoft-moscow',
      processOptions: { authorizedContactsOnly: true, sequentialQueue: true },
    });
  });

  it('404 CUSTOMER_NOT_FOUND for an unknown id', async () => {
    const response = await request(app.getHttpServer()).get('/v1/customers/nobody').expect(404);
    expect(response.body).toEqual({
      code: 'CUSTOMER_NOT_FOUND',
      message: 'customer nobody is not in the directory',
      customerId: 'nobody',
    });
  });
});
