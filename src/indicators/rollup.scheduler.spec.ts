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
    reportedDates: jest.fn(async (): Promise<string[]> => []),
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

  /** What was queued: "asOf force key delay" per call. */
  const queued = (queue: { enqueue: jest.Mock }) =>
    queue.enqueue.mock.calls.map((c: unknown[]) => {
      const payload = c[1] as { asOf: string; force?: boolean };
      const options = c[2] as { key: string; delayMs?: number };
      return `${payload.asOf} ${payload.force ? 'forced' : 'scheduled'} ${options.key} ${options.delayMs ?? 0}`;
    });

  it('recomputes, forced, every closed year-end from a back-dated change’s year, and today', async () => {
    const { sut, queue, snapshots, figures } = setup();
    sut.onModuleInit();
    const today = todayInVietnam();
    const lastYear = Number(today.slice(0, 4)) - 1;
    await figures.publish('history', '2023-03-15');
    const expected = [`${today} scheduled 3:${today} ${REFRESH_DELAY_MS}`];
    for (let year = 2023; year <= lastYear; year++) {
      expected.push(`${year}-12-31 forced 3:${year}-12-31:backdated ${REFRESH_DELAY_MS}`);
    }
    expect(queued(queue)).toEqual(expected);
    expect(snapshots.reportedDates).toHaveBeenCalledWith(3, '2023-03-15', today);
  });

  it('leaves closed years alone for a change of this year, and a plan ended before the date', async () => {
    const { sut, queue, plans } = setup();
    const now = at(10);
    await sut.refreshPast('2026-02-01', now);
    expect(queue.enqueue).not.toHaveBeenCalled();
    plans.list.mockResolvedValue([{ ...PLAN, endDate: '2024-06-30' } as Plan]);
    await sut.refreshPast('2024-07-01', now);
    expect(queue.enqueue).not.toHaveBeenCalled();
    await sut.refreshPast('2026-11-25', now);
    await sut.refreshPast('not a date', now);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('keeps to the plan’s period: no year-end before its start year or after its end', async () => {
    const { sut, queue, plans } = setup();
    plans.list.mockResolvedValue([{ ...PLAN, startDate: '2024-07-01', endDate: '2025-06-30' } as Plan]);
    await sut.refreshPast('2022-05-01', at(10));
    expect(queued(queue)).toEqual([`2024-12-31 forced 3:2024-12-31:backdated ${REFRESH_DELAY_MS}`]);
  });

  it('recomputes the snapshots reports were written from since the date, this year’s too', async () => {
    const { sut, queue, snapshots } = setup();
    snapshots.reportedDates.mockResolvedValue(['2025-12-10', '2026-11-20']);
    await sut.refreshPast('2025-03-15', at(10));
    expect(snapshots.reportedDates).toHaveBeenCalledWith(3, '2025-03-15', '2026-11-25');
    expect(queued(queue)).toEqual([
      `2025-12-10 forced 3:2025-12-10:backdated ${REFRESH_DELAY_MS}`,
      `2025-12-31 forced 3:2025-12-31:backdated ${REFRESH_DELAY_MS}`,
      `2026-11-20 forced 3:2026-11-20:backdated ${REFRESH_DELAY_MS}`,
    ]);
  });

  it('asks the queue once a minute per back-dated date; an earlier date adds only its own years', async () => {
    const { sut, queue, snapshots } = setup();
    await sut.refreshPast('2025-03-15', at(10));
    await sut.refreshPast('2025-08-01', at(10));
    expect(queue.enqueue).toHaveBeenCalledTimes(1);
    // A burst of late records of that year does not even look for reported dates again.
    expect(snapshots.reportedDates).toHaveBeenCalledTimes(1);
    await sut.refreshPast('2024-01-01', at(10));
    expect(queued(queue).slice(1)).toEqual([`2024-12-31 forced 3:2024-12-31:backdated ${REFRESH_DELAY_MS}`]);
    // A minute later the run has started (or is about to): the next change queues another.
    await sut.refreshPast('2025-03-15', new Date(at(10).getTime() + REFRESH_DELAY_MS));
    expect(queue.enqueue).toHaveBeenCalledTimes(3);
  });

  it('still recomputes a year-end made final before the history arrived (forced)', async () => {
    const { sut, queue, rollups } = setup();
    rollups.isFinalYearEnd.mockResolvedValue(true);
    await sut.yearEnds('2026-11-25');
    expect(queue.enqueue).not.toHaveBeenCalled();
    await sut.refreshPast('2025-12-30', at(10));
    expect(queue.enqueue).toHaveBeenCalledWith(
      'indicators.rollup',
      { planId: 3, asOf: '2025-12-31', force: true },
      { key: '3:2025-12-31:backdated', delayMs: REFRESH_DELAY_MS },
    );
  });

  it('does nothing by itself under NODE_ENV=test', () => {
    const { sut, events } = setup('test');
    sut.onModuleInit();
    sut.onApplicationBootstrap();
    expect(events.subscribe).not.toHaveBeenCalled();
    sut.stop();
  });
});
