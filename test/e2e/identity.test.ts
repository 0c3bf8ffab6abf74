import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { RollupService } from '../../src/indicators/rollup.service';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { textOf } from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';
import { todayInVietnam } from '../../src/common/time/vietnam-time';

/**
 * One person, many employers (issue 9) on the embedded default with the demo data: a corrected
 * start date corrects the employment (the population stays), and a row that names another
 * enterprise's worker with other identity data waits for the federation admin, who rejects or
 * accepts it with a reason — audited, and the officer who sent it is told.
 */
describe('identity across enterprises (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let tamPhat: Browser;
  let dakMil: Browser;
  let admin: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    tamPhat = new Browser(app);
    await tamPhat.login('congdoan.tamphat');
    dakMil = new Browser(app);
    await dakMil.login('congdoan.dakmil');
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  const idle = () => (app.get(JobQueue) as InProcessJobQueue).whenIdle();
  const HEADER = 'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ngày vào làm';

  async function importRows(officer: Browser, lines: string[], header = HEADER): Promise<string> {
    await officer.get('/workers/imports');
    const res = await officer.agent
      .post(`/workers/imports`)
      .field('_csrf', officer.csrf)
      .attach('file', Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`), {
        filename: 'danh-sach.csv',
        contentType: 'text/csv',
      });
    expect(res.status).toBe(303);
    await idle();
    return (await officer.get(res.headers.location)).text;
  }

  const enterpriseId = async (taxCode: string) =>
    Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [taxCode]))[0].id);
  const count = (html: string, name: string) =>
    Number(new RegExp(`data-count="${name}">(\\d+)<`).exec(html)?.[1]);

  async function population(taxCode: string): Promise<number> {
    const [plan] = await db.query('SELECT id FROM plans ORDER BY id LIMIT 1');
    const outcome = await app.get(RollupService).run(Number(plan.id), todayInVietnam());
    const [row] = await db.query(
      "SELECT population FROM indicator_snapshot_rows WHERE snapshot_id = ? AND level = 'ENTERPRISE' AND org_id = ?",
      [outcome.snapshotId, await enterpriseId(taxCode)],
    );
    return Number(row.population);
  }

  it('corrects the start date of a re-imported worker instead of counting them twice', async () => {
    const row = (start: string) => `Phan Thị Sửa Ngày,14/02/1992,Nữ,001192777001,${start}`;
    const first = await importRows(tamPhat, [row('01/03/2024')]);
    expect(count(first, 'created')).toBe(1);
    const before = await population('6400123455');

    const corrected = await importRows(tamPhat, [row('01/02/2024')]);
    expect([count(corrected, 'created'), count(corrected, 'updated'), count(corrected, 'errors')]).toEqual([
      0, 1, 0,
    ]);
    const employments = await db.query(
      `SELECT e.id, e.start_date FROM employments e JOIN workers w ON w.id = e.worker_id
       WHERE w.full_name = 'Phan Thị Sửa Ngày'`,
    );
    expect(employments.map((e: { start_date: string }) => String(e.start_date).slice(0, 10))).toEqual([
      '2024-02-01',
    ]);
    expect(await population('6400123455')).toBe(before);
    const [audit] = await db.query(
      "SELECT details FROM audit_log WHERE action = 'employment.corrected' AND subject_id = ?",
      [employments[0].id],
    );
    expect(JSON.parse(audit.details)).toMatchObject({ startDate: ['2024-03-01', '2024-02-01'] });

    // A re-hire is two rows of one file: the earlier time ended, a later one open. Rows of one
    // person whose times overlap are refused.
    const withEnd = `${HEADER},Ngày nghỉ việc`;
    const rehired = await importRows(
      tamPhat,
      [`${row('01/02/2024')},31/05/2025`, `${row('01/09/2026')},`],
      withEnd,
    );
    expect([count(rehired, 'created'), count(rehired, 'updated'), count(rehired, 'errors')]).toEqual([
      1, 1, 0,
    ]);
    const times = await db.query(
      `SELECT e.start_date, e.end_date FROM employments e JOIN workers w ON w.id = e.worker_id
       WHERE w.full_name = 'Phan Thị Sửa Ngày' ORDER BY e.start_date`,
    );
    expect(
      times.map((t: Record<string, unknown>) => [
        String(t.start_date).slice(0, 10),
        t.end_date && String(t.end_date).slice(0, 10),
      ]),
    ).toEqual([
      ['2024-02-01', '2025-05-31'],
      ['2026-09-01', null],
    ]);
    expect(await population('6400123455')).toBe(before);
    const overlapping = await importRows(
      tamPhat,
      [`${row('01/02/2024')},`, `${row('01/09/2026')},`],
      withEnd,
    );
    expect(overlapping).toContain('Cùng người lao động với dòng 2 và thời gian làm việc trùng nhau');
  });

  it('sends a row with another enterprise’s worker under another name to the federation, who rejects then accepts it', async () => {
    const pii = app.get(PiiCipher);
    const [victim] = await db.query(
      `SELECT w.id, w.full_name, w.date_of_birth, w.gender, w.cccd_encrypted FROM workers w
       JOIN employments e ON e.worker_id = w.id WHERE e.enterprise_id = ? AND w.user_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM employments o WHERE o.worker_id = w.id AND o.enterprise_id <> e.enterprise_id)
       ORDER BY w.id LIMIT 1`,
      [await enterpriseId('6400123455')],
    );
    const cccd = pii.decrypt(victim.cccd_encrypted);
    const dob = String(victim.date_of_birth).slice(0, 10).split('-').reverse().join('/');
    const sex = victim.gender === 'FEMALE' ? 'Nữ' : 'Nam';
    const line = `Tên Theo Đắk Mil,${dob},${sex},${cccd},01/10/2026`;

    const report = await importRows(dakMil, [line]);
    expect(count(report, 'errors')).toBe(1);
    expect(report).toContain(
      'Danh tính khác với hồ sơ quốc gia của số CCCD này — Liên đoàn Lao động tỉnh sẽ đối chiếu',
    );
    const [{ n: atDakMil }] = await db.query(
      'SELECT COUNT(*) AS n FROM employments WHERE worker_id = ? AND enterprise_id = ?',
      [victim.id, await enterpriseId('6400234564')],
    );
    expect(Number(atDakMil)).toBe(0);

    // The federation admin's list shows the record beside what Đắk Mil sent.
    const list = await admin.get('/workers/reconciliations?status=OPEN');
    expect(list.status).toBe(200);
    const id = Number(/href="\/workers\/reconciliations\/(\d+)"/.exec(list.text)?.[1]);
    const item = await admin.get(`/workers/reconciliations/${id}`);
    expect(textOf(item.text)).toContain(victim.full_name);
    expect(textOf(item.text)).toContain('Tên Theo Đắk Mil');
    expect(textOf(item.text)).toContain('Công ty Cổ phần Cà phê Đắk Mil Xanh');
    // An officer has no access to it.
    expect((await dakMil.agent.get(`/workers/reconciliations/${id}`)).status).toBe(403);

    // A decision needs a reason.
    const noReason = await admin.submit(`/workers/reconciliations/${id}/decision`, {
      decision: 'reject',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const rejected = await admin.submit(`/workers/reconciliations/${id}/decision`, {
      decision: 'reject',
      reason: 'Không phải cùng một người; kiểm tra lại số CCCD.',
    });
    expect(rejected.status).toBe(303);
    const again = await admin.submit(`/workers/reconciliations/${id}/decision`, {
      decision: 'accept',
      reason: 'x',
    });
    expect(again.status).toBe(400);
    expect(again.text).toContain('Yêu cầu này đã được quyết định trước đó.');
    const notices = await dakMil.get('/notices');
    expect(notices.text).toContain(
      'Liên đoàn đã từ chối yêu cầu đối chiếu danh tính của bạn. Lý do: Không phải cùng một người; kiểm tra lại số CCCD.',
    );
    expect((await db.query('SELECT full_name FROM workers WHERE id = ?', [victim.id]))[0].full_name).toBe(
      victim.full_name,
    );

    // Sent again; this time the federation finds Đắk Mil right (the person's papers were updated).
    await importRows(dakMil, [line]);
    const second = Number(
      (
        await db.query(
          "SELECT MAX(id) AS id FROM identity_reconciliations WHERE worker_id = ? AND status = 'OPEN'",
          [victim.id],
        )
      )[0].id,
    );
    expect(second).not.toBe(id);
    const accepted = await admin.submit(`/workers/reconciliations/${second}/decision`, {
      decision: 'accept',
      reason: 'Đã đối chiếu với CCCD gốc: họ tên đúng theo Đắk Mil.',
    });
    expect(accepted.status).toBe(303);
    expect((await db.query('SELECT full_name FROM workers WHERE id = ?', [victim.id]))[0].full_name).toBe(
      'Tên Theo Đắk Mil',
    );
    const [{ n: nowAtDakMil }] = await db.query(
      'SELECT COUNT(*) AS n FROM employments WHERE worker_id = ? AND enterprise_id = ?',
      [victim.id, await enterpriseId('6400234564')],
    );
    expect(Number(nowAtDakMil)).toBe(1);
    expect((await dakMil.get('/notices')).text).toContain(
      'Liên đoàn đã chấp nhận yêu cầu đối chiếu danh tính của bạn.',
    );

    // The audit trail has every step, with the reasons, and never the names.
    const audit = await admin.get('/admin/audit');
    for (const text of [
      'Mở yêu cầu đối chiếu danh tính',
      'Từ chối đối chiếu danh tính',
      'Chấp nhận đối chiếu danh tính',
      'Sửa danh tính',
      'Gia nhập doanh nghiệp mới',
      'Đã đối chiếu với CCCD gốc: họ tên đúng theo Đắk Mil.',
    ])
      expect(audit.text).toContain(text);
    const details = await db.query('SELECT details FROM audit_log');
    expect(JSON.stringify(details)).not.toContain('Tên Theo Đắk Mil');
  });

  it('answers an officer’s edit of a worker who also works elsewhere with a reconciliation, not a change', async () => {
    const [mover] = await db.query(
      `SELECT w.id, w.full_name, w.date_of_birth, w.gender FROM workers w WHERE
         (SELECT COUNT(DISTINCT e.enterprise_id) FROM employments e WHERE e.worker_id = w.id) > 1
       AND EXISTS (SELECT 1 FROM employments e WHERE e.worker_id = w.id AND e.enterprise_id = ?) LIMIT 1`,
      [await enterpriseId('6400234564')],
    );
    const form = await dakMil.get(`/workers/${mover.id}/edit`);
    expect(form.text).toContain('thuộc hồ sơ quốc gia của người lao động');
    expect(form.text).not.toContain('name="cccd"');
    const [current] = await db.query('SELECT date_of_birth, gender FROM workers WHERE id = ?', [mover.id]);
    const res = await dakMil.submit(`/workers/${mover.id}/edit`, {
      fullName: 'Tên Sửa Tay',
      dateOfBirth: String(current.date_of_birth).slice(0, 10),
      gender: current.gender,
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Yêu cầu đã được chuyển Liên đoàn Lao động tỉnh đối chiếu');
    expect((await db.query('SELECT full_name FROM workers WHERE id = ?', [mover.id]))[0].full_name).toBe(
      mover.full_name,
    );
  });
});
