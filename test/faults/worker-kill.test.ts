import { randomInt } from 'node:crypto';
import { eventually } from '../support/eventually';
import { AppProcess, FaultEnvironment } from '../support/processes';
import {
  activeCriteria,
  createApplications,
  createLogin,
  createSession,
  createWorkforce,
  enqueuer,
  jobRuns,
  Workforce,
} from './fixtures';
import { Role, ScopeType } from '../../src/common/access/roles';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';

/**
 * The job process killed with SIGKILL (no shutdown hook runs) in the middle of its work, then
 * started again, over and over: attendance sheets of 1,000 workers each — every row a learning
 * record, every record a 'learning.recorded' job — and then a learning-citizen evaluation batch.
 * Pass: every record stored once (none lost, none twice), every summary counter right, every
 * job run COMPLETED, every application evaluated once with one audit entry.
 */
const RECORDS_PER_BATCH = 1000;
const KILLS = 20;
const BATCH_KILLS = 3;
const APPLICATIONS = 3000;

describe('faults: the worker killed mid-batch', () => {
  let env: FaultEnvironment;
  let web: AppProcess;
  let worker: AppProcess;
  let queue: BullJobQueue;
  const figures: Record<string, number | string> = {};

  beforeAll(async () => {
    env = await FaultEnvironment.start({
      // A dead worker's jobs are handed out again within seconds, and a job may be interrupted by
      // every kill of the test (production: 30 s, 30 s, 3).
      JOB_LOCK_MS: '4000',
      JOB_STALLED_CHECK_MS: '1000',
      JOB_MAX_STALLED: '100',
    });
    queue = enqueuer(env);
    [web, worker] = await Promise.all([env.web('web'), env.worker('worker')]);
  }, 120_000);

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await env?.stop();
    console.log(`faults/worker-kill figures: ${JSON.stringify(figures)}`);
  }, 60_000);

  /** Whatever the worker has finished so far: records stored, job runs completed, chunks evaluated. */
  async function progressMark(): Promise<string> {
    const [{ r, j, e }] = await env.db.query(
      `SELECT (SELECT COUNT(*) FROM learning_records) AS r,
              (SELECT COUNT(*) FROM job_runs WHERE status = 'COMPLETED') AS j,
              (SELECT COUNT(*) FROM citizenship_evaluations) AS e`,
    );
    return `${r}/${j}/${e}`;
  }

  async function unfinishedRuns(): Promise<number> {
    return env.count("SELECT COUNT(*) AS n FROM job_runs WHERE status NOT IN ('COMPLETED', 'FAILED')");
  }

  /**
   * Waits until the worker has done something since it started, lets it run a little further, then
   * kills it and starts a new one. Returns false (no kill) when nothing was left to do.
   */
  async function killOnceMidWork(recoveries: number[]): Promise<boolean> {
    const before = await progressMark();
    const moved = await eventually(
      'the worker to make progress',
      async () =>
        (await unfinishedRuns()) === 0 ? 'idle' : (await progressMark()) !== before ? 'moved' : false,
      { timeoutMs: 120_000, intervalMs: 20, retryErrors: true },
    );
    if (moved === 'idle') return false;
    await new Promise((resolve) => setTimeout(resolve, randomInt(0, 400)));
    if ((await unfinishedRuns()) === 0) return false;
    await worker.kill9();
    const killedAt = Date.now();
    const atKill = await progressMark();
    await worker.start();
    // Recovered: the new worker finished something the dead one had not (or nothing was left).
    await eventually(
      'the restarted worker to make progress',
      async () => (await unfinishedRuns()) === 0 || (await progressMark()) !== atKill,
      { timeoutMs: 120_000, intervalMs: 20, retryErrors: true },
    );
    recoveries.push(Date.now() - killedAt);
    return true;
  }

  async function uploadSheet(token: string, sessionId: number, codes: string[]): Promise<number> {
    const csv = ['Mã nhân viên', ...codes].join('\n') + '\n';
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'diem-danh.csv');
    const res = await fetch(`${web.baseUrl}/api/v1/activities/${sessionId}/attendance-imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    }).catch((error: Error) => {
      throw new Error(`${error.message} (${String(error.cause)})\n--- web output ---\n${web.output}`);
    });
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    return Number(((await res.json()) as { id: number }).id);
  }

  it(`loses and doubles no learning record when the worker is killed ${KILLS} times mid-batch`, async () => {
    const started = Date.now();
    const workforce: Workforce = await createWorkforce(env.db, RECORDS_PER_BATCH);
    const officer = await createLogin(
      env.db,
      Role.UnionOfficer,
      ScopeType.Enterprise,
      workforce.enterpriseId,
    );
    const sessions: number[] = [];
    const imports: number[] = [];
    const recoveries: number[] = [];
    let kills = 0;
    while (kills < KILLS) {
      // One more sheet of 1,000 rows, each naming a worker by employee code.
      const sessionId = await createSession(
        env.db,
        workforce.enterpriseId,
        `Tập huấn kỹ năng số ${sessions.length + 1}`,
      );
      sessions.push(sessionId);
      imports.push(await uploadSheet(officer.token, sessionId, workforce.codes));
      while (kills < KILLS && (await killOnceMidWork(recoveries))) kills++;
    }
    await eventually('every job run to finish', async () => (await unfinishedRuns()) === 0, {
      timeoutMs: 300_000,
      intervalMs: 100,
      retryErrors: true,
    }).catch(async (error: Error) => {
      const left = await env.db.query(
        `SELECT name, status, COUNT(*) AS n, MIN(created_at) AS oldest FROM job_runs
            WHERE status NOT IN ('COMPLETED', 'FAILED') GROUP BY name, status`,
      );
      throw new Error(`${error.message}; unfinished: ${JSON.stringify(left)}`);
    });

    const expected = sessions.length * RECORDS_PER_BATCH;
    const [records] = await env.db.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT worker_id, source, source_ref) AS distinctKeys
         FROM learning_records WHERE source = 'SESSION'`,
    );
    const [attendance] = await env.db.query(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT session_id, worker_id) AS distinctKeys FROM session_attendance',
    );
    const perSession: { session_id: number; n: number }[] = await env.db.query(
      `SELECT s.id AS session_id, COUNT(r.id) AS n FROM learning_sessions s
         LEFT JOIN learning_records r ON r.source = 'SESSION' AND r.source_ref = CONCAT('session:', s.id)
        GROUP BY s.id`,
    );
    // Each worker's summary counts its records once: a record written twice, or counted twice, shows here.
    const wrongSummaries = await env.count(
      `SELECT COUNT(*) AS n FROM workers w
         LEFT JOIN worker_learning_summary s ON s.worker_id = w.id
        WHERE COALESCE(s.records, 0) <> (SELECT COUNT(*) FROM learning_records r WHERE r.worker_id = w.id)
           OR COALESCE(s.hours, 0) <> (SELECT COALESCE(SUM(r.hours), 0) FROM learning_records r WHERE r.worker_id = w.id)`,
    );
    const importRows: { status: string; total_rows: number; recorded_count: number; error_count: number }[] =
      await env.db.query(
        `SELECT status, total_rows, created_count AS recorded_count, error_count FROM import_runs WHERE id IN (${imports.join(',')})`,
      );
    const runs = await jobRuns(env.db);
    // Every worker was announced to the listeners after their records landed (no lost event).
    const unannounced = await env.count(
      `SELECT COUNT(*) AS n FROM workers w
        WHERE EXISTS (SELECT 1 FROM learning_records r WHERE r.worker_id = w.id)
          AND NOT EXISTS (SELECT 1 FROM job_runs j WHERE j.name = 'learning.recorded'
                          AND j.business_key = CAST(w.id AS CHAR) AND j.status = 'COMPLETED')`,
    );

    Object.assign(figures, {
      kills,
      batches: sessions.length,
      records: Number(records.n),
      expectedRecords: expected,
      lost: expected - Number(records.distinctKeys),
      duplicated: Number(records.n) - Number(records.distinctKeys),
      jobRuns: runs.length,
      jobRunsNotCompleted: runs.filter((r) => r.status !== 'COMPLETED').length,
      workerStarts: worker.starts,
      recoveryMsMax: Math.max(...recoveries),
      recoveryMsMedian: [...recoveries].sort((a, b) => a - b)[Math.floor(recoveries.length / 2)],
      recordsSeconds: Math.round((Date.now() - started) / 1000),
    });

    expect(kills).toBe(KILLS);
    expect(Number(records.n)).toBe(expected);
    expect(Number(records.distinctKeys)).toBe(expected);
    expect(Number(attendance.n)).toBe(expected);
    expect(Number(attendance.distinctKeys)).toBe(expected);
    expect(perSession.map((s) => Number(s.n))).toEqual(sessions.map(() => RECORDS_PER_BATCH));
    expect(wrongSummaries).toBe(0);
    expect(importRows).toEqual(
      imports.map(() => ({
        status: 'COMPLETED',
        total_rows: RECORDS_PER_BATCH,
        recorded_count: RECORDS_PER_BATCH,
        error_count: 0,
      })),
    );
    expect(runs.filter((r) => r.status !== 'COMPLETED')).toEqual([]);
    expect(unannounced).toBe(0);
  }, 420_000);

  it(`evaluates every application once when the worker is killed ${BATCH_KILLS} times mid-way through an evaluation batch`, async () => {
    const started = Date.now();
    const workforce = await createWorkforce(env.db, APPLICATIONS);
    const criteria = await activeCriteria(env.db);
    const applications = await createApplications(env.db, workforce, criteria, 'SUBMITTED');
    const year = new Date().getFullYear();
    const run = await queue.enqueue(
      'citizenship.evaluate-batch',
      { year, scope: { kind: 'ENTERPRISE', id: workforce.enterpriseId } },
      { key: `${year}:ENTERPRISE:${workforce.enterpriseId}` },
    );
    const evaluated = () =>
      env.count(
        'SELECT COUNT(*) AS n FROM citizenship_evaluations e JOIN citizenship_applications a ON a.id = e.application_id WHERE a.enterprise_id = ?',
        [workforce.enterpriseId],
      );
    const status = async () =>
      String((await env.db.query('SELECT status FROM job_runs WHERE id = ?', [run.id]))[0].status);
    let kills = 0;
    const recoveries: number[] = [];
    while (kills < BATCH_KILLS) {
      // Kill right after a chunk was stored, while chunks remain.
      const before = await evaluated();
      const now = await eventually(
        'a chunk of the batch to be stored',
        async () => {
          if ((await status()) === 'COMPLETED') return -1;
          const n = await evaluated();
          return n > before ? n : false;
        },
        { timeoutMs: 120_000, intervalMs: 10, retryErrors: true },
      );
      if (now < 0) break;
      await worker.kill9();
      const killedAt = Date.now();
      if ((await status()) === 'COMPLETED') break;
      kills++;
      await worker.start();
      await eventually(
        'the batch to go on',
        async () => (await status()) === 'COMPLETED' || (await evaluated()) > now,
        { timeoutMs: 120_000, intervalMs: 20, retryErrors: true },
      );
      recoveries.push(Date.now() - killedAt);
    }
    await eventually('the batch to finish', async () => ['COMPLETED', 'FAILED'].includes(await status()), {
      timeoutMs: 180_000,
      intervalMs: 100,
      retryErrors: true,
    });

    const [rows] = await env.db.query(
      `SELECT COUNT(e.id) AS evaluations, COUNT(DISTINCT e.application_id) AS applications,
              (SELECT COUNT(*) FROM citizenship_audit c WHERE c.action = 'EVALUATED' AND c.application_id IN
                 (SELECT id FROM citizenship_applications WHERE enterprise_id = ?)) AS audits,
              (SELECT COUNT(DISTINCT c.application_id) FROM citizenship_audit c WHERE c.action = 'EVALUATED' AND c.application_id IN
                 (SELECT id FROM citizenship_applications WHERE enterprise_id = ?)) AS auditedApplications
         FROM citizenship_evaluations e JOIN citizenship_applications a ON a.id = e.application_id
        WHERE a.enterprise_id = ?`,
      [workforce.enterpriseId, workforce.enterpriseId, workforce.enterpriseId],
    );
    const items = await env.count(
      `SELECT COUNT(*) AS n FROM citizenship_evaluation_items i JOIN citizenship_evaluations e ON e.id = i.evaluation_id
         JOIN citizenship_applications a ON a.id = e.application_id WHERE a.enterprise_id = ?`,
      [workforce.enterpriseId],
    );
    Object.assign(figures, {
      batchKills: kills,
      applications: applications.length,
      evaluations: Number(rows.evaluations),
      evaluationsDuplicated: Number(rows.evaluations) - Number(rows.applications),
      evaluationsLost: applications.length - Number(rows.applications),
      auditEntries: Number(rows.audits),
      batchRecoveryMsMax: recoveries.length ? Math.max(...recoveries) : 0,
      batchSeconds: Math.round((Date.now() - started) / 1000),
    });

    expect(kills).toBe(BATCH_KILLS);
    expect(await status()).toBe('COMPLETED');
    expect(Number(rows.applications)).toBe(APPLICATIONS);
    expect(Number(rows.evaluations)).toBe(APPLICATIONS);
    expect(Number(rows.audits)).toBe(APPLICATIONS);
    expect(Number(rows.auditedApplications)).toBe(APPLICATIONS);
    expect(items).toBe(APPLICATIONS * 4);
    expect((await jobRuns(env.db)).filter((r) => r.status !== 'COMPLETED')).toEqual([]);
  }, 300_000);
});
