import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { InProcessJobQueue } from '../../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../../src/jobs/job-queue';
import { UserStatus } from '../../../src/users/entities/user.entity';
import { UsersRepository } from '../../../src/users/users.repository';
import {
  anonymousSession,
  Caller,
  callersFor,
  DEMO_USERS,
  signIn,
} from '../../support/security-input-callers';
import { changedTables, RowCounter } from '../../support/security-input';
import { AppRoute, isStateChanging, listRoutes } from '../../support/security-input-routes';
import { Browser, createTestApp, DEMO_PASSWORD } from '../../support/test-app';

/**
 * Issue 6, item 5: CSRF and sessions. Every state-changing route the app registers is sent with a
 * session but without its CSRF token, and with a wrong one: 403, and no row changes. Sessions get a
 * new id at sign-in, end at once at sign-out and when an admin disables the account, carry HttpOnly
 * and SameSite (and Secure behind HTTPS), and end after the idle and absolute timeouts — on a
 * controlled clock (only Date is faked), not by waiting.
 */

const CSRF_MESSAGE = 'Phiên làm việc của biểu mẫu đã hết hạn';
/** Every request through a session may touch its row; nothing else may change. */
const LOG_TABLES = ['sessions'];

const cookieOf = (res: request.Response, name = 'hoctap.sid') =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
const valueOf = (setCookie: string | undefined) => setCookie?.split(';')[0];

