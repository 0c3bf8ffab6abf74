import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { ReportSections } from '../../src/common/report-sections/report-sections';
import { addDays } from '../../src/common/time/iso-date';
import { thisYearInVietnam, todayInVietnam, toVietnamInput } from '../../src/common/time/vietnam-time';
import { AdminUnitsService } from '../../src/organisations/admin-units.service';
import { Browser, createTestApp } from '../support/test-app';
import { createLogin } from '../support/indicators-factory';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';

/**
 * Movements and contests on the embedded default (SQLite, demo data): the federation runs an online
 * law quiz, workers take it once each within the time the server keeps, the ranking and its files
 * agree, taking part becomes one LAW record; a Tâm Phát skilled-worker contest gives VOCATIONAL
 * records; and the Đắk Mil officer, a worker and the department viewer cannot reach what is not theirs.
 */
describe('contests (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let federation: Browser;
  let officer: Browser;
  let other: Browser;
  let viewer: Browser;
  let worker: Browser;
  let colleague: Browser;
  let third: Browser;
  let dakMilWorker: Browser;

  let tamPhatId = 0;
  let dakMilId = 0;
  let workerId = 0;
  let colleagueId = 0;
  let thirdId = 0;
  let dakMilWorkerId = 0;
  let quizId = 0;
  let roundId = 0;
  let skillsId = 0;
  let skillsRoundId = 0;

  const year = thisYearInVietnam();
  const today = todayInVietnam();
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const records = (worker: number, contest: number) =>
    db.query(
      `SELECT r.source, r.hours, d.domain_code AS domain FROM learning_records r
         JOIN learning_record_domains d ON d.record_id = r.id WHERE r.worker_id = ? AND r.source_ref = ?`,
      [worker, `contest:${contest}`],
    );
  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const api = (b: Browser, method: 'post' | 'get', path: string, body?: object) => {
    const req = b.agent[method](path).set('x-csrf-token', b.csrf);
    return body ? req.send(body) : req;
  };

  /** A worker employed at the enterprise today, with a login of their own. */
  async function workerLogin(
    enterpriseId: number,
    exceptIds: number[],
    name: string,
  ): Promise<[Browser, number]> {
    const [row] = await db.query(
      `SELECT e.worker_id AS id FROM employments e WHERE e.enterprise_id = ? AND e.end_date IS NULL
         AND e.worker_id NOT IN (${exceptIds.join(',') || 0})
         AND NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.role = 'WORKER' AND r.scope_id = e.worker_id)
       ORDER BY e.worker_id LIMIT 1`,
      [enterpriseId],
    );
    const id = Number(row.id);
    await createLogin(db, {
      username: name,
      displayName: name,
      role: Role.Worker,
      scopeType: ScopeType.Self,
      scopeId: id,
    });
    const b = new Browser(app);
    await b.login(name);
    return [b, id];
  }

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    const ids = async (tax: string) =>
      Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [tax]))[0].id);
    tamPhatId = await ids(TAM_PHAT);
    dakMilId = await ids(DAK_MIL);
    federation = new Browser(app);
    await federation.login('liendoan');
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    other = new Browser(app);
    await other.login('congdoan.dakmil');
    viewer = new Browser(app);
    await viewer.login('so.gddt');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    const [w] = await db.query(
      "SELECT r.scope_id AS id FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.username = 'nguoilaodong' AND r.role = 'WORKER'",
    );
    workerId = Number(w.id);
    [colleague, colleagueId] = await workerLogin(tamPhatId, [workerId], 'thisinh.hai');
    [third, thirdId] = await workerLogin(tamPhatId, [workerId, colleagueId], 'thisinh.ba');
    [dakMilWorker, dakMilWorkerId] = await workerLogin(dakMilId, [], 'thisinh.dakmil');
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a contest without a title, saving nothing, then creates the federation’s law quiz', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM contests');
    const form = await federation.get('/contests/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Tạo phong trào, hội thi');
    const bad = await federation.submit('/contests', { kind: 'LAW_QUIZ', title: '', year, hours: '1' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tên cuộc thi');
    expect(await count('SELECT COUNT(*) AS n FROM contests')).toBe(before);

    const res = await federation.submit('/contests', {
      kind: 'LAW_QUIZ',
      title: 'Thi tìm hiểu Bộ luật Lao động (kiểm thử)',
      description: 'Mỗi người làm một lần.',
      year,
      hours: '1,5',
    });
    expect(res.status).toBe(303);
    quizId = Number(/\/contests\/(\d+)/.exec(res.headers.location)![1]);
    const [row] = await db.query('SELECT enterprise_id, hours FROM contests WHERE id = ?', [quizId]);
    expect(row.enterprise_id).toBeNull();
    expect(Number(row.hours)).toBe(1.5);
  });

  it('adds a round that needs a time limit and a bank of questions, refusing bad ones', async () => {
    await federation.get(`/contests/${quizId}`);
    const opensAt = toVietnamInput(new Date(Date.now() - 3600_000));
    const closesAt = toVietnamInput(new Date(Date.now() + 7 * 86400_000));
    const noLimit = await federation.submit(`/contests/${quizId}/rounds`, {
      name: 'Vòng 1',
      opensAt,
      closesAt,
    });
    expect(noLimit.status).toBe(400);
    expect(noLimit.text).toContain('Cuộc thi trực tuyến cần thời gian làm bài.');
    const backwards = await federation.submit(`/contests/${quizId}/rounds`, {
      name: 'Vòng 1',
      opensAt: closesAt,
      closesAt: opensAt,
      timeLimitMinutes: 10,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('Thời điểm đóng phải sau thời điểm mở.');
    expect(await count('SELECT COUNT(*) AS n FROM contest_rounds WHERE contest_id = ?', [quizId])).toBe(0);
    expect(
      (
        await federation.submit(`/contests/${quizId}/rounds`, {
          name: 'Vòng 1',
          opensAt,
          closesAt,
          timeLimitMinutes: 10,
        })
      ).status,
    ).toBe(303);
    roundId = Number((await db.query('SELECT id FROM contest_rounds WHERE contest_id = ?', [quizId]))[0].id);

    await federation.get(`/contests/${quizId}`);
    const wrong = await federation.submit(`/contests/${quizId}/questions`, {
      prompt: 'Câu hỏi sai',
      options: 'A\nB',
      correct: 3,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Chọn ít nhất một phương án đúng trong số các phương án đã nhập.');
    const questions = [
      {
        prompt: 'Thời giờ làm việc bình thường không quá mấy giờ một ngày?',
        options: '6 giờ\n8 giờ\n10 giờ',
        correct: '2',
      },
      { prompt: 'Nghỉ hằng năm bao nhiêu ngày?', options: '10 ngày\n12 ngày\n14 ngày', correct: '2' },
    ];
    for (const q of questions)
      expect((await federation.submit(`/contests/${quizId}/questions`, q)).status).toBe(303);
    const body = new URLSearchParams({
      _csrf: federation.csrf,
      prompt: 'Hành vi nào bị cấm?',
      options: 'Cưỡng bức lao động\nThương lượng\nPhân biệt đối xử',
    });
    body.append('correct', '1');
    body.append('correct', '3');
    expect(
      (await federation.agent.post(`/contests/${quizId}/questions`).type('form').send(body.toString()))
        .status,
    ).toBe(303);
    expect(await count('SELECT COUNT(*) AS n FROM contest_questions WHERE contest_id = ?', [quizId])).toBe(3);
    const bank = await api(federation, 'get', `/api/v1/contests/${quizId}/questions`).expect(200);
    expect(bank.body.map((q: { correct: number[] }) => q.correct)).toEqual([[2], [2], [1, 3]]);
  });

  it('lets a worker take the quiz once, marked by the server, as one LAW learning record', async () => {
    const list = await worker.get('/contests');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Thi tìm hiểu Bộ luật Lao động (kiểm thử)');
    const page = await worker.get(`/contests/${quizId}`);
    expect(page.text).toContain('Bắt đầu làm bài');
    const start = await worker.submit(`/contests/${quizId}/rounds/${roundId}/start`, {});
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe(`/contests/${quizId}/rounds/${roundId}/attempt`);
    const attempt = await worker.get(start.headers.location);
    expect(attempt.status).toBe(200);
    expect(attempt.text).toContain('Hạn nộp bài');
    expect(attempt.text).not.toContain('(đúng)');
    const qs = await db.query('SELECT id, correct FROM contest_questions WHERE contest_id = ? ORDER BY id', [
      quizId,
    ]);
    // Two right (the first two), the third half-answered: 2 of 3.
    const body = new URLSearchParams({
      _csrf: worker.csrf,
      [`q${qs[0].id}`]: '1',
      [`q${qs[1].id}`]: '1',
      [`q${qs[2].id}`]: '0',
    });
    const submitted = await worker.agent
      .post(`/contests/${quizId}/rounds/${roundId}/submit`)
      .type('form')
      .send(body.toString());
    expect(submitted.status).toBe(303);
    const [entry] = await db.query(
      'SELECT score, max_score, late, started_at FROM contest_entries WHERE round_id = ? AND worker_id = ?',
      [roundId, workerId],
    );
    expect(Number(entry.score)).toBe(2);
    expect(Number(entry.max_score)).toBe(3);
    expect(await records(workerId, quizId)).toEqual([{ source: 'CONTEST', hours: 1.5, domain: 'LAW' }]);
    expect(
      await count('SELECT COUNT(*) AS n FROM contest_registrations WHERE contest_id = ? AND worker_id = ?', [
        quizId,
        workerId,
      ]),
    ).toBe(1);

    const shown = await worker.get(`/contests/${quizId}`);
    expect(shown.text).toContain('Hạng 1/1');
    expect(shown.text).not.toContain(`/rounds/${roundId}/start"`);
  });

  it('refuses a second attempt in the round, by page and by API', async () => {
    await worker.get(`/contests/${quizId}`);
    const again = await worker.submit(`/contests/${quizId}/rounds/${roundId}/start`, {});
    expect(again.status).toBe(400);
    expect(again.text).toContain('Bạn đã làm bài ở vòng này. Mỗi vòng chỉ được làm một lần.');
    await api(worker, 'post', `/api/v1/contests/${quizId}/rounds/${roundId}/attempt/submit`, {
      answers: {},
    }).expect(400);
    expect(
      await count('SELECT COUNT(*) AS n FROM contest_entries WHERE round_id = ? AND worker_id = ?', [
        roundId,
        workerId,
      ]),
    ).toBe(1);
    expect(await records(workerId, quizId)).toHaveLength(1);
  });

  it('counts one attempt when the same answers are sent twice at once', async () => {
    await colleague.get(`/contests/${quizId}`);
    const started = await api(
      colleague,
      'post',
      `/api/v1/contests/${quizId}/rounds/${roundId}/attempt`,
    ).expect(200);
    expect(started.body.questions).toHaveLength(3);
    expect(JSON.stringify(started.body.questions)).not.toContain('correct');
    // One question right (the first of the bank): below the worker's two.
    const answers = {
      [String(started.body.questions.find((q: { prompt: string }) => q.prompt.startsWith('Thời giờ')).id)]: [
        1,
      ],
    };
    const [a, b] = await Promise.all([
      api(colleague, 'post', `/api/v1/contests/${quizId}/rounds/${roundId}/attempt/submit`, { answers }),
      api(colleague, 'post', `/api/v1/contests/${quizId}/rounds/${roundId}/attempt/submit`, { answers }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect(
      await count('SELECT COUNT(*) AS n FROM contest_entries WHERE round_id = ? AND worker_id = ?', [
        roundId,
        colleagueId,
      ]),
    ).toBe(1);
    expect(await records(colleagueId, quizId)).toHaveLength(1);
  });

  it('refuses, on the server, an answer sent after the time limit and its grace', async () => {
    await third.get(`/contests/${quizId}`);
    expect((await third.submit(`/contests/${quizId}/rounds/${roundId}/start`, {})).status).toBe(303);
    // The attempt began 11 minutes ago: past its 10 minutes and the 30 s grace.
    const past = new Date(Date.now() - 11 * 60_000);
    const deadline = new Date(past.getTime() + 10 * 60_000);
    await db.query(
      'UPDATE contest_entries SET started_at = ?, deadline_at = ? WHERE round_id = ? AND worker_id = ?',
      [
        past.toISOString().replace('T', ' ').slice(0, 23),
        deadline.toISOString().replace('T', ' ').slice(0, 23),
        roundId,
        thirdId,
      ],
    );
    const late = await api(third, 'post', `/api/v1/contests/${quizId}/rounds/${roundId}/attempt/submit`, {
      answers: {},
    });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain('Đã hết thời gian làm bài');
    const [entry] = await db.query(
      'SELECT late, score, submitted_at FROM contest_entries WHERE round_id = ? AND worker_id = ?',
      [roundId, thirdId],
    );
    expect(Boolean(entry.late)).toBe(true);
    expect(entry.score).toBeNull();
    expect(await records(thirdId, quizId)).toHaveLength(0);
    // And the attempt is spent: no second chance.
    await api(third, 'post', `/api/v1/contests/${quizId}/rounds/${roundId}/attempt`).expect(400);
  });

  it('ranks by score then time, and the XLSX and CSV carry the page’s numbers', async () => {
    const page = await federation.get(`/contests/${quizId}/rounds/${roundId}`);
    expect(page.status).toBe(200);
    const ranking = await api(
      federation,
      'get',
      `/api/v1/contests/${quizId}/rounds/${roundId}/ranking`,
    ).expect(200);
    expect(ranking.body.map((r: { workerId: number }) => r.workerId)).toEqual([workerId, colleagueId]);
    expect(ranking.body[0]).toMatchObject({ position: 1, score: 2, maxScore: 3 });
    expect(page.text).toContain(ranking.body[0].fullName);
    const xlsx = await federation.agent
      .get(`/contests/${quizId}/rounds/${roundId}?format=xlsx`)
      .buffer(true)
      .parse(binary);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toContain('Hạng');
    expect(sheet.getRow(2).getCell(2).value).toBe(ranking.body[0].fullName);
    expect(sheet.getRow(2).getCell(4).value).toBe(2);
    expect(sheet.rowCount).toBe(3);
    const csv = await federation.agent.get(`/contests/${quizId}/rounds/${roundId}?format=csv`);
    expect(csv.text).toContain(`1,${ranking.body[0].fullName}`);
  });

  it('shows the Đắk Mil officer only their own workers in the federation’s ranking', async () => {
    await dakMilWorker.get(`/contests/${quizId}`);
    const started = await api(
      dakMilWorker,
      'post',
      `/api/v1/contests/${quizId}/rounds/${roundId}/attempt`,
    ).expect(200);
    await api(dakMilWorker, 'post', `/api/v1/contests/${quizId}/rounds/${roundId}/attempt/submit`, {
      answers: { [started.body.questions[0].id]: [0] },
    }).expect(200);
    await other.get('/contests');
    const seen = await api(other, 'get', `/api/v1/contests/${quizId}/rounds/${roundId}/ranking`).expect(200);
    expect(seen.body.map((r: { workerId: number }) => r.workerId)).toEqual([dakMilWorkerId]);
    const regs = await api(other, 'get', `/api/v1/contests/${quizId}/registrations`).expect(200);
    expect(regs.body.map((r: { workerId: number }) => r.workerId)).toEqual([dakMilWorkerId]);
    // Workers do not read rankings or registrations; they see their own place on the contest page.
    await worker.agent.get(`/api/v1/contests/${quizId}/rounds/${roundId}/ranking`).expect(403);
    await worker.agent.get(`/contests/${quizId}/registrations?format=csv`).expect(403);
  });

  it('runs an enterprise’s skilled-worker contest: registration, results, one VOCATIONAL record', async () => {
    await officer.get('/contests/new');
    const res = await officer.submit('/contests', {
      kind: 'SKILLS_CONTEST',
      title: 'Thi thợ giỏi (kiểm thử)',
      year,
      hours: 8,
    });
    expect(res.status).toBe(303);
    skillsId = Number(/\/contests\/(\d+)/.exec(res.headers.location)![1]);
    expect(
      Number(
        (await db.query('SELECT enterprise_id FROM contests WHERE id = ?', [skillsId]))[0].enterprise_id,
      ),
    ).toBe(tamPhatId);
    await officer.get(`/contests/${skillsId}`);
    await officer.submit(`/contests/${skillsId}/rounds`, {
      name: 'Thực hành',
      opensAt: `${today}T07:30`,
      closesAt: `${today}T23:30`,
    });
    skillsRoundId = Number(
      (await db.query('SELECT id FROM contest_rounds WHERE contest_id = ?', [skillsId]))[0].id,
    );

    const stranger = await api(officer, 'post', `/api/v1/contests/${skillsId}/registrations`, {
      workerIds: [dakMilWorkerId],
    });
    expect(stranger.status).toBe(400);
    const page = await officer.get(`/contests/${skillsId}`);
    expect(page.text).toContain(`value="${colleagueId}"`);
    expect(
      (await officer.submit(`/contests/${skillsId}/registrations`, { workerIds: colleagueId })).status,
    ).toBe(303);

    const unregistered = await officer.submit(`/contests/${skillsId}/results`, {
      roundId: skillsRoundId,
      workerId: thirdId,
      score: 80,
    });
    expect(unregistered.status).toBe(400);
    expect(unregistered.text).toContain('Người lao động này chưa đăng ký tham gia cuộc thi.');
    const saved = await officer.submit(`/contests/${skillsId}/results`, {
      roundId: skillsRoundId,
      workerId: colleagueId,
      score: '92,5',
      rank: 1,
      prize: 'Giải Nhất',
    });
    expect(saved.status).toBe(303);
    // Corrected once more: still one entry, one record.
    await officer.get(`/contests/${skillsId}`);
    await officer.submit(`/contests/${skillsId}/results`, {
      roundId: skillsRoundId,
      workerId: colleagueId,
      score: 93,
      rank: 1,
      prize: 'Giải Nhất',
    });
    expect(await records(colleagueId, skillsId)).toEqual([
      { source: 'CONTEST', hours: 8, domain: 'VOCATIONAL' },
    ]);
    const ranking = await api(
      officer,
      'get',
      `/api/v1/contests/${skillsId}/rounds/${skillsRoundId}/ranking`,
    ).expect(200);
    expect(ranking.body).toEqual([
      expect.objectContaining({ workerId: colleagueId, score: 93, prize: 'Giải Nhất', position: 1 }),
    ]);
  });

  it('keeps an enterprise’s contest from other enterprises, workers and read-only viewers', async () => {
    // Another enterprise's officer: not found, by page and API, reads and writes.
    await other.get('/contests');
    expect((await other.get(`/contests/${skillsId}`)).status).toBe(404);
    await other.agent.get(`/api/v1/contests/${skillsId}`).expect(404);
    await api(other, 'post', `/api/v1/contests/${skillsId}/rounds`, {
      name: 'x',
      opensAt: `${today}T08:00`,
      closesAt: `${today}T09:00`,
    }).expect(404);
    await api(other, 'post', `/api/v1/contests/${skillsId}/rounds/${skillsRoundId}/results`, {
      workerId: colleagueId,
      score: 1,
    }).expect(404);
    await api(other, 'post', `/api/v1/contests/${skillsId}/registrations`, {
      workerIds: [dakMilWorkerId],
    }).expect(404);
    await other.agent.get(`/api/v1/contests/${skillsId}/rounds/${skillsRoundId}/ranking`).expect(404);
    expect((await other.get('/contests')).text).not.toContain('Thi thợ giỏi (kiểm thử)');
    // The officer cannot change the federation's contest.
    await api(other, 'post', `/api/v1/contests/${quizId}/questions`, {
      prompt: 'x',
      options: ['a', 'b'],
      correct: [1],
    }).expect(403);
    // A worker of another enterprise does not see it; a worker cannot organise or register others.
    expect((await dakMilWorker.get(`/contests/${skillsId}`)).status).toBe(404);
    await api(dakMilWorker, 'post', `/api/v1/contests/${skillsId}/register`).expect(404);
    await api(worker, 'post', '/api/v1/contests', { kind: 'LAW_QUIZ', title: 'x', year, hours: 1 }).expect(
      403,
    );
    await api(worker, 'post', `/api/v1/contests/${skillsId}/rounds/${skillsRoundId}/results`, {
      workerId: workerId,
      score: 100,
    }).expect(403);
    await api(worker, 'post', `/api/v1/contests/${skillsId}/registrations`, { workerIds: [workerId] }).expect(
      403,
    );
    // The department viewer reads, and writes nothing.
    await viewer.get('/contests');
    await viewer.agent.get(`/api/v1/contests/${skillsId}`).expect(200);
    await api(viewer, 'post', `/api/v1/contests/${skillsId}/rounds`, {
      name: 'x',
      opensAt: `${today}T08:00`,
      closesAt: `${today}T09:00`,
    }).expect(403);
    await api(viewer, 'post', '/api/v1/contests', { kind: 'LAW_QUIZ', title: 'x', year, hours: 1 }).expect(
      403,
    );
    expect(await count('SELECT COUNT(*) AS n FROM contest_rounds WHERE contest_id = ?', [skillsId])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM contest_entries WHERE contest_id = ?', [skillsId])).toBe(1);
  });

  it('lets the federation aim a contest at a commune: only its enterprises’ workers and officers see it and take part', async () => {
    const units = app.get(AdminUnitsService);
    const communeOf = async (enterpriseId: number) => {
      const [{ unit_id }] = await db.query('SELECT unit_id FROM enterprises WHERE id = ?', [enterpriseId]);
      return (await units.resolveInForce(Number(unit_id), today))!;
    };
    const tamPhatCommune = await communeOf(tamPhatId);
    expect((await communeOf(dakMilId)).id).not.toBe(tamPhatCommune.id);
    const form = await federation.get('/contests/new');
    expect(form.text).toContain('Dành cho xã, phường');
    expect(form.text).toContain(`value="${tamPhatCommune.id}"> ${tamPhatCommune.name}`);

    // Not a commune in force (the province), or an officer's attempt: refused, nothing saved.
    const before = await count('SELECT COUNT(*) AS n FROM contests');
    const [province] = await db.query(
      "SELECT id FROM admin_units WHERE kind = 'PROVINCE' ORDER BY id LIMIT 1",
    );
    const post = (b: Browser, pairs: [string, string | number][]) =>
      b.agent
        .post('/contests')
        .type('form')
        .send(
          [['_csrf', b.csrf], ...pairs]
            .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
            .join('&'),
        );
    const fields: [string, string | number][] = [
      ['kind', 'LAW_QUIZ'],
      ['title', 'Thi pháp luật của xã (kiểm thử)'],
      ['year', year],
      ['hours', '1'],
    ];
    const notCommune = await post(federation, [...fields, ['unitIds', Number(province.id)]]);
    expect(notCommune.status).toBe(400);
    expect(notCommune.text).toContain('Chỉ chọn các xã, phường đang có hiệu lực trong danh sách.');
    const byOfficer = await api(officer, 'post', '/api/v1/contests', {
      kind: 'LAW_QUIZ',
      title: 'x',
      year,
      hours: 1,
      unitIds: [tamPhatCommune.id],
    }).expect(400);
    expect(JSON.stringify(byOfficer.body)).toContain(
      'Chỉ Liên đoàn Lao động tỉnh được chọn xã, phường cho cuộc thi.',
    );
    expect(await count('SELECT COUNT(*) AS n FROM contests')).toBe(before);

    // The federation's contest for Tâm Phát's commune, through the form.
    await federation.get('/contests/new');
    const created = await post(federation, [...fields, ['unitIds', tamPhatCommune.id]]);
    expect(created.status).toBe(303);
    const communeQuizId = Number(/\/contests\/(\d+)/.exec(created.headers.location)![1]);
    expect(await db.query('SELECT unit_id FROM contest_units WHERE contest_id = ?', [communeQuizId])).toEqual(
      [{ unit_id: tamPhatCommune.id }],
    );
    const shown = await federation.get(`/contests/${communeQuizId}`);
    expect(shown.text).toContain(`Liên đoàn Lao động tỉnh, cho doanh nghiệp tại: ${tamPhatCommune.name}`);
    const detail = (await federation.agent.get(`/api/v1/contests/${communeQuizId}`).expect(200)).body;
    expect(detail.communes).toEqual([{ id: tamPhatCommune.id, name: tamPhatCommune.name }]);
    await api(federation, 'post', `/api/v1/contests/${communeQuizId}/rounds`, {
      name: 'Vòng 1',
      opensAt: toVietnamInput(new Date(Date.now() - 3600_000)),
      closesAt: toVietnamInput(new Date(Date.now() + 7 * 86400_000)),
      timeLimitMinutes: 10,
    }).expect(201);
    await api(federation, 'post', `/api/v1/contests/${communeQuizId}/questions`, {
      prompt: 'Luật Công đoàn năm 2024 có hiệu lực từ ngày nào?',
      options: ['01/7/2025', '01/01/2026'],
      correct: [1],
    }).expect(201);
    const [{ id: communeRoundId }] = await db.query('SELECT id FROM contest_rounds WHERE contest_id = ?', [
      communeQuizId,
    ]);

    // Inside: Tâm Phát's officer and a worker there see it; the worker registers.
    const [mover, moverId] = await workerLogin(tamPhatId, [workerId, colleagueId, thirdId], 'thisinh.chuyen');
    expect((await mover.get('/contests')).text).toContain('Thi pháp luật của xã (kiểm thử)');
    await mover.get(`/contests/${communeQuizId}`);
    expect((await mover.submit(`/contests/${communeQuizId}/register`, {})).status).toBe(303);
    expect((await officer.get(`/contests/${communeQuizId}`)).status).toBe(200);
    expect((await officer.get('/contests')).text).toContain('Thi pháp luật của xã (kiểm thử)');

    // Outside: Đắk Mil's worker and officer see nothing of it, and cannot register or take the quiz.
    expect((await dakMilWorker.get('/contests')).text).not.toContain('Thi pháp luật của xã (kiểm thử)');
    expect((await dakMilWorker.get(`/contests/${communeQuizId}`)).status).toBe(404);
    await api(dakMilWorker, 'post', `/api/v1/contests/${communeQuizId}/register`).expect(404);
    await api(
      dakMilWorker,
      'post',
      `/api/v1/contests/${communeQuizId}/rounds/${communeRoundId}/attempt`,
    ).expect(404);
    expect((await other.get('/contests')).text).not.toContain('Thi pháp luật của xã (kiểm thử)');
    expect((await other.get(`/contests/${communeQuizId}`)).status).toBe(404);
    await other.agent.get(`/api/v1/contests/${communeQuizId}`).expect(404);
    await other.agent.get(`/api/v1/contests/${communeQuizId}/registrations`).expect(404);
    await other.agent.get(`/api/v1/contests/${communeQuizId}/rounds/${communeRoundId}/ranking`).expect(404);
    await api(other, 'post', `/api/v1/contests/${communeQuizId}/registrations`, {
      workerIds: [dakMilWorkerId],
    }).expect(404);
    const listed = (await other.agent.get('/api/v1/contests?size=100').expect(200)).body;
    expect(listed.items.map((c: { id: number }) => c.id)).not.toContain(communeQuizId);

    // A change of scope: the worker leaves Tâm Phát and is taken on at Đắk Mil, then tries again.
    const [employment] = await db.query(
      'SELECT id FROM employments WHERE worker_id = ? AND enterprise_id = ? AND end_date IS NULL',
      [moverId, tamPhatId],
    );
    await officer.get(`/workers/${moverId}`);
    const left = await officer.submit(`/workers/${moverId}/employments/${employment.id}/end`, {
      endDate: addDays(today, -1),
    });
    expect(left.status).toBe(303);
    const [person] = await db.query(
      'SELECT full_name, date_of_birth, gender, cccd_encrypted FROM workers WHERE id = ?',
      [moverId],
    );
    await api(other, 'post', '/api/v1/workers', {
      fullName: person.full_name,
      dateOfBirth: String(person.date_of_birth).slice(0, 10),
      gender: person.gender,
      cccd: app.get(PiiCipher).decrypt(person.cccd_encrypted),
      startDate: today,
    }).expect(201);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM employments WHERE worker_id = ? AND enterprise_id = ? AND end_date IS NULL',
        [moverId, dakMilId],
      ),
    ).toBe(1);
    expect((await mover.get(`/contests/${communeQuizId}`)).status).toBe(404);
    await api(mover, 'post', `/api/v1/contests/${communeQuizId}/register`).expect(404);
    await api(mover, 'post', `/api/v1/contests/${communeQuizId}/rounds/${communeRoundId}/attempt`).expect(
      404,
    );
    expect((await mover.get('/contests')).text).not.toContain('Thi pháp luật của xã (kiểm thử)');
    expect(
      await count('SELECT COUNT(*) AS n FROM contest_entries WHERE contest_id = ?', [communeQuizId]),
    ).toBe(0);

    // The annual report names the commune as the contest's public; the commune's own report has
    // it (with its enterprises' registration), Đắk Mil's commune's does not.
    const expected = [
      'Thi pháp luật của xã (kiểm thử)',
      'Cuộc thi trực tuyến tìm hiểu pháp luật',
      `Liên đoàn Lao động tỉnh, cho doanh nghiệp tại: ${tamPhatCommune.name}`,
      1,
      0,
      0,
    ];
    const contestRows = async (unitId: number | null) =>
      (await app.get(ReportSections).collect({ year, unitId })).find((x) => x.key === 'contests')?.tables[0]
        .rows ?? [];
    expect(await contestRows(null)).toContainEqual(expected);
    expect(await contestRows(tamPhatCommune.id)).toContainEqual(expected);
    const elsewhere = await contestRows((await communeOf(dakMilId)).id);
    expect(elsewhere.map((r) => r[0])).not.toContain('Thi pháp luật của xã (kiểm thử)');

    // The list's files name the communes too, in their last column, as the page does under the title.
    const csv = (await federation.agent.get('/contests?format=csv').expect(200)).text;
    const line = csv.split(/\r?\n/).find((l) => l.startsWith('Thi pháp luật của xã (kiểm thử),'));
    expect(line?.endsWith(`,${tamPhatCommune.name}`)).toBe(true);
    expect(csv.split(/\r?\n/)[0].endsWith(',"Dành cho xã, phường"')).toBe(true);
  });

  it('puts the year’s contests in the annual report with their counts', async () => {
    const csv = await federation.agent.get('/contests?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(
      `Thi tìm hiểu Bộ luật Lao động (kiểm thử),Cuộc thi trực tuyến tìm hiểu pháp luật,${year},4,3,0`,
    );
    const sections = await app.get(ReportSections).collect({ year, unitId: null });
    const section = sections.find((s) => s.key === 'contests')!;
    const rows = section.tables[0].rows;
    expect(rows).toContainEqual([
      'Thi tìm hiểu Bộ luật Lao động (kiểm thử)',
      'Cuộc thi trực tuyến tìm hiểu pháp luật',
      'Liên đoàn Lao động tỉnh (toàn tỉnh)',
      4,
      3,
      0,
    ]);
    expect(rows).toContainEqual([
      'Thi thợ giỏi (kiểm thử)',
      'Hội thi thợ giỏi',
      expect.stringContaining('Tâm Phát'),
      1,
      1,
      1,
    ]);
  });
});
