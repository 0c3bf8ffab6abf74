import { FiguresChanged } from '../common/events/figures-changed';
import { todayInVietnam } from '../common/time/vietnam-time';
import { AppConfig } from '../config';
import { JobQueue } from '../jobs/job-queue';
import { LearningRecordEvents } from '../learning-records/learning-record-events';
import { Plan } from './entities/plan.entity';
import { PlansRepository } from './plans.repository';
import { REFRESH_DELAY_MS, RollupScheduler } from './rollup.scheduler';
import { RollupService } from './rollup.service';
import { SnapshotsRepository } from './snapshots.repository';

const PLAN = { id: 3, startDate: '2023-01-01', endDate: '2030-12-31' } as Plan;

function setup(env: AppConfig['env'] = 'production') {
  const plans = {
    activeOn: jest.fn(async () => [PLAN]),
    list: jest.fn(async () => [PLAN]),
    milestonesOf: jest.fn(async () => [{ reviewDate: '2025-12-31' }]),
  };
  const snapshots = {
    claim: jest.fn(async () => ({ id: 1 }) as unknown),
    release: jest.fn(),
    find: jest.fn(async () => ({ id: 2 }) as unknown),
    prune: jest.fn(async () => 0),
  };
  const rollups = { isFinalYearEnd: jest.fn(async () => true) };
  const queue = { enqueue: jest.fn(async () => ({ id: 1 })) };
  const listeners: (() => Promise<void>)[] = [];
  const events = {
    subscribe: jest.fn((_name: string, listener: () => Promise<void>) => listeners.push(listener)),
  };
  const figures = new FiguresChanged();
  const sut = new RollupScheduler(
    plans as unknown as PlansRepository,
    snapshots as unknown as SnapshotsRepository,
    rollups as unknown as RollupService,
    queue as unknown as JobQueue,
    events as unknown as LearningRecordEvents,
    figures,
    { env } as AppConfig,
  );
  return { sut, plans, snapshots, rollups, queue, events, figures, listeners };
}

/** 25/11/2026 at the given hour in Vietnam (UTC+7). */
const at = (hour: number) => new Date(Date.UTC(2026, 10, 25, hour - 7));

describe(RollupScheduler.name, () => {
  it('queues tonight’s roll-up of each plan from 01:00, once: the snapshot header is the claim', async () => {
    const { sut, snapshots, queue } = setup();
    await sut.tick(at(0));
    expect(queue.enqueue).not.toHaveBeenCalled();
    await sut.tick(at(1));
    expect(snapshots.claim).toHaveBeenCalledWith(3, '2026-11-25');
    expect(queue.enqueue).toHaveBeenCalledWith(
      'indicators.rollup',
      { planId: 3, asOf: '2026-11-25' },
      { key: '3:2026-11-25' },
    );
    snapshots.claim.mockResolvedValue(null);
    queue.enqueue.mockClear();
    await sut.tick(at(2));
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('drops old daily snapshots once a night, keeping review dates', async () => {
    const { sut, snapshots } = setup();
    await sut.tick(at(1));
    await sut.tick(at(3));
    expect(snapshots.prune).toHaveBeenCalledTimes(1);
    expect(snapshots.prune).toHaveBeenCalledWith(3, '2026-08-27', ['2025-12-31']);
  });

  it('gives the claim back when the job cannot be queued', async () => {
    const { sut, snapshots, queue } = setup();
    queue.enqueue.mockRejectedValueOnce(new Error('Redis is down'));
    await expect(sut.tick(at(1))).rejects.toThrow('Redis is down');
    expect(snapshots.release).toHaveBeenCalledWith(1);
  });

  it('makes sure last year’s 31 December is final and earlier ones exist', async () => {
    const { sut, snapshots, rollups, queue } = setup();
    rollups.isFinalYearEnd.mockResolvedValue(false);
    snapshots.find.mockImplementation((async (_plan: number, asOf: string) =>
      asOf === '2023-12-31' ? { id: 1 } : null) as () => Promise<unknown>);
    await sut.yearEnds('2026-11-25');
    expect(rollups.isFinalYearEnd).toHaveBeenCalledWith(3, '2025-12-31');
    expect(queue.enqueue.mock.calls.map((c: unknown[]) => (c[1] as { asOf: string }).asOf)).toEqual([
      '2024-12-31',
      '2025-12-31',
    ]);
    // Once per process: the queue deduplicates the rest.
    await sut.yearEnds('2026-11-25');
    expect(queue.enqueue).toHaveBeenCalledTimes(2);
  });

  it('refreshes today’s snapshot when any figure changes (a recognition, an import…), once per burst', async () => {
    const { sut, queue, figures } = setup();
    sut.onModuleInit();
    await figures.publish('recognition');
    await figures.publish('import');
    expect(queue.enqueue).toHaveBeenCalledTimes(1);
    expect(queue.enqueue).toHaveBeenCalledWith(
      'indicators.rollup',
      { planId: 3, asOf: todayInVietnam() },
      { key: `3:${todayInVietnam()}`, delayMs: REFRESH_DELAY_MS },
    );
  });

  it('refreshes today’s snapshot when workers learn, once per burst', async () => {
    const { sut, queue, listeners } = setup();
    sut.onModuleInit();
    expect(listeners).toHaveLength(1);
    await listeners[0]();
    await listeners[0]();
    expect(queue.enqueue).toHaveBeenCalledTimes(1);
    expect(queue.enqueue).toHaveBeenCalledWith(
      'indicators.rollup',
      expect.objectContaining({ planId: 3 }),
      expect.objectContaining({ delayMs: REFRESH_DELAY_MS }),
    );
    await sut.refreshSoon(new Date(Date.now() + REFRESH_DELAY_MS + 1));
    expect(queue.enqueue).toHaveBeenCalledTimes(2);
  });

  it('does nothing by itself under NODE_ENV=test', () => {
    const { sut, events } = setup('test');
    sut.onModuleInit();
    sut.onApplicationBootstrap();
    expect(events.subscribe).not.toHaveBeenCalled();
    sut.stop();
  });
});
