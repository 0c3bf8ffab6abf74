import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { todayInVietnam } from '../../../src/common/time/vietnam-time';
import { ReportingBodyKind } from '../../../src/indicators/entities/reporting-body.entity';
import { binary, ensureReportingBody, pdfText, seededPlan, textOf } from '../../support/indicators-factory';
import { Browser, createTestApp } from '../../support/test-app';

/**
 * Issue 15's third "done when", end to end: a commendation the federation approves shows in the
 * province's annual report — on the page, in its XLSX and in its PDF — and a declined one does not.
 */
describe('an approved commendation in the annual report (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: Browser;
  let federation: Browser;
  const year = Number(todayInVietnam().slice(0, 4));
  let reportUrl = '';
  const names = { approved: '', declined: '' };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    const bodyId = await ensureReportingBody(db, {
      planId: (await seededPlan(db)).id,
      kind: ReportingBodyKind.Federation,
      name: 'Liên đoàn Lao động tỉnh',
      dueMonthDay: '12-15',
      position: 99,
    });
    reportUrl = `/reports/bodies/${bodyId}/years/${year}`;
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    federation = new Browser(app);
    await federation.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  /** Two workers employed at Tâm Phát today who have no commendation this year yet. */
  async function nominees(): Promise<{ id: number; name: string }[]> {
    const today = todayInVietnam();
    const rows: { id: number; name: string }[] = await db.query(
      `SELECT w.id, w.full_name AS name FROM workers w WHERE w.id IN (
         SELECT e.worker_id FROM employments e JOIN enterprises x ON x.id = e.enterprise_id
         WHERE x.tax_code = '6400123455' AND e.start_date <= ? AND (e.end_date IS NULL OR e.end_date >= ?))
       AND w.id NOT IN (SELECT worker_id FROM commendations WHERE worker_id IS NOT NULL AND year = ?)
       ORDER BY w.id LIMIT 2`,
      [today, today, year],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  async function nominateAndDecide(workerId: number, decision: Record<string, string>): Promise<void> {
    await officer.get('/engagement/commendations/new');
    const nominated = await officer.agent
      .post('/engagement/commendations')
      .field('_csrf', officer.csrf)
      .field('year', String(year))
      .field('kind', 'WORKER')
      .field('workerId', String(workerId))
      .field('achievement', 'Tự học tin học văn phòng, hướng dẫn lại cho tổ');
    expect(nominated.status).toBe(303);
    const id = /\/engagement\/commendations\/(\d+)/.exec(nominated.headers.location)?.[1];
    expect(id).toBeDefined();
    await federation.get(`/engagement/commendations/${id}`);
    expect((await federation.submit(`/engagement/commendations/${id}/decision`, decision)).status).toBe(303);
  }

  it('shows the approved commendation, not the declined one, on the report page, in its XLSX and its PDF', async () => {
    const [approved, declined] = await nominees();
    names.approved = approved.name;
    names.declined = declined.name;
    await nominateAndDecide(approved.id, { decision: 'APPROVED' });
    await nominateAndDecide(declined.id, { decision: 'DECLINED', reason: 'Chưa đủ minh chứng' });

    const page = await federation.get(reportUrl);
    expect(page.status).toBe(200);
    const section = /<section[^>]*data-section="commendations">([\s\S]*?)<\/section>/.exec(page.text)?.[1];
    expect(section).toBeDefined();
    expect(textOf(section!)).toContain(names.approved);
    expect(textOf(section!)).not.toContain(names.declined);

    const xlsx = await federation.agent.get(`${reportUrl}?format=xlsx`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => {
      const values: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value ?? ''))));
      return values;
    });
    expect(cells).toContain(names.approved);
    expect(cells).not.toContain(names.declined);

    const pdf = await federation.agent.get(`${reportUrl}?format=pdf`).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain(names.approved);
    expect(text).not.toContain(names.declined);
  });
});
