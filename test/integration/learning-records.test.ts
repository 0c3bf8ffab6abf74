import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RecordSource } from '../../src/learning-records/entities/learning-record.entity';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { LearningRecordsRepository } from '../../src/learning-records/learning-records.repository';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { createTestApp } from '../support/test-app';
import { ensureLearningDomains } from '../support/learning-domains';

/** The learning-record store on MariaDB: exactly once, and the summaries move with the records. */
describe('learning-record store (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let sut: LearningRecordsService;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(LearningRecordsService);
    // The reference seed is not loaded on MySQL test databases.
    await ensureLearningDomains(db);
  });

  afterAll(async () => {
    await app.close();
  });

  async function newWorker(): Promise<number> {
    const hash = randomBytes(32).toString('hex');
    await db.query(
      "INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash) VALUES ('Thử Nghiệm', 'thu nghiem', '1990-01-01', 'MALE', 'x', ?)",
      [hash],
    );
    const [{ id }] = await db.query('SELECT id FROM workers WHERE cccd_hash = ?', [hash]);
    return Number(id);
  }

  const base = (
    workerId: number,
    sourceRef: string,
    occurredOn: string,
    domains: DomainCode[],
    hours = 2,
  ) => ({
    workerId,
    occurredOn,
    hours,
    source: RecordSource.Session,
    sourceRef,
    title: 'Tuyên truyền pháp luật lao động',
    domains,
  });

  it('stores the same record once however many times, and at the same moment, it is sent', async () => {
    const workerId = await newWorker();
    const input = base(workerId, 'session:1', '2025-03-10', [DomainCode.Law]);
    const results = await Promise.all(Array.from({ length: 10 }, () => sut.record(input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const [{ n }] = await db.query('SELECT COUNT(*) n FROM learning_records WHERE worker_id = ?', [workerId]);
    expect(Number(n)).toBe(1);
    const summary = await sut.summaryOf(workerId);
    expect(summary).toMatchObject({ firstLawOn: '2025-03-10', firstDigitalOn: null, records: 1, hours: 2 });
  });

  it('keeps the earliest date per domain and per year, and adds hours', async () => {
    const workerId = await newWorker();
    await sut.record(base(workerId, 'session:2', '2025-05-01', [DomainCode.Law, DomainCode.Digital], 1.5));
    await sut.record(base(workerId, 'session:3', '2024-11-20', [DomainCode.Digital], 3));
    await sut.record(base(workerId, 'session:4', '2025-02-01', [DomainCode.Digital], 1));
    const summary = await sut.summaryOf(workerId);
    expect(summary).toMatchObject({
      firstLawOn: '2025-05-01',
      firstDigitalOn: '2024-11-20',
      records: 3,
      hours: 5.5,
    });
    const progress = await sut.progressOf(workerId, 2025);
    expect(progress.find((p) => p.code === DomainCode.Digital)).toEqual({
      code: DomainCode.Digital,
      firstOn: '2024-11-20',
      firstThisYearOn: '2025-02-01',
    });

    // The summary is derived: rebuilding it from the records gives the same row.
    const repo = app.get(LearningRecordsRepository);
    await app.get(UnitOfWork).run((manager) => repo.rebuildSummaries(manager, workerId));
    expect(await sut.summaryOf(workerId)).toMatchObject({
      firstLawOn: '2025-05-01',
      firstDigitalOn: '2024-11-20',
      records: 3,
      hours: 5.5,
    });
  });

  it('announces a burst of records for one worker as one queued run', async () => {
    const workerId = await newWorker();
    await sut.record(base(workerId, 'session:5', '2025-06-01', [DomainCode.LifeSkills]));
    await sut.record(base(workerId, 'session:6', '2025-06-02', [DomainCode.LifeSkills]));
    const runs = await db.query(
      "SELECT status FROM job_runs WHERE name = 'learning.recorded' AND business_key = ?",
      [String(workerId)],
    );
    expect(runs).toHaveLength(1);
  });
});
