import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { createTable, date, datetime, fk, id, index, int, ref, text, timestamps, varchar } from './schema';

const OPEN_INDEX = 'uq_employments_open';

/**
 * One person, many employers (issue 9).
 *
 * - Contact data belongs to the enterprise that entered it: phone and e-mail move from the person
 *   (workers) to the employment. Existing values go to the person's first employment, the one
 *   created with the person (by a form or a roster import of that enterprise).
 * - At most one open employment per (worker, enterprise), enforced by the database: a partial
 *   unique index on SQLite; on MySQL/MariaDB, which have none, a unique index over a virtual column
 *   that is 1 while the employment is open and NULL once it has ended (NULLs never collide).
 *   Duplicates made before (a re-imported row with a corrected start date added a second open
 *   employment) are merged into the latest one, which carries the correction.
 * - Identity reconciliations: roster rows and forms that name an existing person with other
 *   identity data wait here for the federation admin.
 * - The access log of full CCCD numbers keeps the reason given for a full roster export.
 */
export class OnePersonManyEmployers1764000017000 implements MigrationInterface {
  name = 'OnePersonManyEmployers1764000017000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    await q.addColumns('employments', [
      new TableColumn(varchar('phone', 20, true)),
      new TableColumn(varchar('email', 200, true)),
    ]);
    await q.query(
      `UPDATE employments SET
         phone = (SELECT w.phone FROM workers w WHERE w.id = employments.worker_id),
         email = (SELECT w.email FROM workers w WHERE w.id = employments.worker_id)
       WHERE id IN (SELECT first_id FROM (SELECT MIN(id) AS first_id FROM employments GROUP BY worker_id) firsts)`,
    );
    await q.dropColumn('workers', 'phone');
    await q.dropColumn('workers', 'email');

    // Duplicate open employments: the latest keeps the older ones' codes and contacts where it has none.
    const duplicates: { worker_id: number; enterprise_id: number }[] = await q.query(
      `SELECT worker_id, enterprise_id FROM employments WHERE end_date IS NULL
       GROUP BY worker_id, enterprise_id HAVING COUNT(*) > 1`,
    );
    for (const d of duplicates) {
      const rows: { id: number; employee_code: string | null; phone: string | null; email: string | null }[] =
        await q.query(
          `SELECT id, employee_code, phone, email FROM employments
           WHERE worker_id = ? AND enterprise_id = ? AND end_date IS NULL ORDER BY id DESC`,
          [d.worker_id, d.enterprise_id],
        );
      const [keep, ...older] = rows;
      const first = (key: 'employee_code' | 'phone' | 'email') => rows.find((r) => r[key])?.[key] ?? null;
      await q.query('UPDATE employments SET employee_code = ?, phone = ?, email = ? WHERE id = ?', [
        first('employee_code'),
        first('phone'),
        first('email'),
        keep.id,
      ]);
      for (const row of older) await q.query('DELETE FROM employments WHERE id = ?', [row.id]);
      await q.query(
        `INSERT INTO audit_log (at, actor_user_id, actor_name, action, subject_type, subject_id, details, reason)
         VALUES (?, NULL, NULL, 'employment.corrected', 'employment', ?, ?, ?)`,
        [
          mysql ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', ''),
          keep.id,
          JSON.stringify({ merged: older.map((r) => r.id).join(', ') }),
          'Gộp các quá trình làm việc trùng khi nâng cấp (migration 1764000017000)',
        ],
      );
    }

    if (mysql) {
      await addOpenKey(q);
      await q.createIndex(
        'employments',
        new TableIndex(index(OPEN_INDEX, ['worker_id', 'enterprise_id', 'open_key'], true)),
      );
    } else {
      await q.createIndex(
        'employments',
        new TableIndex({
          ...index(OPEN_INDEX, ['worker_id', 'enterprise_id'], true),
          where: 'end_date IS NULL',
        }),
      );
    }

    // Why a full-CCCD roster export was needed (it is now a POST with a reason).
    await q.addColumn('pii_access_log', new TableColumn(varchar('reason', 500, true)));

    await createTable(
      q,
      'identity_reconciliations',
      [
        id(),
        ref('worker_id'),
        ref('enterprise_id'),
        ref('requested_by', true),
        varchar('source', 20),
        ref('roster_import_id', true),
        int('row_number', undefined, true),
        varchar('full_name', 200),
        date('date_of_birth'),
        varchar('gender', 10),
        varchar('employee_code', 50, true),
        date('start_date', true),
        date('end_date', true),
        { name: 'union_member', type: 'boolean', isNullable: true },
        varchar('phone', 20, true),
        varchar('email', 200, true),
        varchar('status', 20),
        ref('decided_by', true),
        datetime('decided_at'),
        text('decision_reason'),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_identity_reconciliations_status', ['status', 'id']),
          index('ix_identity_reconciliations_worker', ['worker_id', 'enterprise_id', 'status']),
        ],
        foreignKeys: [
          fk('worker_id', 'workers', 'CASCADE'),
          fk('enterprise_id', 'enterprises'),
          fk('requested_by', 'users', 'SET NULL'),
          fk('decided_by', 'users', 'SET NULL'),
        ],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    await q.dropTable('identity_reconciliations');
    await q.dropColumn('pii_access_log', 'reason');
    await q.dropIndex('employments', OPEN_INDEX);
    if (mysql) await dropOpenKey(q);
    await q.addColumns('workers', [
      new TableColumn(varchar('phone', 20, true)),
      new TableColumn(varchar('email', 200, true)),
    ]);
    await q.query(
      `UPDATE workers SET
         phone = (SELECT e.phone FROM employments e WHERE e.worker_id = workers.id AND e.phone IS NOT NULL ORDER BY e.id LIMIT 1),
         email = (SELECT e.email FROM employments e WHERE e.worker_id = workers.id AND e.email IS NOT NULL ORDER BY e.id LIMIT 1)`,
    );
    await q.dropColumn('employments', 'email');
    await q.dropColumn('employments', 'phone');
  }
}