describe('CSRF and sessions (e2e)', () => {
  let app: INestApplication;
  let counter: RowCounter;
  let routes: AppRoute[];
  let jobs: InProcessJobQueue;
  const callers: Caller[] = [];
  let anonymous: Caller;

  beforeAll(async () => {
    // The shortest absolute lifetime the configuration allows, so the clock has less to travel.
    app = await createTestApp({
      database: 'sqlite',
      env: { SESSION_ABSOLUTE_HOURS: '1', SESSION_IDLE_MINUTES: '30' },
    });
    counter = new RowCounter(app.get(DataSource));
    await counter.init();
    routes = listRoutes(app);
    jobs = app.get(JobQueue) as InProcessJobQueue;
    for (const username of DEMO_USERS) callers.push(await signIn(app, username, false));
    anonymous = await anonymousSession(app);
  });

  afterAll(async () => {
    jest.useRealTimers();
    await app?.close();
  });

  it('refuses every state-changing route without its CSRF token or with a wrong one, changing nothing', async () => {
    const stateChanging = routes.filter(isStateChanging);
    expect(stateChanging.length).toBeGreaterThan(150);
    const server = app.getHttpServer();
    const wrong: string[] = [];
    let sent = 0;
    for (const route of stateChanging) {
      const caller = callersFor(route, callers, anonymous)[0];
      if (!caller) throw new Error(`${route.method} ${route.path}: no demo user may call it`);
      const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
        /^(id|\w+Id)$/.test(name) ? '1' : 'x',
      );
      const attempts: [string, Record<string, string>, string][] = [
        ['no token', {}, 'title=x&name=x'],
        ['wrong token', {}, `_csrf=${'0'.repeat(64)}&title=x`],
        [
          'wrong header',
          { 'x-csrf-token': caller.csrf.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) },
          'title=x',
        ],
        [
          'token of another session',
          { 'x-csrf-token': (caller === anonymous ? callers[0] : anonymous).csrf },
          'title=x',
        ],
        // A bearer that authenticates nobody must not exempt the cookie session from the check.
        ['bearer that is no token', { authorization: 'Bearer not a token' }, 'title=x'],
        ['unknown bearer token', { authorization: `Bearer htp_${'x'.repeat(43)}` }, 'title=x'],
        // The address is never read: a token there would stay in the address bar and the logs.
        ['right token in the address', {}, 'title=x'],
        // Multipart bodies are checked after parsing: by the upload routes, and refused elsewhere.
        ['multipart without token', {}, 'multipart'],
        ['multipart with a wrong token', {}, 'multipart'],
      ];
      for (const [what, headers, body] of attempts) {
        // Background jobs started earlier (by signing in, say) finish before the counts are taken.
        await jobs.whenIdle();
        const before = await counter.counts();
        const req = request(server)
          [route.method.toLowerCase() as 'post'](
            what === 'wrong header'
              ? `${path}?_csrf=${'1'.repeat(64)}`
              : what === 'right token in the address'
                ? `${path}?_csrf=${caller.csrf}`
                : path,
          )
          .set('Cookie', caller.cookie)
          .set(headers);
        const res =
          body === 'multipart'
            ? await (what === 'multipart with a wrong token' ? req.field('_csrf', '0'.repeat(64)) : req)
                .field('title', 'x')
                .attach('file', Buffer.from('Họ và tên,CCCD\r\n'), {
                  filename: 'x.csv',
                  contentType: 'text/csv',
                })
            : await req.type('form').send(body);
        sent++;
        await jobs.whenIdle();
        const changed = changedTables(before, await counter.counts(), LOG_TABLES);
        const html = !route.api;
        if (res.status !== 403 || changed.length || (html && !res.text.includes(CSRF_MESSAGE)))
          wrong.push(
            `${route.method} ${route.path} (${what}, as ${caller.username}): ${res.status}, wrote ${changed.join(', ') || 'nothing'}`,
          );
      }
    }
    console.log(`CSRF: ${sent} refused requests over ${stateChanging.length} state-changing routes`);
    expect(wrong).toEqual([]);
  }, 300_000);

  it('exempts only bearer-token API calls, which carry no cookie a browser could attach by itself', async () => {
    const server = app.getHttpServer();
    const integration = await signIn(app, 'liendoan', true);
    // With the session cookie and no token: refused like any form.
    await request(server)
      .post('/api/v1/organisations/branches')
      .set('Cookie', integration.cookie)
      .send({})
      .expect(403);
    // With the API token: past the CSRF check, on to validation (an empty body is refused there, 400).
    const res = await request(server)
      .post('/api/v1/organisations/branches')
      .set('Authorization', `Bearer ${integration.token}`)
      .send({});
    expect(res.status).toBe(400);
  });

  it('treats a request with a bearer that authenticates nobody as nobody: its session cookie is not used', async () => {
    const server = app.getHttpServer();
    const admin = await signIn(app, 'liendoan', true);
    const valid = { name: 'Hội Khuyến học thử', unitId: 1 };
    await jobs.whenIdle();
    const before = await counter.counts();
    const refused: string[] = [];
    for (const bearer of ['Bearer', 'Bearer not a token', 'Bearer htp_unknown', 'bearer  x\ty']) {
      // Without the CSRF token: refused by the CSRF check (the session is not loaded to exempt it).
      const noToken = await request(server)
        .post('/api/v1/organisations/branches')
        .set('Cookie', admin.cookie)
        .set('Authorization', bearer)
        .send(valid);
      // Even with the session's CSRF token: the session is not loaded, so that token matches nothing.
      const withToken = await request(server)
        .post('/api/v1/organisations/branches')
        .set('Cookie', admin.cookie)
        .set('Authorization', bearer)
        .set('x-csrf-token', admin.csrf)
        .send(valid);
      const read = await request(server)
        .get('/api/v1/me')
        .set('Cookie', admin.cookie)
        .set('Authorization', bearer);
      refused.push(`${bearer}: ${noToken.status} ${withToken.status} ${read.status}`);
    }
    expect(refused).toEqual([
      'Bearer: 403 403 401',
      'Bearer not a token: 403 403 401',
      'Bearer htp_unknown: 403 403 401',
      'bearer  x\ty: 403 403 401',
    ]);
    expect(changedTables(before, await counter.counts(), LOG_TABLES)).toEqual([]);
    // The same session alone still works: nothing above ended it.
    await request(server).get('/api/v1/me').set('Cookie', admin.cookie).expect(200);
  });

  it('uses only the token when a valid one comes with a session cookie, and never touches that session', async () => {
    const server = app.getHttpServer();
    const tokenHolder = await signIn(app, 'liendoan', true);
    const sessionHolder = await signIn(app, 'so.gddt', false);
    const res = await request(server)
      .get('/api/v1/me')
      .set('Cookie', sessionHolder.cookie)
      .set('Authorization', `Bearer ${tokenHolder.token}`)
      .expect(200);
    const idOf = async (username: string) => (await app.get(UsersRepository).findForLogin({ username }))!.id;
    expect(res.body).toMatchObject({ userId: await idOf('liendoan'), via: 'token' });
    // A session request gets its cookie again (rolling expiry); a token request never does.
    expect(cookieOf(res)).toBeUndefined();
    const bySession = await request(server).get('/api/v1/me').set('Cookie', sessionHolder.cookie);
    expect(bySession.body).toMatchObject({ userId: await idOf('so.gddt'), via: 'session' });
    expect(cookieOf(bySession)).toBeDefined();
    // A token is for the API: on a page or a form it signs nobody in.
    const page = await request(server).get('/account').set('Authorization', `Bearer ${tokenHolder.token}`);
    expect([page.status, page.headers.location]).toEqual([303, '/login']);
    const form = await request(server)
      .post('/account/tokens')
      .set('Authorization', `Bearer ${tokenHolder.token}`)
      .type('form')
      .send('name=minted');
    expect(form.status).toBe(403);
  });

  it('gives a new session id at sign-in, and the one from before no longer signs anybody in', async () => {
    const browser = new Browser(app);
    const page = await browser.get('/login');
    const before = valueOf(cookieOf(page));
    expect(before).toBeDefined();
    const res = await browser.submit('/login', { username: 'so.gddt', password: DEMO_PASSWORD });
    expect(res.status).toBe(303);
    const after = valueOf(cookieOf(res));
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', after!).expect(200);
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', before!).expect(401);
  });

  it('ends the session at sign-out: the old cookie stops working at once', async () => {
    const victim = await signIn(app, 'truong.caodang', false);
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', victim.cookie).expect(200);
    await request(app.getHttpServer())
      .post('/logout')
      .set('Cookie', victim.cookie)
      .type('form')
      .send(`_csrf=${victim.csrf}`)
      .expect(303);
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', victim.cookie).expect(401);
    const page = await request(app.getHttpServer()).get('/account').set('Cookie', victim.cookie);
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/login');
  });

  it('ends every session of a user an admin disables, at the next request', async () => {
    const victim = await signIn(app, 'khuyenhoc.tinh', false);
    const otherDevice = await signIn(app, 'khuyenhoc.tinh', false);
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', victim.cookie).expect(200);
    const user = await app.get(UsersRepository).findForLogin({ username: 'khuyenhoc.tinh' });
    const admin = new Browser(app);
    await admin.login('admin');
    await admin.get(`/admin/users/${user!.id}`);
    const disabled = await admin.submit(`/admin/users/${user!.id}/status`, { status: UserStatus.Disabled });
    expect(disabled.status).toBe(303);
    for (const session of [victim, otherDevice]) {
      await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', session.cookie).expect(401);
      const page = await request(app.getHttpServer())
        .get('/citizenship/review')
        .set('Cookie', session.cookie);
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe('/login');
    }
    // And the password no longer signs in.
    const again = new Browser(app);
    await again.get('/login');
    expect(
      (await again.submit('/login', { username: 'khuyenhoc.tinh', password: DEMO_PASSWORD })).status,
    ).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, without Secure over plain HTTP', async () => {
    const res = await request(app.getHttpServer()).get('/login');
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  describe('idle and absolute timeouts on a controlled clock', () => {
    const MINUTE = 60_000;
    let now = Date.now();
    const travel = (ms: number) => {
      now += ms;
      jest.setSystemTime(now);
    };

    beforeAll(() => {
      // Only Date moves; timers, promises and I/O run as usual.
      jest.useFakeTimers({
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
        now,
      });
    });

    afterAll(() => jest.useRealTimers());

    const me = (cookie: string) => request(app.getHttpServer()).get('/api/v1/me').set('Cookie', cookie);

    it('ends a session left idle for longer than SESSION_IDLE_MINUTES, and keeps one in use', async () => {
      const idle = await signIn(app, 'so.gddt', false);
      const busy = await signIn(app, 'liendoan', false);
      travel(25 * MINUTE);
      await me(idle.cookie).expect(200); // 25 minutes idle: still there, and its clock restarts
      await me(busy.cookie).expect(200);
      travel(25 * MINUTE);
      await me(busy.cookie).expect(200);
      travel(6 * MINUTE); // the idle one last asked 31 minutes ago, the busy one 6 minutes ago
      await me(idle.cookie).expect(401);
      await me(busy.cookie).expect(200);
    });

    it('ends a session SESSION_ABSOLUTE_HOURS after sign-in however active it is', async () => {
      const active = await signIn(app, 'congdoan.tamphat', false);
      for (const minutes of [20, 20, 19]) {
        travel(minutes * MINUTE); // never idle for long; 59 minutes after sign-in in all
        await me(active.cookie).expect(200);
      }
      travel(2 * MINUTE); // 61 minutes after sign-in, 2 after the last request
      await me(active.cookie).expect(401);
      const page = await request(app.getHttpServer()).get('/account').set('Cookie', active.cookie);
      expect(page.status).toBe(303);
    });
  });
});

