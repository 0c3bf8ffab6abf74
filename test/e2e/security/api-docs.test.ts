import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { signIn } from '../../support/security-input-callers';
import { createTestApp } from '../../support/test-app';

/**
 * Issue 9, item 4: the OpenAPI document and its viewer describe every route of the API, so by
 * default only signed-in callers see them — a session, or a personal API token for the document.
 * API_DOCS_PUBLIC=true makes them public.
 */
describe('API docs (e2e)', () => {
  /** Everything under /api/docs that hands out the document or the viewer. */
  const DOCUMENT = ['/api/docs/openapi.json', '/api/docs/openapi.yaml', '/api/docs/swagger-ui-init.js'];
  const VIEWER = ['/api/docs', '/api/docs/', '/api/docs/index.html'];

  describe('by default', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp({ database: 'sqlite' });
    });
    afterAll(() => app?.close());

    it('refuses a signed-out caller: the viewer sends them to sign in, the document answers 401', async () => {
      const server = app.getHttpServer();
      const answers: string[] = [];
      for (const path of [...VIEWER, ...DOCUMENT, '/api/docs/swagger-ui-bundle.js', '/api/docs-json']) {
        const res = await request(server).get(path);
        answers.push(`${path} ${res.status} ${res.headers.location ?? ''}`.trim());
        expect(res.text).not.toContain('/api/v1/workers');
      }
      expect(answers).toEqual([
        '/api/docs 303 /login',
        '/api/docs/ 303 /login',
        '/api/docs/index.html 303 /login',
        '/api/docs/openapi.json 401',
        '/api/docs/openapi.yaml 401',
        '/api/docs/swagger-ui-init.js 401',
        '/api/docs/swagger-ui-bundle.js 401',
        '/api/docs-json 401',
      ]);
      // A bearer that is no valid token does not open them either.
      await request(server).get('/api/docs/openapi.json').set('Authorization', 'Bearer htp_x').expect(401);
    });

    it('shows them to a signed-in person, and the document to an API token, and comes back after sign-in', async () => {
      const server = app.getHttpServer();
      const officer = await signIn(app, 'congdoan.tamphat');
      const viewer = await request(server).get('/api/docs').set('Cookie', officer.cookie).expect(200);
      expect(viewer.headers['content-type']).toMatch(/^text\/html/);
      const json = await request(server)
        .get('/api/docs/openapi.json')
        .set('Cookie', officer.cookie)
        .expect(200);
      expect(JSON.parse(json.text).paths).toHaveProperty(['/api/v1/workers']);
      const byToken = await request(server)
        .get('/api/docs/openapi.json')
        .set('Authorization', `Bearer ${officer.token}`)
        .expect(200);
      expect(JSON.parse(byToken.text).info.title).toBe('hoctap API');

      // Sign in from the viewer's address and land back on it.
      const agent = request.agent(server);
      await agent.get('/api/docs').expect(303);
      const login = await agent.get('/login');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)![1];
      const signedIn = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrf, username: 'so.gddt', password: 'hoctap2030' });
      expect([signedIn.status, signedIn.headers.location]).toEqual([303, '/api/docs']);
    });
  });

  describe('with API_DOCS_PUBLIC=true', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp({ database: 'sqlite', env: { API_DOCS_PUBLIC: 'true' } });
    });
    afterAll(() => app?.close());

    it('serves the viewer and the document to anyone', async () => {
      const server = app.getHttpServer();
      for (const path of [...VIEWER, ...DOCUMENT]) await request(server).get(path).expect(200);
      const json = await request(server).get('/api/docs/openapi.json');
      expect(JSON.parse(json.text).paths).toHaveProperty(['/api/v1/workers']);
    });
  });
});
