import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { Browser, createTestApp } from '../support/test-app';

/**
 * A training institution's system reports results through /api/v1/external-records with a
 * personal API token (embedded default with demo data: the demo college is in partnership with
 * Tâm Phát). Idempotent by externalId; only for workers of partner enterprises; clear errors.
 */
describe('external records (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let token = '';
  let partnerWorker: { id: number; cccd: string; dateOfBirth: string };
  let otherWorker: { cccd: string; dateOfBirth: string };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    const editor = new Browser(app);
    await editor.login('truong.caodang');
    await editor.get('/account/tokens');
    const created = await editor.submit('/account/tokens', { name: 'Phần mềm quản lý đào tạo' });
    token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1] ?? '';
    expect(token).toMatch(/^htp_/);
    partnerWorker = await currentWorkerAt('6400123455', 2);
    otherWorker = await currentWorkerAt('6400234564', 0);
  });

  afterAll(async () => {
    await app.close();
  });

  /** A worker currently employed only at the enterprise, with their CCCD decrypted (as the school knows it). */
  async function currentWorkerAt(taxCode: string, index: number) {
    const rows: { id: number; cccd_encrypted: string; date_of_birth: string }[] = await db.query(
      `SELECT w.id, w.cccd_encrypted, w.date_of_birth FROM workers w
       WHERE w.id IN (SELECT e.worker_id FROM employments e JOIN enterprises x ON x.id = e.enterprise_id
                      WHERE x.tax_code = ? AND e.end_date IS NULL)
         AND w.id NOT IN (SELECT e.worker_id FROM employments e JOIN enterprises x ON x.id = e.enterprise_id
                          WHERE x.tax_code <> ?)
       ORDER BY w.id LIMIT 1 OFFSET ?`,
      [taxCode, taxCode, index],
    );
    const pii = app.get(PiiCipher);
    return {
      id: Number(rows[0].id),
      cccd: pii.decrypt(rows[0].cccd_encrypted),
      dateOfBirth: String(rows[0].date_of_birth).slice(0, 10),
    };
  }

  const post = (body: object, language?: string) => {
    const req = request(app.getHttpServer())
      .post('/api/v1/external-records')
      .set('Authorization', `Bearer ${token}`);
    if (language) req.set('Accept-Language', language);
    return req.send(body);
  };
  const result = () => ({
    externalId: 'CDCD-E2E-0001',
    cccd: partnerWorker.cccd,
    dateOfBirth: partnerWorker.dateOfBirth,
    title: 'Chứng chỉ Ứng dụng công nghệ thông tin cơ bản',
    programme: 'Bồi dưỡng kỹ năng số',
    certificateNo: 'UDCNTT-2025-077',
    completedOn: '2025-05-20',
    hours: 60,
    domains: ['DIGITAL'],
  });
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  it('stores a result once: 201, then 200 with the same record, one learning record', async () => {
    const first = await post(result()).expect(201);
    expect(first.body).toMatchObject({
      externalId: 'CDCD-E2E-0001',
      title: 'Chứng chỉ Ứng dụng công nghệ thông tin cơ bản',
      completedOn: '2025-05-20',
      hours: 60,
      domains: ['DIGITAL'],
      worker: { id: partnerWorker.id },
    });
    expect(first.body.worker.cccdMasked).toMatch(/^\d{3}\*{7}\d{2}$/);
    expect(JSON.stringify(first.body)).not.toContain(partnerWorker.cccd);

    const again = await post(result()).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(
      await count('SELECT COUNT(*) AS n FROM external_records WHERE external_id = ?', ['CDCD-E2E-0001']),
    ).toBe(1);
    const records: { domain_code: string; hours: number; occurred_on: string }[] = await db.query(
      `SELECT d.domain_code, r.hours, r.occurred_on FROM learning_records r
       JOIN learning_record_domains d ON d.record_id = r.id
       WHERE r.worker_id = ? AND r.source = 'EXTERNAL' AND r.source_ref = ?`,
      [partnerWorker.id, `external:${first.body.id}`],
    );
    expect(records).toEqual([{ domain_code: 'DIGITAL', hours: 60, occurred_on: '2025-05-20' }]);

    const list = await request(app.getHttpServer())
      .get('/api/v1/external-records?q=CDCD-E2E-0001')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([first.body.id]);

    // The search finds the worker's name without its accents; the list names the institution.
    const [institution]: { name: string }[] = await db.query(
      'SELECT name FROM training_institutions WHERE id = ?',
      [first.body.institutionId],
    );
    const byName = await request(app.getHttpServer())
      .get('/api/v1/external-records')
      .query({ q: foldVietnamese(first.body.worker.fullName) })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(byName.body.items).toEqual([
      expect.objectContaining({ id: first.body.id, institutionName: institution.name }),
    ]);
  });

  it('refuses the same externalId with different content (409), in the caller’s language', async () => {
    const vi = await post({ ...result(), hours: 80 }).expect(409);
    expect(vi.body.message).toContain('Mã kết quả "CDCD-E2E-0001" đã được gửi trước đó với nội dung khác');
    const en = await post({ ...result(), completedOn: '2025-05-21' }, 'en').expect(409);
    expect(en.body.message).toContain(
      'The externalId "CDCD-E2E-0001" was already sent with different content',
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM external_records WHERE external_id = ?', ['CDCD-E2E-0001']),
    ).toBe(1);
  });

  it('answers 404 for a worker the institution may not report on, without saying whether the CCCD exists', async () => {
    const elsewhere = await post({
      ...result(),
      externalId: 'CDCD-E2E-0002',
      cccd: otherWorker.cccd,
      dateOfBirth: otherWorker.dateOfBirth,
    }).expect(404);
    const unknown = await post({
      ...result(),
      externalId: 'CDCD-E2E-0003',
      cccd: '001090123456',
      dateOfBirth: '1990-01-01',
    }).expect(404);
    const wrongBirth = await post({
      ...result(),
      externalId: 'CDCD-E2E-0004',
      dateOfBirth: '1950-01-01',
    }).expect(404);
    expect(elsewhere.body.message).toBe(
      'Không tìm thấy người lao động này trong các doanh nghiệp liên kết với cơ sở đào tạo (kiểm tra số CCCD và ngày sinh).',
    );
    expect(unknown.body).toEqual(elsewhere.body);
    expect(wrongBirth.body).toEqual(elsewhere.body);
    const english = await post(
      { ...result(), externalId: 'CDCD-E2E-0005', cccd: otherWorker.cccd },
      'en',
    ).expect(404);
    expect(english.body.message).toContain('Worker not found for this institution');
  });

  it('names an unknown domain in Vietnamese, or in English with Accept-Language: en', async () => {
    const bad = { ...result(), externalId: 'CDCD-E2E-0006', domains: ['DIGITAL', 'CHEMISTRY'] };
    const vi = await post(bad).expect(400);
    expect(vi.body.message).toBe(
      'Lĩnh vực không hợp lệ: "CHEMISTRY". Các mã hợp lệ: LAW, VOCATIONAL, LIFE_SKILLS, DIGITAL.',
    );
    expect(vi.body.errors.domains).toBe(vi.body.message);
    const en = await post(bad, 'en-US,en;q=0.9').expect(400);
    expect(en.body.message).toBe(
      'Unknown domain: "CHEMISTRY". Valid codes: LAW, VOCATIONAL, LIFE_SKILLS, DIGITAL.',
    );
    // Field checks answer per field.
    const invalid = await post({
      ...result(),
      externalId: 'CDCD-E2E-0007',
      hours: 0,
      completedOn: '2025-02-30',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.hours).toBe(
      'Số giờ phải lớn hơn 0 và không quá 2000 (tối đa 2 chữ số thập phân).',
    );
    expect(invalid.body.errors.completedOn).toBe('Ngày không hợp lệ (dạng dd/mm/yyyy).');
    const future = await post({ ...result(), externalId: 'CDCD-E2E-0008', completedOn: '2099-01-01' }).expect(
      400,
    );
    expect(future.body.message).toBe('Ngày hoàn thành không được sau ngày hôm nay.');
    expect(
      await count("SELECT COUNT(*) AS n FROM external_records WHERE external_id LIKE 'CDCD-E2E-%'", []),
    ).toBe(1);
  });

  it('lets only institution editors post, and shows the results on their page and to the officer', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    await officer.agent
      .post('/api/v1/external-records')
      .set('Accept', 'application/json')
      .send(result())
      .expect(403);

    const editor = new Browser(app);
    await editor.login('truong.caodang');
    const page = await editor.get('/external-records');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Chứng chỉ Ứng dụng công nghệ thông tin cơ bản');
    expect(page.text).toContain('Công ty TNHH Chế biến Nông sản Tâm Phát');
    expect(page.text).not.toContain(partnerWorker.cccd);

    const records = await officer.get('/learning-records?source=EXTERNAL');
    const link = /href="(\/external-records\/\d+)"/.exec(records.text)?.[1];
    expect(link).toBeDefined();
    const detail = await officer.get(link!);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Trường Cao đẳng Cộng đồng Đắk Nông');
    const other = new Browser(app);
    await other.login('congdoan.dakmil');
    await other.agent.get(link!).expect(404);
  });

  it('lets an officer link their enterprise with an institution, and refuses a second link', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.dakmil');
    const page = await officer.get('/partnerships');
    expect(page.status).toBe(200);
    const institution = /<option value="(\d+)">Trường Cao đẳng Cộng đồng Đắk Nông<\/option>/.exec(
      page.text,
    )?.[1];
    expect(institution).toBeDefined();
    const linked = await officer.submit('/partnerships', {
      institutionId: institution!,
      since: '2025-01-01',
    });
    expect(linked.status).toBe(303);
    const twice = await officer.submit('/partnerships', { institutionId: institution! });
    expect(twice.status).toBe(400);
    expect(twice.text).toContain('Doanh nghiệp đã liên kết với cơ sở đào tạo này.');
    // The federation admin links any enterprise, by its tax code.
    const admin = new Browser(app);
    await admin.login('liendoan');
    await admin.get('/partnerships');
    const byTaxCode = await admin.submit('/partnerships', {
      taxCode: '6400 345 673',
      institutionId: institution!,
    });
    expect(byTaxCode.status).toBe(303);
    const all = await admin.get('/partnerships');
    expect(all.text).toContain('Công ty TNHH Alumin Nhân Cơ Dịch vụ');
    expect(all.text).toContain('Công ty Cổ phần Cà phê Đắk Mil Xanh');
    // Now the institution may report on Đắk Mil's workers.
    await post({
      ...result(),
      externalId: 'CDCD-E2E-0009',
      cccd: otherWorker.cccd,
      dateOfBirth: otherWorker.dateOfBirth,
    }).expect(201);
  });
});
