import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../../../src/auth/api-tokens.service';
import { Actor } from '../../../src/common/access/actor';
import { Browser, createTestApp, DEMO_PASSWORD } from '../../support/test-app';

/**
 * Issue 9: what ends a person's access and who may replace their password. Item 5: a new
 * password, "sign out everywhere", activation, an admin's reset and disabling the account revoke
 * the person's API tokens as well as their sessions.
 */
describe('accounts, passwords and tokens (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function tokenOf(browser: Browser, name = 'Hệ thống nhân sự'): Promise<string> {
    await browser.get('/account/tokens');
    const res = await browser.submit('/account/tokens', { name });
    const token = /htp_[A-Za-z0-9_-]+/.exec(res.text ?? '')?.[0];
    if (!token) throw new Error(`no token (${res.status})`);
    return token;
  }

  const api = (token: string) =>
    request(app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  const userId = async (username: string) =>
    Number(
      ((await db.query('SELECT id FROM users WHERE username = ?', [username])) as { id: number }[])[0].id,
    );

  describe('API tokens end with the password and with "sign out everywhere" (item 5)', () => {
    it('a password change revokes every token of the person', async () => {
      const owner = new Browser(app);
      await owner.login('so.gddt');
      const tokens = [await tokenOf(owner, 'một'), await tokenOf(owner, 'hai')];
      for (const token of tokens) await api(token).expect(200);
      await owner.get('/account/password');
      const changed = await owner.submit('/account/password', {
        currentPassword: DEMO_PASSWORD,
        password: 'Sở Giáo dục mở cửa lúc bảy giờ sáng',
        passwordConfirm: 'Sở Giáo dục mở cửa lúc bảy giờ sáng',
      });
      expect(changed.status).toBe(303);
      const after = await Promise.all(tokens.map(async (t) => (await api(t)).status));
      console.log('issue 9 item 5: after a password change, the 2 tokens answer', after);
      expect(after).toEqual([401, 401]);
      const [{ n }] = await db.query(
        'SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL',
        [await userId('so.gddt')],
      );
      expect(Number(n)).toBe(0);
    });

    it('"sign out everywhere" revokes them too', async () => {
      const owner = new Browser(app);
      await owner.login('truong.caodang');
      const token = await tokenOf(owner);
      await api(token).expect(200);
      await owner.get('/account');
      expect((await owner.submit('/account/sign-out-everywhere', {})).status).toBe(303);
      expect((await api(token)).status).toBe(401);
    });

    it('an admin disabling the account revokes them, so enabling it again does not bring them back', async () => {
      const owner = new Browser(app);
      await owner.login('khuyenhoc.cujut');
      const token = await tokenOf(owner);
      const id = await userId('khuyenhoc.cujut');
      const admin = new Browser(app);
      await admin.login('liendoan');
      await admin.get(`/admin/users/${id}`);
      expect((await admin.submit(`/admin/users/${id}/status`, { status: 'DISABLED' })).status).toBe(303);
      await admin.get(`/admin/users/${id}`);
      expect((await admin.submit(`/admin/users/${id}/status`, { status: 'ACTIVE' })).status).toBe(303);
      expect((await api(token)).status).toBe(401);
    });

    it('activation revokes any token the account had', async () => {
      const admin = new Browser(app);
      await admin.login('liendoan');
      await admin.get('/admin/users/new');
      const created = await admin.submit('/admin/users', {
        username: 'bien.tap.moi',
        displayName: 'Phạm Thị Hoa',
        role: 'DEPARTMENT_VIEWER',
        scope: 'ALL',
      });
      const id = Number(/\/admin\/users\/(\d+)/.exec(created.headers.location)?.[1]);
      // A token left on the account (made here straight through the service).
      const { token } = await app.get(ApiTokensService).create(new Actor(id, 'Phạm Thị Hoa', []), 'cũ');
      const issued = await admin.submit(`/admin/users/${id}/activation-code`, {});
      const code = /<code class="secret activation-code">([A-Z0-9]{8})<\/code>/.exec(issued.text)?.[1];
      const person = new Browser(app);
      await person.get('/activate');
      const activated = await person.submit('/activate', {
        username: 'bien.tap.moi',
        code: code!,
        password: 'Hoa nở trên đồi chè Đắk Nông',
        passwordConfirm: 'Hoa nở trên đồi chè Đắk Nông',
      });
      expect(activated.status).toBe(303);
      expect((await api(token)).status).toBe(401);
    });
  });
});
