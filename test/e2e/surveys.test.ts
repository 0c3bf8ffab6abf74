import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PersonalDataProviders } from '../../src/common/personal-data/personal-data-providers';
import { ReportSections } from '../../src/common/report-sections/report-sections';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { CODE_ATTEMPTS } from '../../src/engagement/surveys/survey-answering.service';
import { Browser, createTestApp } from '../support/test-app';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';
const OPEN_WITHHELD =
  'Kết quả tổng hợp của doanh nghiệp chỉ hiển thị sau khi khảo sát kết thúc và có từ 5 người trả lời trở lên.';

/**
 * Learning-needs surveys on the embedded default (issue 15, item 1): the federation builds a survey
 * for two enterprises and publishes it; ten workers answer (the demo worker signed in, the others
 * with codes their officers printed); a worker cannot answer twice, not even with two submits at
 * once; officers see their enterprise's rate and never a single answer; the results page and its
 * XLSX hold the same numbers; and nobody outside reaches what is not theirs.
 */
describe('surveys (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let federation: Browser;
  let tamPhatOfficer: Browser;
  let dakMilOfficer: Browser;
  let department: Browser;
  let worker: Browser;
  let tamPhatId = 0;
  let dakMilId = 0;
  let surveyId = 0;
  let onlyTamPhatId = 0;
  let questionIds: number[] = [];
  const today = todayInVietnam();

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  /** A form with repeated fields (checkboxes), as a browser sends it. */
  const post = (b: Browser, path: string, pairs: [string, string | number][]) =>
    b.agent
      .post(path)
      .type('form')
      .send(
        [['_csrf', b.csrf], ...pairs]
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&'),
      );

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    federation = new Browser(app);
    await federation.login('liendoan');
    tamPhatOfficer = new Browser(app);
    await tamPhatOfficer.login('congdoan.tamphat');
    dakMilOfficer = new Browser(app);
    await dakMilOfficer.login('congdoan.dakmil');
    department = new Browser(app);
    await department.login('so.gddt');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    const id = async (tax: string) =>
      Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [tax]))[0].id);
    tamPhatId = await id(TAM_PHAT);
    dakMilId = await id(DAK_MIL);
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a survey that closes before it opens, saving nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM surveys');
    await federation.get('/surveys/new');
    const res = await federation.submit('/surveys', {
      title: 'Khảo sát thử',
      opensOn: addDays(today, 5),
      closesOn: addDays(today, 1),
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Ngày kết thúc không được trước ngày mở.');
    expect(await count('SELECT COUNT(*) AS n FROM surveys')).toBe(before);
  });

  it('lets the federation build a survey, aim it at two enterprises and publish it', async () => {
    const created = await federation.submit('/surveys', {
      title: 'Khảo sát nhu cầu học tập quý này',
      description: 'Để lập kế hoạch học tập',
      opensOn: today,
      closesOn: addDays(today, 20),
    });
    expect(created.status).toBe(303);
    surveyId = Number(/^\/surveys\/(\d+)$/.exec(created.headers.location)?.[1]);
    expect(surveyId).toBeGreaterThan(0);

    // Publishing without a question says why and publishes nothing.
    await federation.get(`/surveys/${surveyId}`);
    const early = await federation.submit(`/surveys/${surveyId}/publish`, {});
    expect(early.status).toBe(400);
    expect(early.text).toContain('Hãy thêm ít nhất một câu hỏi trước khi công bố.');

    // A choice question with one choice only is refused.
    const bad = await federation.submit(`/surveys/${surveyId}/questions`, {
      kind: 'SINGLE',
      text: 'Một?',
      choices: 'Chỉ một',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Cần từ 2 đến 20 phương án');

    for (const q of [
      { kind: 'SINGLE', text: 'Hình thức học phù hợp nhất?', choices: 'Trực tuyến\nTập trung\nKết hợp' },
      { kind: 'MULTIPLE', text: 'Muốn học thêm lĩnh vực nào?', choices: 'Pháp luật\nKỹ năng nghề\nTin học' },
      { kind: 'SCALE', text: 'Thời gian dành cho học mỗi tuần?', lowLabel: 'Rất ít', highLabel: 'Nhiều' },
      { kind: 'TEXT', text: 'Cần hỗ trợ gì?', optional: 'true' },
    ])
      expect((await federation.submit(`/surveys/${surveyId}/questions`, q)).status).toBe(303);
    questionIds = (
      await db.query('SELECT id FROM survey_questions WHERE survey_id = ? ORDER BY position', [surveyId])
    ).map((r: { id: number }) => Number(r.id));
    expect(questionIds).toHaveLength(4);

    const targets = await post(federation, `/surveys/${surveyId}/targets`, [
      ['enterpriseIds', tamPhatId],
      ['enterpriseIds', dakMilId],
    ]);
    expect(targets.status).toBe(303);
    const published = await federation.submit(`/surveys/${surveyId}/publish`, {});
    expect(published.status).toBe(303);
    const page = await federation.get(`/surveys/${surveyId}`);
    expect(page.text).toContain('Đã công bố khảo sát tới 2 doanh nghiệp.');
    expect(await count('SELECT COUNT(*) AS n FROM survey_enterprises WHERE survey_id = ?', [surveyId])).toBe(
      2,
    );
    // Published: the questions no longer change.
    const late = await federation.submit(`/surveys/${surveyId}/questions`, { kind: 'TEXT', text: 'Thêm?' });
    expect(late.status).toBe(400);
    expect(late.text).toContain('Khảo sát đã công bố, không sửa được nữa.');
    expect(await count('SELECT COUNT(*) AS n FROM survey_questions WHERE survey_id = ?', [surveyId])).toBe(4);
  });

  it('shows the open survey to the worker and refuses an incomplete answer, saving nothing', async () => {
    const mine = await worker.get('/surveys/mine');
    expect(mine.text).toContain('Khảo sát nhu cầu học tập quý này');
    const form = await worker.get(`/surveys/${surveyId}/answer`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<legend>1. Hình thức học phù hợp nhất?');
    const [single, multiple] = questionIds;
    const res = await post(worker, `/surveys/${surveyId}/answer`, [
      [`q_${single}`, 0],
      [`q_${multiple}`, 1],
    ]);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Vui lòng trả lời câu hỏi này.');
    expect(await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ?', [surveyId])).toBe(0);
  });

  const answers = (n: number): [string, string | number][] => {
    const [single, multiple, scale, text] = questionIds;
    const pairs: [string, string | number][] = [
      [`q_${single}`, n % 3],
      [`q_${multiple}`, n % 3],
      [`q_${scale}`, 1 + (n % 5)],
    ];
    if (n % 2 === 0) pairs.push([`q_${multiple}`, (n + 1) % 3]);
    if (n === 0) pairs.push([`q_${text}`, 'Học vào buổi tối sau ca']);
    return pairs;
  };

  it('takes the signed-in worker’s answers once, even when sent twice at the same time', async () => {
    await worker.get(`/surveys/${surveyId}/answer`);
    const [a, b] = await Promise.all([
      post(worker, `/surveys/${surveyId}/answer`, answers(0)),
      post(worker, `/surveys/${surveyId}/answer`, answers(0)),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 400]);
    const again = await post(worker, `/surveys/${surveyId}/answer`, answers(1));
    expect(again.status).toBe(400);
    expect(again.text).toContain('Bạn đã trả lời khảo sát này rồi');
    expect(await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ?', [surveyId])).toBe(1);
    const mine = await worker.get('/surveys/mine');
    expect(mine.text).toContain('Bạn đã trả lời khảo sát này. Cảm ơn bạn!');
  });

  let tamPhatCodes: string[] = [];
  let dakMilCodes: string[] = [];

  it('lets each officer print single-use codes for their own enterprise, shown once', async () => {
    await tamPhatOfficer.get(`/surveys/${surveyId}`);
    const issued = await tamPhatOfficer.submit(`/surveys/${surveyId}/codes`, { count: 6 });
    expect(issued.status).toBe(303);
    const print = await tamPhatOfficer.get(`/surveys/${surveyId}/codes`);
    tamPhatCodes = [...print.text.matchAll(/class="survey-code-value">([A-Z0-9-]+)</g)].map((m) => m[1]);
    expect(tamPhatCodes).toHaveLength(6);
    expect((await tamPhatOfficer.get(`/surveys/${surveyId}/codes`)).text).not.toContain('survey-code-value');
    // Only hashes are kept.
    const stored = await db.query('SELECT code_hash FROM survey_codes WHERE enterprise_id = ?', [tamPhatId]);
    expect(stored.map((r: { code_hash: string }) => r.code_hash)).not.toContain(tamPhatCodes[0]);
    // More than 200 at once is refused.
    const many = await tamPhatOfficer.submit(`/surveys/${surveyId}/codes`, { count: 201 });
    expect(many.status).toBe(400);

    await dakMilOfficer.get(`/surveys/${surveyId}`);
    await dakMilOfficer.submit(`/surveys/${surveyId}/codes`, { count: 3 });
    const dakMilPrint = await dakMilOfficer.get(`/surveys/${surveyId}/codes`);
    dakMilCodes = [...dakMilPrint.text.matchAll(/class="survey-code-value">([A-Z0-9-]+)</g)].map((m) => m[1]);
    expect(dakMilCodes).toHaveLength(3);
  });

  it('takes nine answers by code, each code once, counted against its enterprise', async () => {
    let n = 1;
    for (const code of [...tamPhatCodes, ...dakMilCodes]) {
      const visitor = new Browser(app);
      await visitor.get('/survey-code');
      const entered = await visitor.submit('/survey-code', { code: code.toLowerCase().replace('-', ' ') });
      expect(entered.status).toBe(303);
      const form = await visitor.get('/survey-code/answer');
      expect(form.text).toContain('Khảo sát nhu cầu học tập quý này');
      const sent = await post(visitor, '/survey-code/answer', answers(n++));
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe('/survey-code/thanks');
    }
    expect(await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ?', [surveyId])).toBe(
      10,
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ? AND enterprise_id = ?', [
        surveyId,
        dakMilId,
      ]),
    ).toBe(3);
    // A used code is refused.
    const again = new Browser(app);
    await again.get('/survey-code');
    const used = await again.submit('/survey-code', { code: tamPhatCodes[0] });
    expect(used.status).toBe(400);
    expect(used.text).toContain('Mã này đã được dùng.');
    expect(await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ?', [surveyId])).toBe(
      10,
    );
  });

  it('slows down an address that guesses codes', async () => {
    const guesser = new Browser(app);
    await guesser.get('/survey-code');
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const res = await guesser.submit('/survey-code', { code: `ZZZZ-ZZ${String(i).padStart(2, '2')}` });
      expect(res.text).toContain('Mã trả lời không đúng.');
    }
    // Even a right code waits now.
    const locked = await guesser.submit('/survey-code', { code: tamPhatCodes[1] });
    expect(locked.status).toBe(400);
    expect(locked.text).toContain('Nhập sai mã quá nhiều lần.');
    await db.query('DELETE FROM survey_code_attempts');
  });

  it('shows the officer their enterprise’s rate while the survey is open, never an aggregate or a single answer', async () => {
    const roster = await count(
      `SELECT COUNT(DISTINCT worker_id) AS n FROM employments WHERE enterprise_id = ? AND start_date <= ?
         AND (end_date IS NULL OR end_date >= ?)`,
      [tamPhatId, today, today],
    );
    const page = await tamPhatOfficer.get(`/surveys/${surveyId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`7 / ${roster} người lao động đã trả lời`);
    expect(page.text).not.toContain('Đắk Mil Xanh');
    expect(page.text).not.toContain('Học vào buổi tối sau ca');
    // Seven answers, but the survey is open: the aggregate would move with each new answer and tell
    // the latest person's answers apart, so the officer sees the rate only, and the page says why.
    expect(page.text).toContain(OPEN_WITHHELD);
    expect(page.text).not.toContain('Hình thức học phù hợp nhất?');
    const api = (await tamPhatOfficer.agent.get(`/api/v1/surveys/${surveyId}/enterprise-results`).expect(200))
      .body;
    expect(api).toEqual([
      expect.objectContaining({ enterpriseId: tamPhatId, respondents: 7, withheld: 'OPEN', results: null }),
    ]);
    const dakMil = await dakMilOfficer.get(`/surveys/${surveyId}`);
    expect(dakMil.text).toContain(OPEN_WITHHELD);
    expect(dakMil.text).not.toContain('Hình thức học phù hợp nhất?');
    // The officer reaches neither the results nor the API's results.
    expect((await tamPhatOfficer.get(`/surveys/${surveyId}/results`)).status).toBe(403);
    expect((await tamPhatOfficer.agent.get(`/api/v1/surveys/${surveyId}/results`)).status).toBe(403);
    const rates = (await tamPhatOfficer.agent.get(`/api/v1/surveys/${surveyId}/rates`).expect(200)).body;
    expect(rates.map((r: { enterpriseId: number }) => r.enterpriseId)).toEqual([tamPhatId]);
  });

  it('shows the federation the aggregate with a chart and a table, and the XLSX has the same numbers', async () => {
    const res = await federation.get(`/surveys/${surveyId}/results`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Số người trả lời: 10');
    expect(res.text).toContain('data-chart="chart-q');
    expect(res.text).toContain('js/survey-charts');
    expect(res.text).toContain('Học vào buổi tối sau ca');
    // The single-choice question: answers(n) chose n % 3 for n = 0..9 → 4, 3, 3.
    const api = (await federation.agent.get(`/api/v1/surveys/${surveyId}/results`).expect(200)).body;
    const single = api.questions[0];
    expect(single.choices.map((c: { count: number }) => c.count)).toEqual([4, 3, 3]);
    expect(single.choices.map((c: { share: number }) => c.share)).toEqual([40, 30, 30]);
    expect(res.text).toMatch(
      /<th scope="row">Trực tuyến<\/th><td class="num">4<\/td><td class="num">40,0%<\/td>/,
    );
    const scale = api.questions[2];
    expect(scale.mean).toBe(3);

    const file = await federation.agent
      .get(`/surveys/${surveyId}/results?format=xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as ExcelJS.Buffer);
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).slice(2).filter(Boolean);
    const online = rows.find((r) => r[5] === 'Trực tuyến')!;
    expect(online[6]).toBe(4);
    expect(online[7]).toBe(40);
    // By enterprise: Đắk Mil's three answers (n = 7, 8, 9 → 1, 2, 0).
    const byEnterprise = (
      await federation.agent.get(`/api/v1/surveys/${surveyId}/results?enterpriseId=${dakMilId}`).expect(200)
    ).body;
    expect(byEnterprise.respondents).toBe(3);
    expect(byEnterprise.questions[0].choices.map((c: { count: number }) => c.count)).toEqual([1, 1, 1]);
    const csv = await federation.agent
      .get(`/surveys/${surveyId}/results?table=respondents&format=csv`)
      .expect(200);
    expect(csv.text).toContain('Cà phê Đắk Mil Xanh');
  });

  it('keeps another enterprise’s officer, a department and a worker out of what is not theirs', async () => {
    // A second survey for Tâm Phát only.
    const created = await federation.agent
      .post('/api/v1/surveys')
      .set('x-csrf-token', federation.csrf)
      .send({ title: 'Chỉ Tâm Phát', opensOn: today, closesOn: addDays(today, 3) })
      .expect(201);
    onlyTamPhatId = created.body.id;
    await federation.agent
      .post(`/api/v1/surveys/${onlyTamPhatId}/questions`)
      .set('x-csrf-token', federation.csrf)
      .send({ kind: 'SINGLE', text: 'Có hay không?', choices: 'Có\nKhông' })
      .expect(201);
    await federation.agent
      .put(`/api/v1/surveys/${onlyTamPhatId}/targets`)
      .set('x-csrf-token', federation.csrf)
      .send({ enterpriseIds: [tamPhatId] })
      .expect(200);
    await federation.agent
      .post(`/api/v1/surveys/${onlyTamPhatId}/publish`)
      .set('x-csrf-token', federation.csrf)
      .expect(200);

    // The Đắk Mil officer: not in their list, 404 on the page, the rates, the codes.
    const list = await dakMilOfficer.get('/surveys');
    expect(list.text).not.toContain('Chỉ Tâm Phát');
    expect((await dakMilOfficer.get(`/surveys/${onlyTamPhatId}`)).status).toBe(404);
    expect((await dakMilOfficer.agent.get(`/api/v1/surveys/${onlyTamPhatId}/rates`)).status).toBe(404);
    await dakMilOfficer.get(`/surveys/${surveyId}`);
    const codes = await dakMilOfficer.submit(`/surveys/${onlyTamPhatId}/codes`, { count: 2 });
    expect(codes.status).toBe(404);
    // Nor can they write to a survey: authors only.
    expect(
      (await dakMilOfficer.submit(`/surveys/${surveyId}/questions`, { kind: 'TEXT', text: 'x' })).status,
    ).toBe(403);
    expect((await dakMilOfficer.submit(`/surveys/${surveyId}/close`, {})).status).toBe(403);

    // The department: not the author of the federation's surveys, so 404 on reads and writes.
    await department.get('/surveys');
    expect((await department.get(`/surveys/${surveyId}`)).status).toBe(404);
    expect((await department.get(`/surveys/${surveyId}/results`)).status).toBe(404);
    expect((await department.submit(`/surveys/${surveyId}/close`, {})).status).toBe(404);
    expect((await department.agent.get(`/api/v1/surveys/${surveyId}/results`)).status).toBe(404);

    // A worker reads no rates or results, and cannot answer a survey not aimed at their enterprise.
    expect((await worker.get(`/surveys/${surveyId}`)).status).toBe(403);
    expect((await worker.get(`/surveys/${surveyId}/results`)).status).toBe(403);
    const notTheirs = await db.query(
      `SELECT DISTINCT w.username FROM users w JOIN role_assignments r ON r.user_id = w.id AND r.role = 'WORKER'
        JOIN employments e ON e.worker_id = r.scope_id WHERE e.enterprise_id NOT IN (?, ?) LIMIT 1`,
      [tamPhatId, dakMilId],
    );
    if (notTheirs.length > 0) {
      const outsider = new Browser(app);
      await outsider.login(notTheirs[0].username);
      expect((await outsider.get(`/surveys/${surveyId}/answer`)).status).toBe(404);
    }
    // Nothing changed: still ten answers, the draft-less survey still published and open.
    expect(await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ?', [surveyId])).toBe(
      10,
    );
    expect((await db.query('SELECT status FROM surveys WHERE id = ?', [surveyId]))[0].status).toBe(
      'PUBLISHED',
    );
  });

  it('lets a department build its own survey and read only that', async () => {
    const created = await department.agent
      .post('/api/v1/surveys')
      .set('x-csrf-token', department.csrf)
      .send({ title: 'Khảo sát của Sở', opensOn: today, closesOn: addDays(today, 3) })
      .expect(201);
    const list = (await department.agent.get('/api/v1/surveys').expect(200)).body;
    expect(list.items.map((s: { id: number }) => s.id)).toEqual([created.body.id]);
    expect((await department.get(`/surveys/${created.body.id}`)).status).toBe(200);
  });

  it('puts the survey into the annual report, and the worker’s answers into their data export and not after deletion', async () => {
    const sections = await app
      .get(ReportSections)
      .collect({ year: Number(addDays(today, 20).slice(0, 4)), unitId: null });
    const section = sections.find((s) => s.key === 'surveys')!;
    expect(section).toBeDefined();
    const row = section.tables[0].rows.find((r) => r[0] === 'Khảo sát nhu cầu học tập quý này')!;
    expect(row[3]).toBe(10);
    const top = section.tables[1].rows.find(
      (r) => r[0] === 'Khảo sát nhu cầu học tập quý này' && String(r[1]).startsWith('1.'),
    )!;
    expect(top[3]).toBe('Trực tuyến (40%); Tập trung (30%); Kết hợp (30%)');

    const [{ workerId, userId }] = await db.query(
      "SELECT r.scope_id AS workerId, u.id AS userId FROM users u JOIN role_assignments r ON r.user_id = u.id AND r.role = 'WORKER' WHERE u.username = 'nguoilaodong'",
    );
    const provider = app
      .get(PersonalDataProviders)
      .all()
      .find((p) => p.tables.includes('survey_responses'))!;
    const exported = await provider.export({ userId: Number(userId), workerId: Number(workerId) });
    const mine = exported.surveyAnswers.filter((r) => r.survey_id === surveyId);
    expect(mine.map((r) => r.answer)).toEqual(
      expect.arrayContaining(['Trực tuyến', 'Học vào buổi tối sau ca']),
    );
    await db.transaction((manager) =>
      provider.anonymise(
        manager,
        { userId: Number(userId), workerId: Number(workerId) },
        {
          when: new Date(),
          cccdPlaceholderEncrypted: 'x',
        },
      ),
    );
    expect(await count('SELECT COUNT(*) AS n FROM survey_responses WHERE worker_id = ?', [workerId])).toBe(0);
    const after = (await federation.agent.get(`/api/v1/surveys/${surveyId}/results`).expect(200)).body;
    expect(after.respondents).toBe(10);
    expect(after.questions[0].choices.map((c: { count: number }) => c.count)).toEqual([4, 3, 3]);
  });

  it('shows the officer their enterprise’s aggregate once the survey has ended, and only from five answers', async () => {
    const closed = await federation.submit(`/surveys/${surveyId}/close`, {});
    expect(closed.status).toBe(303);
    // Tâm Phát: seven answers (n = 0..6 chose n % 3 → 3, 2, 2), now shown without the short texts.
    const page = await tamPhatOfficer.get(`/surveys/${surveyId}`);
    expect(page.text).not.toContain(OPEN_WITHHELD);
    expect(page.text).toContain('Hình thức học phù hợp nhất?');
    expect(page.text).toMatch(/<th scope="row">Trực tuyến<\/th><td class="num">3<\/td>/);
    expect(page.text).not.toContain('Học vào buổi tối sau ca');
    const [tamPhat] = (
      await tamPhatOfficer.agent.get(`/api/v1/surveys/${surveyId}/enterprise-results`).expect(200)
    ).body;
    expect(tamPhat.withheld).toBeNull();
    expect(tamPhat.results.respondents).toBe(7);
    expect(tamPhat.results.questions[0].choices.map((c: { count: number }) => c.count)).toEqual([3, 2, 2]);
    expect(JSON.stringify(tamPhat)).not.toContain('Học vào buổi tối sau ca');
    // Đắk Mil: three answers, fewer than five, so still nothing but the rate.
    const dakMil = await dakMilOfficer.get(`/surveys/${surveyId}`);
    expect(dakMil.text).toContain('Kết quả tổng hợp chỉ hiện khi có từ 5 người trả lời trở lên');
    expect(dakMil.text).not.toContain('Hình thức học phù hợp nhất?');
    const [small] = (
      await dakMilOfficer.agent.get(`/api/v1/surveys/${surveyId}/enterprise-results`).expect(200)
    ).body;
    expect(small).toEqual(
      expect.objectContaining({ respondents: 3, withheld: 'SMALL_GROUP', results: null }),
    );
  });
});
