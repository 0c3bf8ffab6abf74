import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { BookLogsRepository } from '../../src/engagement/campaigns/book-logs.repository';
import { BookLogsService } from '../../src/engagement/campaigns/book-logs.service';
import { SnapshotsRepository } from '../../src/indicators/snapshots.repository';
import { RollupService } from '../../src/indicators/rollup.service';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { buildRollupFixture, D2, namedTable, RollupFixture } from '../support/rollup-fixture';
import { createTestApp } from '../support/test-app';

/**
 * Book logs against the roll-up on MariaDB (issue 15, second "done when"): a rejected book log moves
 * no figure; a confirmed one makes one LIFE_SKILLS record and, after the next roll-up, its worker
 * counts as reached in life skills at their enterprise and every unit above it — nothing else moves.
 */
describe('book logs and the indicators (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fx: RollupFixture;
  let rollup: RollupService;
  let sut: BookLogsService;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    rollup = app.get(RollupService);
    sut = app.get(BookLogsService);
    fx = await buildRollupFixture(db, app.get(LearningRecordsService));
  });

  afterAll(async () => {
    await app.close();
  });

  async function figuresOn(asOf: string) {
    await rollup.run(fx.plans.planToDate, asOf);
    const snapshot = await app.get(SnapshotsRepository).find(fx.plans.planToDate, asOf);
    return namedTable(db, fx, snapshot!.id);
  }

  it('moves LIFE_SKILLS for a confirmed book log after a roll-up, and nothing for a rejected one', async () => {
    // A worker of the fixture employed on D2 who has not learned life skills by then.
    const enterpriseIds = Object.values(fx.enterprises);
    const [candidate] = await db.query(
      `SELECT e.worker_id AS workerId, e.enterprise_id AS enterpriseId FROM employments e
       WHERE e.enterprise_id IN (${enterpriseIds.map(() => '?').join(',')})
         AND e.start_date <= ? AND (e.end_date IS NULL OR e.end_date >= ?)
         AND NOT EXISTS (SELECT 1 FROM learning_records r JOIN learning_record_domains d ON d.record_id = r.id
                         WHERE r.worker_id = e.worker_id AND d.domain_code = 'LIFE_SKILLS' AND r.occurred_on <= ?)
       ORDER BY e.worker_id LIMIT 1`,
      [...enterpriseIds, D2, D2, D2],
    );
    expect(candidate).toBeDefined();
    const workerId = Number(candidate.workerId);
    const enterpriseId = Number(candidate.enterpriseId);
    const name = Object.entries(fx.enterprises)
      .find(([, id]) => id === enterpriseId)![0]
      .toUpperCase();
    const officer = new Actor(1, 'Cán bộ công đoàn', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: enterpriseId },
    ]);
    const logs = app.get(BookLogsRepository);
    const readOn = '2025-09-01';
    const log = (title: string) =>
      logs.insert({
        workerId,
        enterpriseId,
        campaignId: null,
        title,
        author: 'Tác giả',
        readOn,
        reflection: 'Hay.',
      });

    const { figures: before, parents } = await figuresOn(D2);
    expect(before[name]).toBeDefined();
    // The enterprise's row and the rows of the units above it (the province's row is "province <unit>").
    const chain = [name];
    for (let parent = parents[name]; parent;) {
      const row = parent in before ? parent : `province ${parent}`;
      chain.push(row);
      parent = parents[row] ?? null;
    }
    expect(chain.length).toBeGreaterThanOrEqual(2);

    const rejected = await log('Sách bị từ chối');
    await sut.reject(officer, rejected.id, { reason: 'Chưa đọc xong' });
    expect((await figuresOn(D2)).figures).toEqual(before);
    const none = await db.query(
      'SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ? AND source = ?',
      [workerId, 'BOOK_LOG'],
    );
    expect(Number(none[0].n)).toBe(0);

    const confirmed = await log('Sách được xác nhận');
    await sut.confirm(officer, confirmed.id, {});
    const after = (await figuresOn(D2)).figures;
    const expected = structuredClone(before);
    const lifeSkills = 5; // [population, headcount, denominator, law, vocational, life skills, digital, citizen]
    for (const row of chain) expected[row][lifeSkills] += 1;
    expect(after).toEqual(expected);

    const [record] = await db.query(
      `SELECT r.hours, r.occurred_on AS occurredOn, d.domain_code AS domain FROM learning_records r
         JOIN learning_record_domains d ON d.record_id = r.id WHERE r.worker_id = ? AND r.source = 'BOOK_LOG'`,
      [workerId],
    );
    expect(Number(record.hours)).toBe(2);
    expect(record.domain).toBe('LIFE_SKILLS');
  });
});