const OPEN_KEY_EXPRESSION = 'CASE WHEN end_date IS NULL THEN 1 ELSE NULL END';

/**
 * The virtual column of the MySQL/MariaDB index, written by hand: TypeORM's column builder appends
 * NULL to a generated column, which MariaDB refuses. TypeORM keeps the expressions of generated
 * columns in its own table and reads it whenever it loads a table that has one, so it is recorded
 * there as TypeORM would.
 */
async function addOpenKey(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE TABLE IF NOT EXISTS typeorm_metadata (
       \`type\` varchar(255) NOT NULL, \`database\` varchar(255) NULL, \`schema\` varchar(255) NULL,
       \`table\` varchar(255) NULL, \`name\` varchar(255) NULL, \`value\` text NULL
     ) ENGINE=InnoDB`,
  );
  await q.query(`ALTER TABLE employments ADD COLUMN open_key tinyint AS (${OPEN_KEY_EXPRESSION}) VIRTUAL`);
  await q.query(
    `INSERT INTO typeorm_metadata (\`type\`, \`schema\`, \`table\`, \`name\`, \`value\`)
     VALUES ('GENERATED_COLUMN', DATABASE(), 'employments', 'open_key', ?)`,
    [OPEN_KEY_EXPRESSION],
  );
}

async function dropOpenKey(q: QueryRunner): Promise<void> {
  await q.query('ALTER TABLE employments DROP COLUMN open_key');
  await q.query(
    "DELETE FROM typeorm_metadata WHERE `type` = 'GENERATED_COLUMN' AND `table` = 'employments' AND `name` = 'open_key'",
  );
  const [{ left }] = await q.query('SELECT COUNT(*) AS `left` FROM typeorm_metadata');
  if (Number(left) === 0) await q.query('DROP TABLE typeorm_metadata');
}
