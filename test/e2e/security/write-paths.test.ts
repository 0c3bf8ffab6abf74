import { INestApplication } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../../../src/auth/api-tokens.service';
import { Actor } from '../../../src/common/access/actor';
import { Role, ScopeType } from '../../../src/common/access/roles';
import { eventually } from '../../support/eventually';
import { xlsxOf } from '../../support/sample-files';
import { buildSecurityFixture, SecurityFixture } from '../../support/security-fixture';
import { MYSQL_ROOT_URL, mysqlUrl } from '../../support/services';
import { Browser, createTestApp, DEMO_PASSWORD } from '../../support/test-app';

/**
 * Issue 9, item 6: every write that can change who is in whose scope, aimed by the union officer of
 * one enterprise (E1b) at workers of others — the worker of E1, who activated their account, and
 * the worker of E2, who never did — through pages, the API, CSV and XLSX files. After each attempt
 * the victims are compared with how they were: who may reach them (the attacker's page and API),
 * their identity, their account, their employments and their learning. Pass: 0 scope changes,
 * 0 identity changes, 0 account changes; the attempts that name a person with other identity data
 * land on the federation admin's reconciliation list.
 *
 * Then the one legitimate way in: the attacker knows the full identity (CCCD, name, date of birth),
 * so the worker joins E1b — answered exactly as for a new person — and still the attacker cannot
 * change who they are, issue a code on their active account, or read their learning at E1.
 *
 * Runs on the embedded default (SQLite, jobs in-process) and on MariaDB with Redis, the web and
 * the job process apart.
 */

interface Setup {
  name: string;
  start(): Promise<{ web: INestApplication; stop(): Promise<void> }>;
}

