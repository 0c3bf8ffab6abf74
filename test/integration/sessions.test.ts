import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import request from 'supertest';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { Role, ScopeType } from '../../src/common/access/roles';
import { REDIS_CLIENT } from '../../src/common/redis/redis.module';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Sessions in Redis, as in production: any web process behind the load balancer accepts a session
 * that another one started, and signing out removes it from Redis for all of them.
 */
describe('sessions in Redis (integration)', () => {
  // Every web process of a deployment shares the secret that signs the session cookie.
  const env = { SESSION_SECRET: randomBytes(32).toString('base64'), SESSION_IDLE_MINUTES: '30' };
  const username = `phien.${randomBytes(3).toString('hex')}`;
  const password = 'Mật khẩu thử phiên 2030';
  let first: INestApplication;
  let second: INestApplication;
  let redis: Redis;

  beforeAll(async () => {
    first = await createTestApp({ database: 'mysql', redis: true, env });
    second = await createTestApp({ database: 'mysql', redis: true, env });
    redis = first.get<Redis>(REDIS_CLIENT);
    // MySQL has no demo logins (SEED_DEMO is off there): make one the way the app stores users.
    const users = first.get(UsersRepository);
    const user = await users.create({
      username,
      displayName: 'Người thử phiên',
      email: null,
      status: UserStatus.Active,
    });
    await users.update(user.id, { passwordHash: await first.get(PasswordHasher).hash(password) });
    await users.assign(user.id, Role.FederationAdmin, ScopeType.All, 0);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** The session id inside the signed cookie value `s:<id>.<signature>`. */
  function sessionId(browser: Browser): { cookie: string; id: string } {
    const value = browser.agent.jar.getCookie('hoctap.sid', {
      path: '/',
      domain: '127.0.0.1',
      secure: false,
      script: false,
    })?.value;
    if (!value) throw new Error('no session cookie after signing in');
    const id = /^s:([^.]+)\./.exec(decodeURIComponent(value))?.[1];
    if (!id) throw new Error(`unexpected session cookie ${value}`);
    return { cookie: `hoctap.sid=${value}`, id };
  }

  it('keeps the session in Redis with a TTL, shares it between web processes, and deletes it at sign-out', async () => {
    const browser = new Browser(first);
    await browser.login(username, password);
    const { cookie, id } = sessionId(browser);

    const key = `hoctap:sess:${id}`;
    expect(await redis.exists(key)).toBe(1);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60);
    expect(JSON.parse((await redis.get(key)) ?? '{}').passport?.user?.id).toBeGreaterThan(0);

    // Another web process, same Redis and database: the same cookie is the same signed-in person.
    const me = await request(second.getHttpServer()).get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ displayName: 'Người thử phiên', via: 'session' });
    expect(me.body.grants).toEqual([{ role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 }]);

    const out = await browser.submit('/logout', {});
    expect(out.status).toBe(303);
    expect(await redis.exists(key)).toBe(0);
    await request(second.getHttpServer()).get('/api/v1/me').set('Cookie', cookie).expect(401);
    await request(first.getHttpServer()).get('/api/v1/me').set('Cookie', cookie).expect(401);
  });
});

/** MySQL without Redis: sessions live in the database table, and sign-out ends them there too. */
describe('sessions in the database on MySQL (integration)', () => {
  const username = `phiendb.${randomBytes(3).toString('hex')}`;
  const password = 'Mật khẩu phiên cơ sở dữ liệu';
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql', env: { LOG_LEVEL: 'error' } });
    const users = app.get(UsersRepository);
    const user = await users.create({
      username,
      displayName: 'Phiên CSDL',
      email: null,
      status: UserStatus.Active,
    });
    await users.update(user.id, { passwordHash: await app.get(PasswordHasher).hash(password) });
    await users.assign(user.id, Role.DepartmentViewer, ScopeType.All, 0);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('signs in, keeps the session across requests and ends it at sign-out', async () => {
    const browser = new Browser(app);
    await browser.login(username, password);
    const me = await browser.agent.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.displayName).toBe('Phiên CSDL');
    expect((await browser.submit('/logout', {})).status).toBe(303);
    await browser.agent.get('/api/v1/me').expect(401);
  });

  it('reads the account on every request: a role, a disabled account and sessions ended show at once', async () => {
    const users = app.get(UsersRepository);
    const browser = new Browser(app);
    await browser.login(username, password);
    const user = (await users.findForLogin({ username }))!;
    const me = async () => (await browser.agent.get('/api/v1/me').expect(200)).body;
    expect((await me()).grants).toEqual([
      { role: Role.DepartmentViewer, scopeType: ScopeType.All, scopeId: 0 },
    ]);
    const added = await users.assign(user.id, Role.FederationAdmin, ScopeType.All, 0);
    expect((await me()).grants.map((g: { role: Role }) => g.role)).toEqual([
      Role.DepartmentViewer,
      Role.FederationAdmin,
    ]);
    await users.unassign(user.id, added.id);
    expect((await me()).grants).toHaveLength(1);
    // "Sign out everywhere" refuses this session, signed in before it; a new sign-in works.
    await users.update(user.id, { sessionsValidAfter: new Date(Date.now() + 1000) });
    await browser.agent.get('/api/v1/me').expect(401);
    await users.update(user.id, { sessionsValidAfter: null });
    const again = new Browser(app);
    await again.login(username, password);
    await again.agent.get('/api/v1/me').expect(200);
    await users.update(user.id, { status: UserStatus.Disabled });
    await again.agent.get('/api/v1/me').expect(401);
    await users.update(user.id, { status: UserStatus.Active });
  });
});
