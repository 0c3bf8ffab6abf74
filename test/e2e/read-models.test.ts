import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CountingWindow } from '../../src/indicators/entities/plan.entity';
import {
  enterpriseCountsSql,
  enterpriseReachSql,
  enterpriseTitlesSql,
  ROLLUP_READS,
} from '../../src/indicators/rollup.repository';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { createTestApp } from '../support/test-app';

/**
 * Issue 10, item 1: the roll-up reads other domains' tables only through its read model
 * (ROLLUP_READS in src/indicators/rollup.repository.ts). This fails when a column it reads is renamed
 * or dropped by a migration, and when one of its statements names a table the read model does not
 * list. The statements themselves run against the migrated schema (the e2e and integration roll-up
 * tests check their numbers on SQLite and MariaDB).
 */
describe('the roll-up read model and the schema', () => {
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  const windows = (w: CountingWindow) =>
    Object.fromEntries(Object.values(DomainCode).map((d) => [d, w])) as Record<DomainCode, CountingWindow>;
  const statements = () =>
    [CountingWindow.PlanToDate, CountingWindow.CalendarYear].flatMap((w) =>
      [null, [1, 2]].flatMap((enterpriseIds) => {
        const query = { asOf: '2025-09-30', planStart: '2023-01-01', windows: windows(w), enterpriseIds };
        return [enterpriseReachSql(query), enterpriseCountsSql(query), enterpriseTitlesSql(query)];
      }),
    );

  it('finds every column the read model lists in the migrated schema', async () => {
    const missing: string[] = [];
    for (const [table, { columns }] of Object.entries(ROLLUP_READS)) {
      const found = ((await db.query(`PRAGMA table_info("${table}")`)) as { name: string }[]).map(
        (c) => c.name,
      );
      if (found.length === 0) missing.push(`${table} (no such table)`);
      for (const column of columns)
        if (found.length && !found.includes(column)) missing.push(`${table}.${column}`);
    }
    expect(missing).toEqual([]);
  });

  it('runs its statements on the schema, naming only tables the read model lists or indicators owns', async () => {
    const named = new Set<string>();
    for (const [sql, params] of statements()) {
      await expect(db.query(sql, params).then(Array.isArray)).resolves.toBe(true);
      for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)) named.add(m[1]);
    }
    expect([...named].filter((t) => !(t in ROLLUP_READS))).toEqual([]);
    expect(named.size).toBeGreaterThanOrEqual(4);
  });
});
