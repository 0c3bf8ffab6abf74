import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { createDataSource } from '../../src/database/data-source';
import { dialectOf, upsert, Upsert, upsertSql } from '../../src/database/dialect';
import { mysqlUrl } from '../support/services';

/** The upsert syntax the dialect picks, against the real server (MariaDB 10.11 on this machine). */
describe('database dialect (integration)', () => {
  let db: DataSource;
  const tally: Upsert = {
    table: 'dialect_tally',
    columns: ['k', 'n'],
    key: ['k'],
    set: (incoming) => [`n = n + ${incoming('n')}`],
  };

  beforeAll(async () => {
    db = createDataSource(parseDatabaseConfig({ DATABASE_URL: mysqlUrl() }));
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('inserts a row, then adds to it on the same key, in the syntax the server takes', async () => {
    await db.transaction(async (manager) => {
      await manager.query('CREATE TEMPORARY TABLE dialect_tally (k INT PRIMARY KEY, n INT NOT NULL)');
      await upsert(manager, tally, [1, 2]);
      await upsert(manager, tally, [1, 3]);
      await upsert(manager, tally, [2, 5]);
      const rows = await manager.query('SELECT k, n FROM dialect_tally ORDER BY k');
      expect(rows.map((r: { k: number; n: number }) => [Number(r.k), Number(r.n)])).toEqual([
        [1, 5],
        [2, 5],
      ]);
      await manager.query('DROP TEMPORARY TABLE dialect_tally');
    });
  });

  it('on MariaDB, picks VALUES(col): the row alias MySQL 8.0.19+ prefers is a syntax error there', async () => {
    const [{ version }] = await db.query('SELECT VERSION() AS version');
    if (!/mariadb/i.test(String(version))) return; // a MySQL server takes both forms
    expect(await dialectOf(db.manager)).toBe('mariadb');
    await db.transaction(async (manager) => {
      await manager.query('CREATE TEMPORARY TABLE dialect_tally (k INT PRIMARY KEY, n INT NOT NULL)');
      await expect(manager.query(upsertSql('mysql', tally), [1, 2])).rejects.toThrow(/syntax/);
      await manager.query('DROP TEMPORARY TABLE dialect_tally');
    });
  });
});
