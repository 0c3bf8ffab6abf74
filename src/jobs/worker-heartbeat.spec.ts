import type Redis from 'ioredis';
import { RedisConfig } from '../config';
import { GONE_AFTER_MS, WorkerHeartbeat } from './worker-heartbeat';

/** Just what the heartbeat uses of ioredis: SET with an expiry (in a MULTI), MGET, EXISTS. */
class FakeRedis {
  readonly values = new Map<string, { value: string; expiresAt: number }>();
  now = Date.now();

  multi() {
    const sets: [string, string, string, number][] = [];
    const chain = {
      set: (key: string, value: string, unit: string, ttl: number) => {
        sets.push([key, value, unit, ttl]);
        return chain;
      },
      exec: async () => {
        for (const [key, value, unit, ttl] of sets)
          this.values.set(key, { value, expiresAt: this.now + (unit === 'PX' ? ttl : ttl * 1000) });
        return [];
      },
    };
    return chain;
  }

  private get(key: string): string | null {
    const entry = this.values.get(key);
    return entry && entry.expiresAt > this.now ? entry.value : null;
  }

  async mget(...keys: string[]) {
    return keys.map((key) => this.get(key));
  }

  async exists(key: string) {
    return this.get(key) === null ? 0 : 1;
  }
}

describe(WorkerHeartbeat.name, () => {
  const config = { queuePrefix: 'hoctap-x' } as RedisConfig;
  let redis: FakeRedis;
  let sut: WorkerHeartbeat;

  beforeEach(() => {
    redis = new FakeRedis();
    sut = new WorkerHeartbeat(redis as unknown as Redis, config);
  });

  it('sees no worker before any has beaten', async () => {
    expect(await sut.sighting()).toEqual({ ok: false, seenAt: null, lastJob: null });
    expect(await sut.noWorkerRunning()).toBe(true);
  });

  it('sees a worker that beat lately, under the queue prefix, with the last job it took or finished', async () => {
    await sut.jobEvent('indicators.rollup', 12, 'finished');
    expect([...redis.values.keys()].sort()).toEqual([
      'hoctap-x:workers:alive',
      'hoctap-x:workers:last-job',
      'hoctap-x:workers:seen',
    ]);
    const sighting = await sut.sighting();
    expect(sighting).toEqual({
      ok: true,
      seenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastJob: { at: sighting?.seenAt, job: 'indicators.rollup', runId: 12, event: 'finished' },
    });
    expect(await sut.noWorkerRunning()).toBe(false);
  });

  it('counts a worker silent for GONE_AFTER_MS as gone, and still says when it was last seen', async () => {
    await sut.beat();
    redis.now += GONE_AFTER_MS + 1;
    const sighting = await sut.sighting();
    expect(sighting).toMatchObject({ ok: false, seenAt: expect.any(String), lastJob: null });
    expect(await sut.noWorkerRunning()).toBe(true);
  });

  it('watches nothing without Redis: jobs run in the web process', async () => {
    const inProcess = new WorkerHeartbeat(null, config);
    expect(inProcess.watched).toBe(false);
    expect(await inProcess.sighting()).toBeNull();
    expect(await inProcess.noWorkerRunning()).toBe(false);
    await expect(inProcess.beat()).resolves.toBeUndefined();
  });
});
