import { INestApplication } from '@nestjs/common';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uploadsConfig, UploadsConfig } from '../../src/config';
import { samples } from '../support/sample-files';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Open learning materials on the embedded default (demo data): public browsing and downloads
 * without an account, LRMI JSON-LD on each page, harvesting through /api/v1/materials, and
 * institution editors sharing files and links.
 */
describe('materials (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let uploadDir: string;
  let editor: Browser;
  const anonymous = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    uploadDir = app.get<UploadsConfig>(uploadsConfig.KEY).dir;
    editor = new Browser(app);
    await editor.login('truong.caodang');
  });

  afterAll(async () => {
    await app.close();
  });

  const HANDBOOK = 'Sổ tay an toàn vệ sinh lao động cho công nhân nhà máy';
  const PORTAL = 'Cổng Dịch vụ công quốc gia';

  const materialId = async (title: string) =>
    Number((await db.query('SELECT id FROM learning_materials WHERE title = ?', [title]))[0]?.id);
  const downloads = async (id: number) =>
    Number(
      (await db.query('SELECT download_count FROM learning_materials WHERE id = ?', [id]))[0].download_count,
    );
  const jsonLd = (html: string) => {
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(block).toBeDefined();
    return JSON.parse(block!) as Record<string, unknown> & { about: { termCode: string }[] };
  };
  const fieldError = (html: string, field: string) =>
    new RegExp(`<p id="e-${field}" class="error">([^<]+)</p>`).exec(html)?.[1];
  const filesOnDisk = (dir = uploadDir): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesOnDisk(path) : [path];
    });
  const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  it('lists the published materials for anyone, searching without diacritics', async () => {
    const list = await anonymous().get('/materials').expect(200);
    expect(list.text).toContain('Học liệu mở');
    expect(list.text).toContain(HANDBOOK);
    expect(list.text).toContain(PORTAL);

    const byTitle = await anonymous().get('/materials?q=so tay an toan').expect(200);
    expect(byTitle.text).toContain(HANDBOOK);
    expect(byTitle.text).not.toContain(PORTAL);
    // "phòng cháy chữa cháy" is one of its keywords, not in its title.
    const byKeyword = await anonymous().get('/materials?q=phong chay chua chay').expect(200);
    expect(byKeyword.text).toContain(HANDBOOK);

    const digital = await anonymous().get('/materials?domain=DIGITAL').expect(200);
    expect(digital.text).toContain(PORTAL);
    expect(digital.text).not.toContain(HANDBOOK);
    const [{ id: college }] = await db.query(
      "SELECT id FROM training_institutions WHERE name = 'Trường Cao đẳng Cộng đồng Đắk Nông'",
    );
    const byInstitution = await anonymous().get(`/materials?institutionId=${college}`).expect(200);
    expect(byInstitution.text).toContain(HANDBOOK);
  });

  it('shows a material page with schema.org LearningResource JSON-LD carrying its licence', async () => {
    const id = await materialId(HANDBOOK);
    const page = await anonymous().get(`/materials/${id}`).expect(200);
    expect(page.text).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(page.text).toContain(`/materials/${id}/download`);
    const data = jsonLd(page.text);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LearningResource',
      name: HANDBOOK,
      inLanguage: 'vi',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      // A faculty wrote it: an Organization, as the demo data says, not a Person.
      author: { '@type': 'Organization', name: 'Khoa Kỹ thuật – Công nghệ' },
      publisher: { '@type': 'EducationalOrganization', name: 'Trường Cao đẳng Cộng đồng Đắk Nông' },
      keywords: 'an toàn lao động, bảo hộ lao động, phòng cháy chữa cháy, sơ cứu',
      learningResourceType: 'text',
      encodingFormat: 'application/pdf',
      creativeWorkStatus: 'Published',
    });
    expect(data.about.map((a) => a.termCode)).toEqual(['VOCATIONAL']);
    expect(String(data.url)).toMatch(new RegExp(`/materials/${id}$`));
    expect(String(data.contentUrl)).toMatch(new RegExp(`/materials/${id}/download$`));
    expect(data.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts each download, sending the file or following the link', async () => {
    const id = await materialId(HANDBOOK);
    const before = await downloads(id);
    const changed = async () =>
      (await db.query('SELECT updated_at FROM learning_materials WHERE id = ?', [id]))[0].updated_at;
    const changedBefore = await changed();
    const file = await anonymous().get(`/materials/${id}/download`).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="So tay an toan ve sinh lao dong.pdf"/,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect((file.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await anonymous().get(`/materials/${id}/download`).expect(200);
    expect(await downloads(id)).toBe(before + 2);
    // A download is not a change harvesters need to fetch again.
    expect(await changed()).toBe(changedBefore);

    const portal = await materialId(PORTAL);
    const link = await anonymous().get(`/materials/${portal}/download`).expect(302);
    expect(link.headers.location).toBe('https://dichvucong.gov.vn');
    expect(await downloads(portal)).toBe(1);
  });

  it('offers the materials for harvesting at /api/v1/materials as LRMI', async () => {
    const all = await anonymous().get('/api/v1/materials').expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(6);
    const handbook = all.body.items.find((m: { name: string }) => m.name === HANDBOOK);
    expect(handbook).toMatchObject({
      '@type': 'LearningResource',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      encodingFormat: 'application/pdf',
    });
    const law = await anonymous().get('/api/v1/materials?domain=LAW').expect(200);
    expect(law.body.items.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(['Toàn văn Bộ luật Lao động 2019']),
    );
    expect(
      law.body.items.every((m: { about: { termCode: string }[] }) =>
        m.about.some((a) => a.termCode === 'LAW'),
      ),
    ).toBe(true);
    const future = await anonymous().get('/api/v1/materials?updatedSince=2100-01-01T00:00:00Z').expect(200);
    expect(future.body).toMatchObject({ items: [], total: 0 });
    await anonymous().get('/api/v1/materials?updatedSince=yesterday').expect(400);
    // The API's description is for signed-in callers (API_DOCS_PUBLIC=true opens it to anyone).
    await anonymous().get('/api/docs/openapi.json').expect(401);
    const docs = await editor.agent.get('/api/docs/openapi.json').expect(200);
    expect(docs.body.paths['/api/v1/materials']).toBeDefined();
  });

  it('lets an editor share a file, refusing one whose bytes are not what its name says', async () => {
    await editor.get('/catalog/materials/new');
    const rowsBefore = Number((await db.query('SELECT COUNT(*) AS n FROM stored_files'))[0].n);
    const filesBefore = filesOnDisk().length;
    const post = (bytes: Buffer, filename: string, fields: Record<string, string> = {}) => {
      const req = editor.agent.post(`/catalog/materials`).field('_csrf', editor.csrf);
      for (const [key, value] of Object.entries({
        title: 'Hướng dẫn sơ cứu tại xưởng',
        kind: 'FILE',
        author: 'Tổ Y tế',
        licence: 'CC-BY-4.0',
        language: 'vi',
        domains: 'VOCATIONAL',
        keywords: 'sơ cứu, tai nạn lao động',
        ...fields,
      }))
        req.field(key, value);
      return req.attach('file', bytes, { filename, contentType: 'application/pdf' });
    };
    const renamed = await post(samples.png(), 'so-cuu.pdf');
    expect(renamed.status).toBe(400);
    expect(fieldError(renamed.text, 'file')).toBe(
      'Tệp có đuôi .pdf nhưng nội dung thực chất là ảnh PNG. Hãy chọn đúng tệp, hoặc đặt lại tên tệp cho đúng loại.',
    );
    // What was typed is kept; the file must be chosen again.
    expect(renamed.text).toContain('value="Hướng dẫn sơ cứu tại xưởng"');
    const missingAuthor = await post(samples.pdf(), 'so-cuu.pdf', { author: '' });
    expect(missingAuthor.status).toBe(400);
    expect(fieldError(missingAuthor.text, 'author')).toBe('Bắt buộc nhập.');
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM stored_files'))[0].n)).toBe(rowsBefore);
    expect(filesOnDisk()).toHaveLength(filesBefore);

    const created = await post(samples.pdf(), 'Hướng dẫn sơ cứu.pdf');
    expect(created.status).toBe(303);
    const id = Number(/^\/catalog\/materials\/(\d+)$/.exec(created.headers.location)?.[1]);
    await anonymous().get(`/materials/${id}`).expect(404);
    await editor.get(`/catalog/materials/${id}`);
    expect((await editor.submit(`/catalog/materials/${id}/publish`, {})).status).toBe(303);
    const page = await anonymous().get(`/materials/${id}`).expect(200);
    expect(jsonLd(page.text).name).toBe('Hướng dẫn sơ cứu tại xưởng');
    // The form left the author a person (its default); the editor says it is a team.
    expect(jsonLd(page.text).author).toEqual({ '@type': 'Person', name: 'Tổ Y tế' });
    const form = await editor.get(`/catalog/materials/${id}`);
    expect(form.text).toContain('<option value="ORGANIZATION">Tổ chức, đơn vị</option>');
    const retyped = await editor.agent
      .post(`/catalog/materials/${id}`)
      .field('_csrf', editor.csrf)
      .field('title', 'Hướng dẫn sơ cứu tại xưởng')
      .field('kind', 'FILE')
      .field('author', 'Tổ Y tế')
      .field('authorType', 'ORGANIZATION')
      .field('licence', 'CC-BY-4.0')
      .field('language', 'vi')
      .field('domains', 'VOCATIONAL');
    expect(retyped.status).toBe(303);
    const again = await anonymous().get(`/materials/${id}`).expect(200);
    expect(jsonLd(again.text).author).toEqual({ '@type': 'Organization', name: 'Tổ Y tế' });
    const [{ owner_type: ownerType, owner_id: ownerId }] = await db.query(
      'SELECT f.owner_type, f.owner_id FROM stored_files f JOIN learning_materials m ON m.file_id = f.id WHERE m.id = ?',
      [id],
    );
    expect([ownerType, Number(ownerId)]).toEqual(['MATERIAL', id]);

    // Archived: gone from the public pages; harvesters following changes learn it was archived.
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await editor.submit(`/catalog/materials/${id}/archive`, {})).status).toBe(303);
    await anonymous().get(`/materials/${id}`).expect(404);
    await anonymous().get(`/materials/${id}/download`).expect(404);
    const changes = await anonymous()
      .get(`/api/v1/materials?updatedSince=${encodeURIComponent(since)}`)
      .expect(200);
    expect(
      changes.body.items.find((m: { name: string }) => m.name === 'Hướng dẫn sơ cứu tại xưởng'),
    ).toMatchObject({
      creativeWorkStatus: 'Archived',
    });
  });

  it('shares a link only over https, and escapes the page data so it cannot break out of JSON-LD', async () => {
    await editor.get('/catalog/materials/new');
    const link = (fields: Record<string, string>) => {
      const req = editor.agent.post(`/catalog/materials`).field('_csrf', editor.csrf);
      for (const [key, value] of Object.entries({
        title: 'Tài liệu </script><script>alert(1)</script>',
        kind: 'LINK',
        url: 'https://dichvucong.gov.vn/p/home/dvc-huong-dan.html',
        author: 'Văn phòng Chính phủ',
        licence: 'ALL-RIGHTS-RESERVED',
        language: 'vi',
        domains: 'DIGITAL',
        ...fields,
      }))
        req.field(key, value);
      return req;
    };
    const plain = await link({ url: 'http://example.com/tai-lieu' });
    expect(plain.status).toBe(400);
    expect(fieldError(plain.text, 'url')).toBe('Địa chỉ web không hợp lệ.');
    const noUrl = await link({ url: '' });
    expect(noUrl.status).toBe(400);
    expect(fieldError(noUrl.text, 'url')).toBe('Nhập đường dẫn https của học liệu.');

    const created = await link({});
    expect(created.status).toBe(303);
    const id = Number(/(\d+)$/.exec(created.headers.location)?.[1]);
    await editor.get(`/catalog/materials/${id}`);
    await editor.submit(`/catalog/materials/${id}/publish`, {});
    const page = await anonymous().get(`/materials/${id}`).expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    const data = jsonLd(page.text);
    expect(data.name).toBe('Tài liệu </script><script>alert(1)</script>');
    expect(data.license).toBeUndefined();
    expect(data.copyrightNotice).toBe('All rights reserved');
    expect(data.contentUrl).toBe('https://dichvucong.gov.vn/p/home/dvc-huong-dan.html');
  });

  it('refuses to publish a material without a learning domain, saying why', async () => {
    await editor.get('/catalog/materials/new');
    const created = await editor.agent
      .post(`/catalog/materials`)
      .field('_csrf', editor.csrf)
      .field('title', 'Chưa chọn lĩnh vực')
      .field('kind', 'LINK')
      .field('url', 'https://www.congdoan.vn')
      .field('author', 'Tổng Liên đoàn Lao động Việt Nam')
      .field('licence', 'ALL-RIGHTS-RESERVED')
      .field('language', 'vi');
    expect(created.status).toBe(303);
    const id = Number(/(\d+)$/.exec(created.headers.location)?.[1]);
    await editor.get(`/catalog/materials/${id}`);
    const refused = await editor.submit(`/catalog/materials/${id}/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Chưa thể xuất bản học liệu. Vui lòng bổ sung các mục sau.');
    expect(refused.text).toContain('Chưa chọn lĩnh vực học tập nào.');
  });

  it('keeps editors to their own institution’s materials', async () => {
    const id = await materialId(HANDBOOK);
    const admin = new Browser(app);
    await admin.login('liendoan');
    expect((await admin.get(`/catalog/materials/${id}`)).status).toBe(200);
    expect((await admin.submit(`/catalog/materials/${id}/archive`, {})).status).toBe(403);
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    await officer.agent.get(`/catalog/materials/${id}`).expect(403);
    await officer.agent.get('/materials').expect(200);
  });
});