describe('session cookie behind HTTPS (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({
      database: 'sqlite',
      env: { PUBLIC_URL: 'https://hoctap.example.vn', TRUST_PROXY: '1' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('marks the cookie Secure when the proxy says the request came over HTTPS', async () => {
    const res = await request(app.getHttpServer()).get('/login').set('X-Forwarded-Proto', 'https');
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('never hands a Secure session cookie out over plain HTTP', async () => {
    const res = await request(app.getHttpServer()).get('/login');
    expect(cookieOf(res)).toBeUndefined();
  });

  it('signs in over HTTPS with the Secure cookie', async () => {
    const server = app.getHttpServer();
    const page = await request(server).get('/login').set('X-Forwarded-Proto', 'https');
    const cookie = valueOf(cookieOf(page))!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    const res = await request(server)
      .post('/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, username: 'admin', password: DEMO_PASSWORD });
    expect(res.status).toBe(303);
    expect(cookieOf(res)).toMatch(/; Secure/i);
  });
});

describe('COOKIE_SECURE forces Secure cookies (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', env: { COOKIE_SECURE: 'true', TRUST_PROXY: '1' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sets Secure with COOKIE_SECURE=true even though PUBLIC_URL is http', async () => {
    const res = await request(app.getHttpServer()).get('/login').set('X-Forwarded-Proto', 'https');
    expect(cookieOf(res)).toMatch(/; Secure/i);
  });
});
