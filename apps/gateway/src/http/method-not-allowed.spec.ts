import express from 'express';
import request from 'supertest';
import { methodNotAllowed } from './method-not-allowed';

describe('methodNotAllowed', () => {
  const app = express();
  app.use(
    methodNotAllowed(() => [
      { method: 'GET', path: '/health' },
      { method: 'POST', path: '/v1/tickets' },
      { method: 'GET', path: '/v1/tickets/:number' },
      { method: 'POST', path: '/v1/tickets/:number/commands' },
    ]),
  );
  app.all('/{*any}', (_req, res) => void res.status(299).end());

  it('answers 405 with Allow and the error shape for a method the path lacks', async () => {
    const response = await request(app).trace('/health');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(response.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED', allow: ['GET', 'HEAD', 'OPTIONS'] });
    expect((await request(app).delete('/v1/tickets/CF-2026-000001/commands')).headers.allow).toBe('OPTIONS, POST');
    expect((await request(app).put('/v1/tickets/')).headers.allow).toBe('OPTIONS, POST');
  });

  it('answers OPTIONS with 204 and Allow, and leaves a CORS preflight to its middleware', async () => {
    const options = await request(app).options('/v1/tickets/CF-2026-000001');
    expect([options.status, options.headers.allow]).toEqual([204, 'GET, HEAD, OPTIONS']);
    const preflight = await request(app).options('/v1/tickets').set('access-control-request-method', 'POST');
    expect(preflight.status).toBe(299);
  });

  it('lets declared methods, HEAD of a GET and unknown paths through', async () => {
    expect((await request(app).get('/v1/tickets/CF-2026-000001')).status).toBe(299);
    expect((await request(app).head('/health')).status).toBe(299);
    expect((await request(app).patch('/nowhere')).status).toBe(299);
    expect((await request(app).get('/v1/tickets/a/b/c')).status).toBe(299);
  });
});
