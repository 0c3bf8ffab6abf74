import { DataSource } from 'typeorm';
import { migrations } from '../../src/database/migrations';
import { SnakeNamingStrategy } from '../../src/database/snake-naming.strategy';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { LearningDomain } from '../../src/learning-records/entities/learning-domain.entity';
import { LearningRecord } from '../../src/learning-records/entities/learning-record.entity';
import {
  WorkerLearningSummary,
  WorkerLearningYear,
} from '../../src/learning-records/entities/worker-learning-summary.entity';
import { LearningRecordsRepository } from '../../src/learning-records/learning-records.repository';
import { RollupRepository } from '../../src/indicators/rollup.repository';

/** The tables a roll-up spec writes, emptied between its cases. */
const WRITTEN = [
  'employments',
  'learning_records',
  'learning_record_domains',
  'worker_learning_summary',
  'worker_learning_years',
  'recognitions',
];

/**
 * A migrated in-memory SQLite database (triggers included) for the roll-up's specs, without foreign
 * keys so a case can write employments and records of workers it never created; the roll-up's
 * repository, the learning-record store that keeps the summaries, and a way to empty it.
 */
export async function rollupDatabase(): Promise<{
  db: DataSource;
  sut: RollupRepository;
  store: LearningRecordsRepository;
  clear: () => Promise<void>;
}> {
  const db = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [LearningRecord, LearningDomain, WorkerLearningSummary, WorkerLearningYear],
  });
  await db.initialize();
  await db.runMigrations();
  await db.query('PRAGMA foreign_keys = OFF');
  const store = new LearningRecordsRepository(
    db.getRepository(LearningRecord),
    db.getRepository(LearningDomain),
    db.getRepository(WorkerLearningSummary),
    db.getRepository(WorkerLearningYear),
  );
  const clear = async () => {
    for (const table of WRITTEN) await db.query(`DELETE FROM ${table}`);
  };
  return { db, sut: new RollupRepository(db, new UnitOfWork(db)), store, clear };
}
