import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { eventually } from '../support/eventually';
import { AppProcess, FaultEnvironment } from '../support/processes';
import { enqueuer } from './fixtures';
import { todayInVietnam } from '../../src/common/time/vietnam-time';

/**
 * Redis restarted (killed, and back empty: no persistence) while the job process computes a plan's
 * roll-up over a province of scale data. Pass: the job run completes after the restart, the worker
 * takes new jobs from the new Redis, and the snapshot equals a fresh roll-up, row for row.
 */
const WORKERS = 60_000;

describe('faults: Redis restarted during a roll-up', () => {
  let env: FaultEnvironment;
  let worker: AppProcess;
  let queue: BullJobQueue;
  const figures: Record<string, number | string> = {};

  beforeAll(async () => {
    env = await FaultEnvironment.start({ JOB_LOCK_MS: '4000', JOB_STALLED_CHECK_MS: '1000' });
    // The scale seed (the built CLI): enterprises in both administrative trees, workers, records, titles.
    await env.cli('seed-scale.js', ['--workers', String(WORKERS), '--records-per-worker', '4']);
    queue = enqueuer(env);
    worker = await env.worker('worker');
  }, 180_000);

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await env?.stop();
    console.log(`faults/redis-restart figures: ${JSON.stringify(figures)}`);
  }, 60_000);

  const runOf = async (id: number) =>
    (await env.db.query('SELECT status, result FROM job_runs WHERE id = ?', [id]))[0] as {
      status: string;
      result: string | null;
    };

  /** A snapshot's rows without their ids, in a stable order. */
  const rowsOf = (snapshotId: number) =>
    env.db.query(
      `SELECT level, org_id, parent_unit_id, population, declared_headcount, denominator, law, vocational,
              life_skills, digital, learning_citizen
         FROM indicator_snapshot_rows WHERE snapshot_id = ? ORDER BY level, org_id`,
      [snapshotId],
    );

  it('completes the roll-up after the restart, and its snapshot equals a fresh roll-up', async () => {
    const [{ id: planId }] = await env.db.query('SELECT id FROM plans ORDER BY id LIMIT 1');
    const asOf = todayInVietnam();
    const run = await queue.enqueue(
      'indicators.rollup',
      { planId: Number(planId), asOf },
      { key: `${planId}:${asOf}` },
    );

    await eventually('the roll-up to start', async () => (await runOf(run.id)).status === 'RUNNING', {
      timeoutMs: 60_000,
      intervalMs: 5,
      retryErrors: true,
    });
    await env.redis.kill9();
    const down = Date.now();
    // The restart happened during the roll-up, not after it.
    expect((await runOf(run.id)).status).toBe('RUNNING');
    await env.redis.start();
    const restartMs = Date.now() - down;

    const finished = await eventually(
      'the interrupted roll-up to finish',
      async () => {
        const r = await runOf(run.id);
        return ['COMPLETED', 'FAILED'].includes(r.status) ? r : false;
      },
      { timeoutMs: 120_000, retryErrors: true },
    );
    const completedAfterMs = Date.now() - down;
    expect(finished.status).toBe('COMPLETED');
    const interrupted = JSON.parse(finished.result!) as { snapshotId: number; rows: number };
    const interruptedRows = await rowsOf(interrupted.snapshotId);

    // A fresh roll-up of the same plan and day, queued on the new Redis and run by the same worker.
    const fresh = await queue.enqueue(
      'indicators.rollup',
      { planId: Number(planId), asOf },
      { key: `${planId}:${asOf}` },
    );
    expect(fresh.id).not.toBe(run.id);
    const freshRun = await eventually(
      'the fresh roll-up to finish',
      async () => {
        const r = await runOf(fresh.id);
        return ['COMPLETED', 'FAILED'].includes(r.status) ? r : false;
      },
      { timeoutMs: 120_000, retryErrors: true },
    );
    expect(freshRun.status).toBe('COMPLETED');
    const freshRows = await rowsOf((JSON.parse(freshRun.result!) as { snapshotId: number }).snapshotId);

    Object.assign(figures, {
      workers: WORKERS,
      snapshotRows: interruptedRows.length,
      redisDownMs: restartMs,
      completedAfterRestartMs: completedAfterMs,
      rowsDiffering: interruptedRows.filter(
        (r: unknown, i: number) => JSON.stringify(r) !== JSON.stringify(freshRows[i]),
      ).length,
    });
    expect(interruptedRows.length).toBe(interrupted.rows);
    expect(interruptedRows.length).toBeGreaterThan(100);
    expect(freshRows).toEqual(interruptedRows);
    expect(worker.starts).toBe(1);
  }, 300_000);
});
