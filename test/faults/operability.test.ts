import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { eventually } from '../support/eventually';
import { AppProcess, FaultEnvironment } from '../support/processes';
import { enqueuer, jobRuns } from './fixtures';

/**
 * Issue 12, item 6, with the built processes as an operator runs them: the web process's last line
 * is the address to open; /health says whether a worker is alive; the worker logs each job's start
 * and end (one JSON line each, with duration and outcome). Short: one job.
 */
describe('faults: what an operator sees of the web and job processes', () => {
  let env: FaultEnvironment;
  let web: AppProcess;
  let queue: BullJobQueue;

  beforeAll(async () => {
    env = await FaultEnvironment.start();
    queue = enqueuer(env);
    web = await env.web('web');
  }, 120_000);

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await env?.stop();
  }, 60_000);

  const workers = async () => {
    const body = (await (await fetch(`${web.baseUrl}/health`)).json()) as {
      details: { workers: { ok: boolean; seenAt: string | null; lastJob: { runId: number } | null } };
    };
    return body.details.workers;
  };

  it('prints the address to open as the last line of the web process’s start-up', async () => {
    const lines = await eventually('the start-up output to end', async () => web.output, {
      until: (output) => output.endsWith('\n') && output.includes('hoctap is ready'),
    });
    expect(lines.trimEnd().split('\n').pop()).toBe(`hoctap is ready: ${web.baseUrl}`);
  });

  it('reports no worker on /health, then the worker once it runs, and the worker logs each job', async () => {
    expect(await workers()).toEqual({ status: 'up', ok: false, seenAt: null, lastJob: null });

    const worker = await env.worker('worker');
    expect(await eventually('the worker to be seen', workers, { until: (w) => w.ok === true })).toMatchObject(
      {
        seenAt: expect.any(String),
      },
    );

    const run = await queue.enqueue('citizenship.evaluate-worker', { workerId: 424242 }, { key: 424242 });
    await eventually(
      'the job to complete',
      async () => (await jobRuns(env.db)).find((r) => r.id === run.id),
      {
        until: (r) => r?.status === 'COMPLETED',
      },
    );
    const logged = await eventually(
      'the worker to log the job',
      async () =>
        worker.output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line))
          .filter((entry) => entry.runId === run.id),
      { until: (entries) => entries.length >= 2 },
    );
    expect(logged).toEqual([
      expect.objectContaining({
        msg: 'job started',
        job: 'citizenship.evaluate-worker',
        attempt: 1,
        level: 30,
      }),
      expect.objectContaining({
        msg: 'job finished',
        job: 'citizenship.evaluate-worker',
        attempt: 1,
        durationMs: expect.any(Number),
        outcome: 'COMPLETED',
        level: 30,
      }),
    ]);
    expect(
      await eventually('/health to show the job', workers, { until: (w) => w.lastJob?.runId === run.id }),
    ).toMatchObject({ ok: true, lastJob: { job: 'citizenship.evaluate-worker', event: 'finished' } });
  });
});
