import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../../support/test-app';
import { expressRoutes, nestRoutes, RouteInfo, routeName } from '../../support/security-routes';

/**
 * Issue 6, item 1: every route the application registers declares who may use it — @Public(),
 * @SignedIn() or @Roles(...) — on the handler or its controller. AccessGuard refuses the rest, but
 * a route that declares nothing is a route nobody decided about, so the inventory fails on it.
 */
describe('route inventory', () => {
  let app: INestApplication;
  let routes: RouteInfo[];

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    routes = nestRoutes(app);
  });
  afterAll(() => app.close());

  /**
   * Routes that Express answers but no Nest controller declares: the OpenAPI document and its
   * viewer (SwaggerModule.setup in app.setup.ts), which check access themselves (signed-in callers
   * only unless API_DOCS_PUBLIC is on; tested below); and `/{*path}`, where Nest binds the global
   * middleware (AppModule.configure) for every method. Anything else registered straight on Express
   * would bypass AccessGuard, so it fails the test below.
   */
  const API_DOCS = /^\/api\/docs(\/|$)/;
  const OUTSIDE_NEST = /^\/api\/docs(\/|$)|^\/\{\*path\}$/;

  it('finds the routes of every controller', () => {
    // A floor, not the exact count: the inventory must not quietly come back empty.
    expect(routes.length).toBeGreaterThan(300);
    const summary = { public: 0, signedIn: 0, roles: 0, undeclared: 0 };
    for (const route of routes) summary[route.access.kind]++;
    console.log(`route inventory: ${routes.length} routes`, summary);
  });

  it('every route declares public access, any signed-in user, or the roles allowed', () => {
    const undeclared = routes.filter((r) => r.access.kind === 'undeclared').map(routeName);
    expect(undeclared).toEqual([]);
  });

  it('every route Express answers is one of those routes (nothing bypasses the access guard)', () => {
    const known = new Set(routes.map(routeName));
    const stray = expressRoutes(app)
      .filter((r) => !known.has(routeName(r)) && !OUTSIDE_NEST.test(r.path))
      .map(routeName);
    expect(stray).toEqual([]);
    // And the other way: every route found in the controllers is live.
    const live = new Set(expressRoutes(app).map(routeName));
    expect(routes.map(routeName).filter((name) => !live.has(name))).toEqual([]);
  });

  it('the API docs mounted on Express refuse a signed-out caller too: none is public by default', async () => {
    const docs = expressRoutes(app).filter((r) => API_DOCS.test(r.path));
    expect(docs.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/docs', '/api/docs/openapi.json', '/api/docs/openapi.yaml']),
    );
    const answers: string[] = [];
    for (const route of docs) {
      const res = await request(app.getHttpServer()).get(route.path);
      const refused = res.status === 401 || (res.status === 303 && res.headers.location === '/login');
      if (!refused) answers.push(`${routeName(route)} → ${res.status}`);
    }
    console.log(`route inventory: ${docs.length} API docs routes on Express, all refused signed out`);
    expect(answers).toEqual([]);
  });

  it('no route is declared twice with different access', () => {
    const byName = new Map<string, string>();
    const clashes: string[] = [];
    for (const route of routes) {
      const access = JSON.stringify(route.access);
      const before = byName.get(routeName(route));
      if (before !== undefined && before !== access) clashes.push(routeName(route));
      byName.set(routeName(route), access);
    }
    expect(clashes).toEqual([]);
  });

  it('the guard refuses a signed-out caller on every route that declares roles', async () => {
    // Every roles route, with its parameters filled with 1: 401 (API) or a redirect to sign in
    // (pages) — never the route's answer, and never a 5xx. State-changing routes answer 403 for
    // want of a CSRF token before the guard runs, which is a refusal too.
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.access.kind !== 'public')) {
      const path = route.path.replace(/:\w+/g, '1');
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const res = await request(app.getHttpServer())[method](path);
      const refused =
        res.status === 401 || res.status === 403 || (res.status === 303 && res.headers.location === '/login');
      if (!refused) failures.push(`${routeName(route)} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
