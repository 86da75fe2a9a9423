import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest, registerJsonErrors } from './json-errors.js';

const app = Fastify({ logger: false });
registerJsonErrors(app);
app.get('/problem', async () => {
  throw new HttpProblem(409, 'CONFLICT_HERE', 'It conflicts');
});
app.get('/crash', async () => {
  throw new Error('secret internal detail');
});
app.post('/parse', async (request) => parseRequest(z.object({ n: z.number() }), request.body, 'body'));

afterAll(async () => {
  await app.close();
});

describe('registerJsonErrors', () => {
  it('renders HttpProblem with its status and code', async () => {
    const response = await app.inject({ method: 'GET', url: '/problem' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: 'CONFLICT_HERE', message: 'It conflicts' } });
  });

  it('hides unexpected errors behind a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal error' } });
  });

  it('turns zod failures into 400 INVALID_REQUEST and passes valid input through', async () => {
    const bad = await app.inject({ method: 'POST', url: '/parse', payload: { n: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
    expect(bad.json().error.message).toContain('n');
    expect((await app.inject({ method: 'POST', url: '/parse', payload: { n: 1 } })).json()).toEqual({ n: 1 });
  });

  it('keeps fastify 4xx statuses (bad JSON) in the same shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/parse',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error)).toEqual(['code', 'message']);
  });

  it('answers unknown routes with 404 NOT_FOUND and no query string', async () => {
    const response = await app.inject({ method: 'GET', url: '/missing?nhsNumber=9990000018' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: 'No route GET /missing' });
  });
});
