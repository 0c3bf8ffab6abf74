import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ImportKind, ImportRun, ImportStatus } from '../../src/imports/entities/import-run.entity';
import { Plan } from '../../src/indicators/entities/plan.entity';
import { IndicatorSnapshot, SnapshotStatus } from '../../src/indicators/entities/snapshot.entity';
import { JobRun, JobStatus } from '../../src/jobs/entities/job-run.entity';
import { createEnterprise } from './workers-factory';

const DAY = 86_400_000;

/** Job runs of every kind the retention sweep must tell apart, dated against `now`. */
export interface RunsOfEveryKind {
  /** Finished more than the retention period before `now`, oldest first; one FAILED, one a roll-up. */
  due: number[];
  /** The roll-up among `due` (its progress page is /indicators/rollups/:id). */
  dueRollup: number;
  /** Finished a day inside the retention period. */
  recent: number;
  /** Created long ago and still queued, running or waiting to retry. */
  unfinished: number[];
  /** Finished long ago, but an import shows it. */
  ofImport: number;
  /** Finished long ago, but a snapshot names it as the run that computed it. */
  ofSnapshot: number;
  all: number[];
}

export async function createRunsOfEveryKind(
  db: DataSource,
  now: Date,
  retentionDays: number,
): Promise<RunsOfEveryKind> {
  const tag = randomBytes(4).toString('hex');
  const runs = db.getRepository(JobRun);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  let n = 0;
  const run = async (status: JobStatus, finishedDaysAgo: number | null, name = 'learning.recorded') => {
    const key = `retention-${tag}-${++n}`;
    const saved = await runs.save(
      runs.create({
        name,
        businessKey: key,
        pendingKey: status === JobStatus.Queued ? `${name}:${key}` : null,
        payload: { workerId: 0 },
        status,
        progress: finishedDaysAgo === null ? 0 : 100,
        attempts: status === JobStatus.Queued ? 0 : 1,
        requestedBy: null,
        runAfter: null,
        result: null,
        error: status === JobStatus.Failed ? 'boom' : null,
        startedAt: status === JobStatus.Queued ? null : daysAgo(finishedDaysAgo ?? 200),
        finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo),
      }),
    );
    await runs.update({ id: saved.id }, { createdAt: daysAgo((finishedDaysAgo ?? 200) + 0.01) });
    return saved.id;
  };

  const due = [
    await run(JobStatus.Completed, retentionDays + 50),
    await run(JobStatus.Failed, retentionDays + 40),
    await run(JobStatus.Completed, retentionDays + 30, 'indicators.rollup'),
    await run(JobStatus.Completed, retentionDays + 20),
    await run(JobStatus.Completed, retentionDays + 1),
  ];
  const recent = await run(JobStatus.Completed, retentionDays - 1);
  const unfinished = [
    await run(JobStatus.Queued, null),
    await run(JobStatus.Running, null),
    await run(JobStatus.Retrying, null),
  ];
  const ofImport = await run(JobStatus.Completed, retentionDays + 100, 'import.run');
  const ofSnapshot = await run(JobStatus.Completed, retentionDays + 100, 'indicators.rollup');

  const enterpriseId = await createEnterprise(db, `Công ty giữ lượt chạy ${tag}`);
  await db.getRepository(ImportRun).insert({
    kind: ImportKind.Roster,
    targetId: enterpriseId,
    uploadedBy: 1,
    originalName: 'danh-sach.csv',
    storedName: `retention-${tag}.csv`,
    sha256: tag.padEnd(64, '0'),
    status: ImportStatus.Completed,
    totalRows: 1,
    createdCount: 1,
    updatedCount: 0,
    unchangedCount: 0,
    errorCount: 0,
    jobRunId: ofImport,
    fileDeletedAt: null,
  });
  const [{ unit_id: unitId }] = await db.query('SELECT unit_id FROM enterprises WHERE id = ?', [
    enterpriseId,
  ]);
  const plans = db.getRepository(Plan);
  const plan = await plans.save(
    plans.create({
      code: `RETENTION-${tag}`,
      title: `Kế hoạch giữ lượt chạy ${tag}`,
      issuingBody: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
      decisionRef: null,
      unitId: Number(unitId),
      startDate: '2023-01-01',
      endDate: '2030-12-31',
    }),
  );
  await db.getRepository(IndicatorSnapshot).insert({
    planId: plan.id,
    asOf: '2024-12-31',
    status: SnapshotStatus.Ready,
    jobRunId: ofSnapshot,
    enterprises: 0,
    population: 0,
    computedAt: daysAgo(retentionDays + 100),
  });

  return {
    due,
    dueRollup: due[2],
    recent,
    unfinished,
    ofImport,
    ofSnapshot,
    all: [...due, recent, ...unfinished, ofImport, ofSnapshot],
  };
}

/** Which of these runs are still stored. */
export async function remainingRuns(db: DataSource, ids: number[]): Promise<number[]> {
  const rows = await db.getRepository(JobRun).find({ where: { id: In(ids) }, select: { id: true } });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
