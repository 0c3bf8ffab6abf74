import { INestApplication } from '@nestjs/common';
import request from 'supertest';
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
