import { DataSource } from 'typeorm';

/**
 * Every row written to the SQLite test database, table by table, through triggers: an INSERT, an
 * UPDATE (even one that sets a column to the value it had, or touches a column no `updated_at`
 * follows) and a DELETE each leave a line. Stronger than comparing row counts, which miss updates.
 */
export class WriteLog {
  static readonly TABLE = 'test_write_log';

  constructor(private readonly db: DataSource) {}

  async init(): Promise<void> {
    await this.db.query(`CREATE TABLE IF NOT EXISTS ${WriteLog.TABLE} (tbl TEXT NOT NULL, op TEXT NOT NULL)`);
    const tables = (await this.db.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`,
      [WriteLog.TABLE],
    )) as { name: string }[];
    for (const { name } of tables) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        await this.db.query(
          `CREATE TRIGGER IF NOT EXISTS "test_write_${name}_${op}" AFTER ${op} ON "${name}" ` +
            `BEGIN INSERT INTO ${WriteLog.TABLE} (tbl, op) VALUES ('${name}', '${op}'); END`,
        );
      }
    }
  }

  /** The writes since the last call, as "table INSERT×n", leaving out the given tables. */
  async take(ignore: readonly string[] = []): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT tbl, op, COUNT(*) AS n FROM ${WriteLog.TABLE} GROUP BY tbl, op ORDER BY tbl, op`,
    )) as { tbl: string; op: string; n: number }[];
    await this.db.query(`DELETE FROM ${WriteLog.TABLE}`);
    return rows.filter((r) => !ignore.includes(r.tbl)).map((r) => `${r.tbl} ${r.op}×${r.n}`);
  }
}
