import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { Role, ScopeType } from '../../src/common/access/roles';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Issue 9, item 2, on MariaDB with two web processes: twenty wrong passwords at once, ten to each
 * process, against a limit of five. The reservation is one conditional UPDATE, so at most five
 * passwords are checked in all; the others answer 429 without a check.
 */
describe('sign-in throttle across two web processes on MariaDB (integration)', () => {
  const LIMIT = 5;
  const PARALLEL = 20;
  const env = {
    SESSION_SECRET: randomBytes(32).toString('base64'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LIMIT),
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    DATABASE_POOL_SIZE: '20',
  };
  const username = `khoa.${randomBytes(3).toString('hex')}`;
  let apps: INestApplication[];

  beforeAll(async () => {
    apps = [await createTestApp({ database: 'mysql', env }), await createTestApp({ database: 'mysql', env })];
    const users = apps[0].get(UsersRepository);
    const user = await users.create({
      username,
      displayName: 'Người thử khóa',
      email: null,
      status: UserStatus.Active,
    });
    await users.update(user.id, {
      passwordHash: await apps[0].get(PasswordHasher).hash('Mật khẩu đúng của tôi'),
    });
    await users.assign(user.id, Role.FederationAdmin, ScopeType.All, 0);
  });

  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
  });

  it.each([
    ['a real account', () => username],
    ['an unknown name', () => `khong.co.${randomBytes(3).toString('hex')}`],
  ])('%s: at most 5 of 20 wrong passwords are checked', async (_what, name) => {
    const target = name();
    const browsers: Browser[] = [];
    for (let i = 0; i < PARALLEL; i++) {
      const browser = new Browser(apps[i % 2]);
      await browser.get('/login');
      browsers.push(browser);
    }
    const verify = jest.spyOn(PasswordHasher.prototype, 'verify');
    let statuses: number[];
    let checks: number;
    try {
      statuses = (
        await Promise.all(
          browsers.map((b, i) => b.submit('/login', { username: target, password: `sai-${i}` })),
        )
      ).map((r) => r.status);
      checks = verify.mock.calls.length;
    } finally {
      verify.mockRestore();
    }
    console.log(
      `issue 9 item 2 on MariaDB, 2 processes (${_what}): ${checks} checked; 401 × ${statuses.filter((s) => s === 401).length}, 429 × ${statuses.filter((s) => s === 429).length}`,
    );
    expect(checks).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checks);
    expect(statuses.filter((s) => s === 429)).toHaveLength(PARALLEL - checks);
    const late = new Browser(apps[1]);
    await late.get('/login');
    expect(
      (await late.submit('/login', { username: target, password: 'Mật khẩu đúng của tôi' })).status,
    ).toBe(429);
  });
});