const SETUPS: Setup[] = [
  {
    name: 'SQLite, in-process jobs',
    start: async () => {
      const web = await createTestApp({ database: 'sqlite' });
      return { web, stop: () => web.close() };
    },
  },
  {
    name: 'MariaDB + Redis, separate job process',
    start: async () => {
      const database = `hoctap_writepaths_${process.pid}`;
      const connection = await createConnection(MYSQL_ROOT_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.query(
        `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      await connection.end();
      const env = {
        DATABASE_URL: mysqlUrl(database),
        MIGRATE_ON_START: 'true',
        UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'hoctap-writepaths-')),
        PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        PII_HMAC_KEY: randomBytes(32).toString('base64'),
        SESSION_SECRET: randomBytes(32).toString('base64'),
      };
      const worker = await createTestApp({
        database: 'mysql',
        redis: true,
        role: 'worker',
        env: { ...env, SEED_DEMO: 'true' },
      });
      const web = await createTestApp({ database: 'mysql', redis: true, role: 'web', env });
      return {
        web,
        stop: async () => {
          await web.close();
          await worker.close();
          const c = await createConnection(MYSQL_ROOT_URL);
          await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
          await c.end();
        },
      };
    },
  },
];

describe.each(SETUPS)('write paths aimed at another enterprise’s people ($name)', (setup) => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let db: DataSource;
  let fx: SecurityFixture;
  let attacker: Browser;
  let attackerToken: string;
  let attackerId: number;
  let e1b: number;
  let editorToken: string;
  const victims = () => [fx.workers.own!, fx.workers.otherUnit!];

  beforeAll(async () => {
    ({ web: app, stop } = await setup.start());
    db = app.get(DataSource);
    fx = await buildSecurityFixture(app);
    attackerId = fx.users.otherEnterprise!;
    e1b = fx.enterprises.otherEnterprise!;
    const [{ username }] = await db.query('SELECT username FROM users WHERE id = ?', [attackerId]);
    attacker = new Browser(app);
    await attacker.login(username);
    const grants = [{ role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: e1b }];
    attackerToken = (await app.get(ApiTokensService).create(new Actor(attackerId, 'x', grants), 'attack'))
      .token;
    editorToken = fx.logins.institutionEditor.token!;
    // The institution's token is used only after its holder accepted the privacy notice.
    await new Browser(app).login(fx.logins.institutionEditor.username);
  }, 180_000);

  afterAll(async () => {
    await stop?.();
  });

  /** Everything about a victim that a write by another enterprise must leave as it was. */
  async function stateOf(workerId: number) {
    const q = async (sql: string) => JSON.stringify(await db.query(sql, [workerId]));
    return {
      identity: await q(
        'SELECT full_name, date_of_birth, gender, cccd_hash, user_id FROM workers WHERE id = ?',
      ),
      account: await q(
        `SELECT u.status, u.password_hash, u.activation_code_hash, u.sessions_valid_after FROM users u
         JOIN workers w ON w.user_id = u.id WHERE w.id = ?`,
      ),
      employments: await q(
        'SELECT enterprise_id, start_date, end_date, phone, email FROM employments WHERE worker_id = ? ORDER BY id',
      ),
      learning: await q('SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ?'),
      attendance: await q('SELECT COUNT(*) AS n FROM session_attendance WHERE worker_id = ?'),
      engagement: JSON.stringify(
        await db.query(
          `SELECT 'commendation' AS what, id, enterprise_id, achievement, child_name, status FROM commendations WHERE worker_id = ?
           UNION ALL SELECT 'book', id, enterprise_id, reflection, NULL, status FROM book_logs WHERE worker_id = ?`,
          [workerId, workerId],
        ),
      ),
    };
  }

  /** Whether the attacker reaches the worker: the page, the API, the list. */
  async function inAttackersScope(workerId: number): Promise<boolean> {
    const page = await attacker.agent.get(`/workers/${workerId}`);
    const api = await request(app.getHttpServer())
      .get(`/api/v1/workers/${workerId}`)
      .set('Authorization', `Bearer ${attackerToken}`);
    const list = await request(app.getHttpServer())
      .get('/api/v1/workers?status=all&size=200')
      .set('Authorization', `Bearer ${attackerToken}`);
    const listed = (list.body.items as { id: number }[]).some((w) => w.id === workerId);
    return page.status === 200 || api.status === 200 || listed;
  }

  async function waitForJob(runId: number): Promise<void> {
    await eventually(
      `job run ${runId} to finish`,
      async () => (await db.query('SELECT status FROM job_runs WHERE id = ?', [runId]))[0],
      { until: (run) => ['COMPLETED', 'FAILED'].includes(run?.status) },
    );
  }

  const csv = (lines: string[]) =>
    Buffer.from(
      `\uFEFFHọ và tên,Ngày sinh,Giới tính,Số CCCD,Số điện thoại,Ngày vào làm\r\n${lines.join('\r\n')}\r\n`,
      'utf8',
    );
  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  const sex = (g: string) => (g === 'FEMALE' ? 'Nữ' : g === 'MALE' ? 'Nam' : 'Khác');
  const line = (p: { fullName: string; dateOfBirth: string; gender: string; cccd: string }) =>
    `${p.fullName},${dmy(p.dateOfBirth)},${sex(p.gender)},${p.cccd},0900000001,01/02/2026`;

  async function rosterByPage(body: Buffer, filename: string, contentType: string) {
    await attacker.get('/workers/imports');
    const res = await attacker.agent
      .post(`/workers/imports`)
      .field('_csrf', attacker.csrf)
      .attach('file', body, { filename, contentType });
    const id = Number(/\/workers\/imports\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const [imp] = await db.query('SELECT job_run_id FROM import_runs WHERE id = ?', [id]);
    await waitForJob(Number(imp.job_run_id));
    return res.status;
  }

  async function rosterByApi(body: Buffer, filename: string, contentType: string) {
    const res = await request(app.getHttpServer())
      .post('/api/v1/roster-imports')
      .set('Authorization', `Bearer ${attackerToken}`)
      .attach('file', body, { filename, contentType });
    await waitForJob(Number(res.body.jobRunId));
    return res.status;
  }

  function xlsx(lines: string[]): Buffer {
    const rows = [
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Ngày vào làm'],
      ...lines.map((l) => l.split(',')),
    ];
    return xlsxOf([rows]);
  }

  it('0 scope, identity and account changes over every write path', async () => {
    const own = fx.people.own;
    const unit = fx.people.otherUnit;
    // The victim's engagement at E1 (issue 15): a pending nomination and a pending book log.
    const e1 = fx.enterprises.sameEnterprise!;
    await db.query(
      `INSERT INTO commendations (year, kind, enterprise_id, worker_id, achievement, status, nominated_by)
       VALUES (2026, 'WORKER', ?, ?, 'Học tập tiêu biểu', 'PENDING', ?)`,
      [e1, fx.workers.own, fx.users.sameEnterprise],
    );
    const [{ id: nomination }] = await db.query('SELECT MAX(id) AS id FROM commendations');
    await db.query(
      `INSERT INTO book_logs (worker_id, enterprise_id, title, author, read_on, reflection, status)
       VALUES (?, ?, 'Đắc nhân tâm', 'Dale Carnegie', '2026-01-10', 'Sách hay.', 'PENDING')`,
      [fx.workers.own, e1],
    );
    const [{ id: bookLog }] = await db.query('SELECT MAX(id) AS id FROM book_logs');
    const before = new Map(await Promise.all(victims().map(async (id) => [id, await stateOf(id)] as const)));
    const employment = Number(
      (await db.query('SELECT id FROM employments WHERE worker_id = ?', [fx.workers.own]))[0].id,
    );
    const session = fx.sessions.otherEnterprise!;
    const [{ scope_id: institutionId }] = await db.query(
      "SELECT scope_id FROM role_assignments WHERE user_id = ? AND role = 'INSTITUTION_EDITOR'",
      [fx.logins.institutionEditor.userId],
    );
    const api = (method: 'post' | 'patch', path: string) =>
      request(app.getHttpServer())[method](path).set('Authorization', `Bearer ${attackerToken}`);
    const page = async (path: string, fields: Record<string, string>) => {
      await attacker.get('/workers');
      return attacker.submit(path, fields);
    };

    const attempts: [string, () => Promise<number>][] = [
      [
        'roster CSV (page), victim’s CCCD with another name',
        () => rosterByPage(csv([line({ ...own, fullName: 'Kẻ Mạo Danh' })]), 'a.csv', 'text/csv'),
      ],
      [
        'roster CSV (page), another date of birth',
        () => rosterByPage(csv([line({ ...unit, dateOfBirth: '1990-05-18' })]), 'b.csv', 'text/csv'),
      ],
      [
        'roster XLSX (API), another name',
        () => rosterByApi(xlsx([line({ ...unit, fullName: 'Người Khác Hẳn' })]), 'c.xlsx', XLSX),
      ],
      [
        'roster XLSX (API), gender "other"',
        () => rosterByApi(xlsx([line({ ...own, gender: 'OTHER' })]), 'd.xlsx', XLSX),
      ],
      [
        'add worker form, another name',
        async () =>
          (
            await page('/workers', {
              fullName: 'Kẻ Mạo Danh',
              dateOfBirth: own.dateOfBirth,
              gender: own.gender,
              cccd: own.cccd,
              startDate: '2026-02-01',
            })
          ).status,
      ],
      [
        'POST /api/v1/workers, another name',
        async () =>
          (
            await api('post', '/api/v1/workers').send({
              fullName: 'Kẻ Mạo Danh',
              dateOfBirth: unit.dateOfBirth,
              gender: unit.gender,
              cccd: unit.cccd,
              startDate: '2026-02-01',
            })
          ).status,
      ],
      [
        'PATCH /api/v1/workers/:id',
        async () =>
          (await api('patch', `/api/v1/workers/${fx.workers.own}`).send({ fullName: 'Kẻ Mạo Danh' })).status,
      ],
      [
        'edit form',
        async () =>
          (
            await page(`/workers/${fx.workers.own}/edit`, {
              fullName: 'Kẻ Mạo Danh',
              dateOfBirth: own.dateOfBirth,
              gender: own.gender,
            })
          ).status,
      ],
      [
        'activation code (page)',
        async () => (await page(`/workers/${fx.workers.otherUnit}/activation-code`, {})).status,
      ],
      ['reveal CCCD (API)', async () => (await api('post', `/api/v1/workers/${fx.workers.own}/cccd`)).status],
      [
        'end employment (API)',
        async () =>
          (
            await api('post', `/api/v1/workers/${fx.workers.own}/employments/${employment}/end`).send({
              endDate: '2026-01-31',
            })
          ).status,
      ],
      [
        'union member (page)',
        async () =>
          (await page(`/workers/${fx.workers.own}/employments/${employment}/union`, { unionMember: 'false' }))
            .status,
      ],
      [
        'attendance of the attacker’s session (API), victim’s id',
        async () =>
          (
            await api('post', `/api/v1/activities/${session}/attendance`).send({
              workerIds: [fx.workers.own],
            })
          ).status,
      ],
      [
        'attendance sheet of the attacker’s session (API), victim’s CCCD',
        async () => {
          const res = await request(app.getHttpServer())
            .post(`/api/v1/activities/${session}/attendance-imports`)
            .set('Authorization', `Bearer ${attackerToken}`)
            .attach('file', Buffer.from(`\uFEFFSố CCCD,Họ và tên\r\n${own.cccd},${own.fullName}\r\n`), {
              filename: 'dd.csv',
              contentType: 'text/csv',
            });
          if (res.body.jobRunId) await waitForJob(Number(res.body.jobRunId));
          return res.status;
        },
      ],
      [
        'contest of the attacker’s enterprise (API): register the victims, then a result for one',
        async () => {
          const contest = await api('post', '/api/v1/contests').send({
            kind: 'SKILLS_CONTEST',
            title: 'Hội thi thợ giỏi',
            year: 2026,
            hours: 8,
          });
          const round = await api('post', `/api/v1/contests/${contest.body.id}/rounds`).send({
            name: 'Vòng 1',
            opensAt: '2026-01-05T08:00',
            closesAt: '2026-01-05T17:00',
          });
          const registered = await api('post', `/api/v1/contests/${contest.body.id}/registrations`).send({
            workerIds: victims(),
          });
          if (registered.status !== 400) return registered.status;
          return (
            await api('post', `/api/v1/contests/${contest.body.id}/rounds/${round.body.id}/results`).send({
              workerId: fx.workers.own,
              score: 100,
            })
          ).status;
        },
      ],
      [
        'partnership for the victim’s enterprise',
        async () => {
          await attacker.get('/partnerships');
          return (
            await attacker.submit('/partnerships', {
              institutionId: String(institutionId),
              enterpriseId: String(fx.enterprises.sameEnterprise),
            })
          ).status;
        },
      ],
      [
        'a partner institution reports a result for the victim',
        async () => {
          await attacker.get('/partnerships');
          await attacker.submit('/partnerships', {
            institutionId: String(institutionId),
            enterpriseId: String(e1b),
          });
          return (
            await request(app.getHttpServer())
              .post('/api/v1/external-records')
              .set('Authorization', `Bearer ${editorToken}`)
              .send({
                externalId: `ATTACK-${Date.now()}`,
                cccd: own.cccd,
                dateOfBirth: own.dateOfBirth,
                title: 'Khoá học giả',
                completedOn: '2026-03-01',
                hours: 2,
                domains: ['LAW'],
              })
          ).status;
        },
      ],
    ];

    // Engagement (issue 15): the victims' nominations, book logs and enterprise's support.
    attempts.push(
      [
        'nominate the victim (API), naming their enterprise',
        async () =>
          (
            await api('post', '/api/v1/engagement/commendations').send({
              year: 2026,
              kind: 'CHILD',
              workerId: fx.workers.own,
              childName: 'Con giả',
              achievement: 'Giả',
              enterpriseId: e1,
            })
          ).status,
      ],
      [
        'nominate the victim (page), as the attacker’s enterprise',
        async () => {
          await attacker.get('/engagement/commendations/new');
          return (
            await attacker.agent
              .post('/engagement/commendations')
              .field('_csrf', attacker.csrf)
              .field('year', '2026')
              .field('kind', 'WORKER')
              .field('workerId', String(fx.workers.otherUnit))
              .field('achievement', 'Giả')
          ).status;
        },
      ],
      [
        'edit the victim’s nomination (API and page)',
        async () => {
          const patched = await api('patch', `/api/v1/engagement/commendations/${nomination}`).send({
            achievement: 'Sửa trộm',
          });
          if (patched.status !== 404) return patched.status;
          await attacker.get('/engagement/commendations');
          return (
            await attacker.agent
              .post(`/engagement/commendations/${nomination}`)
              .field('_csrf', attacker.csrf)
              .field('achievement', 'Sửa trộm')
          ).status;
        },
      ],
      [
        'confirm the victim’s book log (API and page): a learning record',
        async () => {
          const confirmed = await api('post', `/api/v1/book-logs/${bookLog}/confirm`).send({ hours: 2 });
          if (confirmed.status !== 404) return confirmed.status;
          return (await page(`/books/review/${bookLog}/confirm`, { hours: '2' })).status;
        },
      ],
      [
        'declare support for the victim’s enterprise (API)',
        async () =>
          (
            await request(app.getHttpServer())
              .put(`/api/v1/engagement/support/${e1}`)
              .set('Authorization', `Bearer ${attackerToken}`)
              .send({ year: 2026, fundsCommitted: 1, fundsSpent: 1, paidStudyHours: 1, materialsSupplied: 1 })
          ).status,
      ],
    );
    const changes = {
      scope: [] as string[],
      identity: [] as string[],
      account: [] as string[],
      other: [] as string[],
    };
    const answers: string[] = [];
    for (const [label, attempt] of attempts) {
      const status = await attempt();
      answers.push(`${label}: ${status}`);
      for (const id of victims()) {
        const now = await stateOf(id);
        const was = before.get(id)!;
        if (await inAttackersScope(id)) changes.scope.push(`${label} → worker ${id}`);
        if (now.identity !== was.identity) changes.identity.push(`${label} → worker ${id}`);
        if (now.account !== was.account) changes.account.push(`${label} → worker ${id}`);
        if (
          now.employments !== was.employments ||
          now.learning !== was.learning ||
          now.attendance !== was.attendance ||
          now.engagement !== was.engagement
        )
          changes.other.push(`${label} → worker ${id}`);
      }
    }
    console.log(
      `write-path matrix (${setup.name}): ${attempts.length} writes × ${victims().length} victims; ` +
        `scope changes ${changes.scope.length}, identity changes ${changes.identity.length}, ` +
        `account changes ${changes.account.length}, other changes ${changes.other.length}\n  ${answers.join('\n  ')}`,
    );
    expect(changes).toEqual({ scope: [], identity: [], account: [], other: [] });
    for (const label of [
      'nominate the victim (API), naming their enterprise',
      'edit the victim’s nomination (API and page)',
      'confirm the victim’s book log (API and page): a learning record',
      'declare support for the victim’s enterprise (API)',
    ])
      expect(answers).toContain(`${label}: 404`);
    expect(answers).toContain('nominate the victim (page), as the attacker’s enterprise: 400');
    const [{ n: declared }] = await db.query(
      'SELECT COUNT(*) AS n FROM enterprise_support WHERE enterprise_id = ?',
      [e1],
    );
    expect(Number(declared)).toBe(0);

    // The rows and forms that named a victim with other identity data wait for the federation admin.
    const [{ n }] = await db.query(
      "SELECT COUNT(*) AS n FROM identity_reconciliations WHERE enterprise_id = ? AND status = 'OPEN'",
      [e1b],
    );
    expect(Number(n)).toBe(2); // one open request per person and enterprise, the latest row kept
    // The victim still signs in with their own password.
    const victim = new Browser(app);
    await expect(victim.login(fx.logins.worker.username, DEMO_PASSWORD)).resolves.toBeDefined();
  }, 240_000);

  it('a join with the full identity is answered as a new person, and opens nothing of the worker’s past', async () => {
    const own = fx.people.own;
    const fresh = {
      fullName: 'Nguyễn Văn Hoàn Toàn Mới',
      dateOfBirth: '1991-02-03',
      gender: 'MALE',
      cccd: `00109100${String(Date.now() % 1e4).padStart(4, '0')}`,
    };
    const add = async (p: typeof fresh) => {
      await attacker.get('/workers/new');
      return attacker.submit('/workers', { ...p, startDate: '2026-02-01' });
    };
    const flashOf = async (res: request.Response) => {
      const pageText = (await attacker.get(res.headers.location)).text;
      return /class="flash flash-success"[^>]*>([^<]+)</.exec(pageText)?.[1];
    };
    const known = await add({ ...own, fullName: own.fullName.toUpperCase() });
    const knownFlash = await flashOf(known);
    const unknown = await add(fresh);
    // Same status, same kind of place, same message: nothing tells whether the CCCD was known.
    expect([known.status, unknown.status]).toEqual([303, 303]);
    expect(knownFlash).toBe('Đã thêm người lao động.');
    expect(await flashOf(unknown)).toBe(knownFlash);
    expect(await inAttackersScope(fx.workers.own!)).toBe(true);
    const [joined] = await db.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'worker.joined' AND subject_id = ?",
      [fx.workers.own],
    );
    expect(Number(joined.n)).toBe(1);

    // The worker's learning at E1 stays E1's: the attacker's record list does not show it.
    const records = await attacker.agent.get('/learning-records?year=2025&size=100');
    expect(records.text).not.toContain(fx.recordMarks.own);
    const apiRecords = await request(app.getHttpServer())
      .get('/api/v1/learning-records?year=2025&size=100')
      .set('Authorization', `Bearer ${attackerToken}`);
    expect(JSON.stringify(apiRecords.body)).not.toContain(fx.recordMarks.own);
    // Nor E1's contact data: the attacker sees only what they entered.
    const detail = await request(app.getHttpServer())
      .get(`/api/v1/workers/${fx.workers.own}`)
      .set('Authorization', `Bearer ${attackerToken}`)
      .expect(200);
    expect(detail.body.employments.map((e: { enterpriseId: number }) => e.enterpriseId)).toEqual([e1b]);
    expect(JSON.stringify(detail.body)).not.toContain('@example.vn');

    // Who they are is theirs: an edit goes to reconciliation, and their active account gets no code.
    const before = await stateOf(fx.workers.own!);
    const edit = await api('patch', `/api/v1/workers/${fx.workers.own}`).send({ fullName: 'Kẻ Mạo Danh' });
    expect(edit.status).toBe(400);
    expect(JSON.stringify(edit.body)).toContain('đối chiếu');
    await attacker.get(`/workers/${fx.workers.own}`);
    const code = await attacker.submit(`/workers/${fx.workers.own}/activation-code`, {});
    expect(code.status).toBeGreaterThanOrEqual(400);
    const after = await stateOf(fx.workers.own!);
    expect([after.identity, after.account]).toEqual([before.identity, before.account]);

    function api(method: 'patch', path: string) {
      return request(app.getHttpServer())[method](path).set('Authorization', `Bearer ${attackerToken}`);
    }
  }, 120_000);
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
