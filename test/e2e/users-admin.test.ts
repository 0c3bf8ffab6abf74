import { INestApplication } from '@nestjs/common';
import { Browser, createTestApp } from '../support/test-app';

/** Federation admins create accounts, scope their roles, hand out activation codes and disable them. */
describe('user administration (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
  });

  afterAll(async () => {
    await app.close();
  });

  async function createOfficer(admin: Browser, username: string) {
    const form = await admin.get('/admin/users/new');
    const scope = /<option value="(ENTERPRISE:\d+)">Công ty TNHH Chế biến Nông sản Tâm Phát<\/option>/.exec(
      form.text,
    )?.[1];
    expect(scope).toBeDefined();
    return admin.submit('/admin/users', {
      username,
      displayName: 'Trần Thị Mơ',
      role: 'UNION_OFFICER',
      scope,
    });
  }

  it('creates a scoped account that the person activates with a one-time code', async () => {
    const admin = new Browser(app);
    await admin.login('liendoan');
    const created = await createOfficer(admin, 'congdoan.mo');
    expect(created.status).toBe(303);
    const page = await admin.get(created.headers.location);
    expect(page.text).toContain('Cán bộ công đoàn cơ sở');
    expect(page.text).toContain('Công ty TNHH Chế biến Nông sản Tâm Phát');
    expect(page.text).toContain('Chờ kích hoạt');

    const issued = await admin.submit(`${created.headers.location}/activation-code`, {});
    const code = /<code class="secret activation-code">([A-Z0-9]{8})<\/code>/.exec(issued.text)?.[1];
    expect(code).toBeDefined();

    const officer = new Browser(app);
    await officer.get('/activate');
    const activated = await officer.submit('/activate', {
      username: 'congdoan.mo',
      code: code!.toLowerCase(),
      password: 'Cờ đỏ sao vàng 1945',
      passwordConfirm: 'Cờ đỏ sao vàng 1945',
    });
    expect(activated.status).toBe(303);
    // First sign-in: the privacy notice comes before anything else.
    expect((await officer.get('/workers')).headers.location).toBe('/privacy/consent');
    await officer.acceptPrivacyNotice();
    const workers = await officer.get('/workers');
    expect(workers.status).toBe(200);

    // The code works once only.
    const again = new Browser(app);
    await again.get('/activate');
    const reused = await again.submit('/activate', {
      username: 'congdoan.mo',
      code: code!,
      password: 'Một câu khác, đủ dài để thử lại',
      passwordConfirm: 'Một câu khác, đủ dài để thử lại',
    });
    expect(reused.status).toBe(400);
    expect(reused.text).toContain('Mã kích hoạt không đúng hoặc đã hết hạn');
  });

  it('keeps what was typed and explains a bad user name and a missing scope', async () => {
    const admin = new Browser(app);
    await admin.login('liendoan');
    await admin.get('/admin/users/new');
    const res = await admin.submit('/admin/users', {
      username: 'Có Dấu',
      displayName: 'Lê Văn Nam',
      role: 'UNION_OFFICER',
      scope: 'ALL',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Tên đăng nhập chỉ gồm chữ thường không dấu');
    expect(res.text).toContain('value="Lê Văn Nam"');
    const scoped = await admin.submit('/admin/users', {
      username: 'le.nam',
      displayName: 'Lê Văn Nam',
      role: 'UNION_OFFICER',
      scope: 'ALL',
    });
    expect(scoped.status).toBe(400);
    expect(scoped.text).toContain('Phạm vi không phù hợp với vai trò đã chọn.');
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = new Browser(app);
    await admin.login('liendoan');
    const officer = new Browser(app);
    await officer.login('congdoan.dakmil');
    await officer.agent.get('/account').expect(200);

    const list = await admin.get('/admin/users?q=congdoan.dakmil');
    const id = /href="\/admin\/users\/(\d+)">congdoan\.dakmil</.exec(list.text)?.[1];
    await admin.get(`/admin/users/${id}`);
    expect((await admin.submit(`/admin/users/${id}/status`, { status: 'DISABLED' })).status).toBe(303);

    const after = await officer.agent.get('/account');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/login');
  });

  it('does not let a federation admin grant the system admin role, nor others use these pages', async () => {
    const admin = new Browser(app);
    await admin.login('liendoan');
    await admin.get('/admin/users/new');
    const res = await admin.submit('/admin/users', {
      username: 'root2',
      displayName: 'Root',
      role: 'SYSTEM_ADMIN',
      scope: 'ALL',
    });
    expect(res.status).toBe(403);
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    await officer.agent.get('/admin/users').expect(403);
  });
});
