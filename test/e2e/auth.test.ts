import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Browser, createTestApp, DEMO_PASSWORD } from '../support/test-app';

/** Signing in and out, sessions, CSRF and deny-by-default, on the embedded default. */
describe('authentication (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
  });

  afterAll(async () => {
    await app.close();
  });

  const sessionCookie = (res: request.Response) =>
    ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('hoctap.sid='))
      ?.split(';')[0];

  it('serves the Vietnamese home page to anyone', async () => {
    const res = await request(app.getHttpServer()).get('/').expect(200);
    expect(res.text).toContain('<html lang="vi">');
    expect(res.text).toContain('Học mọi lúc, mọi nơi');
  });

  it('switches to English with a cookie', async () => {
    const browser = new Browser(app);
    await browser.agent.get('/lang/en?next=/').expect(303);
    const res = await browser.get('/');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Learn any time');
  });

  it('gives a new session id at sign-in and lets the person in', async () => {
    const browser = new Browser(app);
    const page = await browser.get('/login');
    const before = sessionCookie(page);
    expect(before).toBeDefined();
    const res = await browser.submit('/login', { username: 'liendoan', password: DEMO_PASSWORD });
    expect(res.status).toBe(303);
    expect(sessionCookie(res)).toBeDefined();
    expect(sessionCookie(res)).not.toBe(before);
    const account = await browser.get('/account');
    expect(account.status).toBe(200);
    expect(account.text).toContain('Quản trị Liên đoàn Lao động');
  });

  describe('where signing in leads (issue 13, item 6)', () => {
    const signIn = async (username: string) => {
      const browser = new Browser(app);
      await browser.get('/login');
      return { browser, res: await browser.submit('/login', { username, password: DEMO_PASSWORD }) };
    };

    it('takes a worker to their learning page, which does not repeat its own name on the home page', async () => {
      const { browser, res } = await signIn('nguoilaodong');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/learn');
      const learn = await browser.get('/learn');
      expect(learn.status).toBe(200);
      expect(learn.text).toContain('Đăng nhập thành công.');
      // The home page points there once, beside the tile of "Việc của bạn" (the menu is not the page).
      const home = await browser.get('/');
      const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(home.text)![1];
      expect(main.match(/Góc học tập/g)).toHaveLength(2);
      expect(main).toContain('href="/learn"');
    });

    it('keeps every other role on the home page', async () => {
      for (const username of ['liendoan', 'congdoan.tamphat', 'truong.caodang', 'admin']) {
        const { res } = await signIn(username);
        expect([username, res.status, res.headers.location]).toEqual([username, 303, '/']);
      }
    });

    it('keeps a worker who holds another role too on the home page', async () => {
      const dataSource = app.get(DataSource);
      const [officer] = await dataSource.query("SELECT id FROM users WHERE username = 'congdoan.dakmil'");
      // The officer is also one of the demo workers, with their own account's worker role.
      const [worker] = await dataSource.query(
        "SELECT id FROM workers WHERE id NOT IN (SELECT scope_id FROM role_assignments WHERE role = 'WORKER') ORDER BY id LIMIT 1",
      );
      await dataSource.query(
        "INSERT INTO role_assignments (user_id, role, scope_type, scope_id, created_at, updated_at) VALUES (?, 'WORKER', 'SELF', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        [officer.id, worker.id],
      );
      try {
        const { res } = await signIn('congdoan.dakmil');
        expect(res.headers.location).toBe('/');
      } finally {
        await dataSource.query("DELETE FROM role_assignments WHERE user_id = ? AND role = 'WORKER'", [
          officer.id,
        ]);
      }
    });

    it('sends a worker back to the page that asked them to sign in', async () => {
      const browser = new Browser(app);
      const asked = await browser.agent.get('/learn/history');
      expect(asked.headers.location).toBe('/login');
      await browser.get('/login');
      const res = await browser.submit('/login', { username: 'nguoilaodong', password: DEMO_PASSWORD });
      expect(res.headers.location).toBe('/learn/history');
    });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const browser = new Browser(app);
    await browser.get('/login');
    const wrong = await browser.submit('/login', { username: 'so.gddt', password: 'wrong-password' });
    const unknown = await browser.submit('/login', { username: 'nobody-here', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (text: string) => /<p class="flash flash-error" role="alert">([^<]+)</.exec(text)?.[1];
    expect(message(wrong.text)).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(message(unknown.text)).toBe(message(wrong.text));
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const browser = new Browser(app);
    await browser.login('admin');
    const res = await browser.agent.post('/account/tokens').type('form').send('name=sneaky');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Phiên làm việc của biểu mẫu đã hết hạn');
    const list = await browser.get('/account/tokens');
    expect(list.text).not.toContain('sneaky');
  });

  it('refuses a role that a route does not allow, and sends anonymous visitors to sign in', async () => {
    const viewer = new Browser(app);
    await viewer.login('so.gddt');
    await viewer.agent.get('/admin/jobs').expect(403);
    const anonymous = await request(app.getHttpServer()).get('/account');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/login');
    await request(app.getHttpServer()).get('/api/v1/me').expect(401);
  });

  it('ends the session on the server at sign-out, so the old cookie no longer works', async () => {
    const browser = new Browser(app);
    await browser.login('admin');
    const cookie = sessionCookie(await browser.agent.get('/account')) ?? '';
    const jar = browser.agent.jar.getCookie('hoctap.sid', {
      path: '/',
      domain: '127.0.0.1',
      secure: false,
      script: false,
    });
    const stolen = `hoctap.sid=${jar?.value ?? cookie.split('=')[1]}`;
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', stolen).expect(200);
    await browser.submit('/logout', {});
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', stolen).expect(401);
  });

  it('issues a personal API token that works as a bearer and stops working when revoked', async () => {
    const browser = new Browser(app);
    await browser.login('admin');
    await browser.get('/account/tokens');
    const created = await browser.submit('/account/tokens', { name: 'Cổng tích hợp' });
    expect(created.status).toBe(201);
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1];
    expect(token).toMatch(/^htp_/);
    const me = await request(app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body.via).toBe('token');
    const id = /action="\/account\/tokens\/(\d+)\/revoke"/.exec(created.text)?.[1];
    await browser.submit(`/account/tokens/${id}/revoke`, {});
    await request(app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });
});
