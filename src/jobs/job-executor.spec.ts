import { Logger } from '@nestjs/common';
import { JobRun, JobStatus } from './entities/job-run.entity';
import { JobExecutor } from './job-executor';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JobRunsRepository } from './job-runs.repository';

describe(JobExecutor.name, () => {
  let runs: jest.Mocked<
    Pick<
      JobRunsRepository,
      'findById' | 'markRunning' | 'markProgress' | 'markCompleted' | 'markRetrying' | 'markFailed'
    >
  >;
  let handler: jest.Mock;
  let log: jest.SpyInstance;
  let debug: jest.SpyInstance;
  let warn: jest.SpyInstance;
  let sut: JobExecutor;

  beforeEach(() => {
    runs = {
      findById: jest.fn().mockResolvedValue({
        id: 7,
        name: 'indicators.rollup',
        status: JobStatus.Queued,
        payload: {},
      } as JobRun),
      markRunning: jest.fn().mockResolvedValue(true),
      markProgress: jest.fn(),
      markCompleted: jest.fn(),
      markRetrying: jest.fn(),
      markFailed: jest.fn(),
    };
    handler = jest.fn().mockResolvedValue({ snapshotId: 3 });
    const handlers = { get: () => handler } as unknown as JobHandlersRegistry;
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    sut = new JobExecutor(runs as unknown as JobRunsRepository, handlers);
  });

  afterEach(() => jest.restoreAllMocks());

  const job = { job: 'indicators.rollup', runId: 7 };

  it('logs one line when a job starts and one when it ends, with its duration and outcome', async () => {
    await sut.execute(7, 1);
    expect(log.mock.calls).toEqual([
      [{ ...job, attempt: 1 }, 'job started'],
      [{ ...job, attempt: 1, durationMs: expect.any(Number), outcome: JobStatus.Completed }, 'job finished'],
    ]);
    expect(runs.markCompleted).toHaveBeenCalledWith(7, { snapshotId: 3 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs a failed attempt at warn, with the error and whether it will be retried', async () => {
    handler.mockRejectedValue(new Error('no plan 9'));
    await expect(sut.execute(7, 1)).rejects.toThrow('no plan 9');
    await expect(sut.execute(7, 3)).rejects.toThrow('no plan 9');
    expect(warn.mock.calls).toEqual([
      [
        {
          ...job,
          attempt: 1,
          durationMs: expect.any(Number),
          outcome: JobStatus.Retrying,
          error: 'no plan 9',
        },
        'job finished',
      ],
      [
        { ...job, attempt: 3, durationMs: expect.any(Number), outcome: JobStatus.Failed, error: 'no plan 9' },
        'job finished',
      ],
    ]);
    expect(runs.markRetrying).toHaveBeenCalledWith(7, 'no plan 9');
    expect(runs.markFailed).toHaveBeenCalledWith(7, 'no plan 9');
  });

  it('logs at debug when asked (the web process running jobs itself), and a skipped run at debug only', async () => {
    await sut.execute(7, 1, 'debug');
    expect(debug.mock.calls.map((call) => call[1])).toEqual(['job started', 'job finished']);
    runs.findById.mockResolvedValue({
      id: 7,
      name: 'indicators.rollup',
      status: JobStatus.Completed,
    } as JobRun);
    await sut.execute(7, 2);
    expect(log).not.toHaveBeenCalled();
    expect(debug).toHaveBeenLastCalledWith({ runId: 7, attempt: 2 }, 'job skipped: already finished');
  });
});
