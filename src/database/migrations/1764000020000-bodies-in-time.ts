import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { date, ref, varchar } from './schema';

/** Departments the seed named that were merged on 01/03/2025, and the departments that took them over. */
const MERGED_DEPARTMENTS = [
  { name: 'Sở Lao động – Thương binh và Xã hội', validTo: '2025-02-28', successor: 'Sở Nội vụ' },
  { name: 'Sở Thông tin và Truyền thông', validTo: '2025-02-28', successor: 'Sở Khoa học và Công nghệ' },
];

/**
 * Reporting bodies change in time (issue 11): validity dates and a successor that takes over their
 * reports. Existing rows are corrected where the fact is certain and nothing is guessed:
 * - a people's committee of a unit that ended (the districts, on 30/06/2025) ends with its unit;
 * - the two departments of the seed merged on 01/03/2025 (Nghị định 45/2025/NĐ-CP) end on 28/02/2025
 *   and pass to their successors, added to the plan when it does not have them yet;
 * - the industrial parks board is a state agency, not an enterprises' association.
 * The communes' committees that replaced the districts' are reference data: `npm run seed` adds them.
 *
 * Association branches get the same validity and successor; which branch ended when is the
 * association's fact, so existing branches are left open for the federation admin to date. A title
 * keeps the name of the branch that issued it (recognitions.issuer_name, filled from today's names),
 * so a later rename or succession does not rewrite certificates already issued.
 */
export class BodiesInTime1764000020000 implements MigrationInterface {
  name = 'BodiesInTime1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('reporting_bodies', [
      new TableColumn(date('valid_from', true)),
      new TableColumn(date('valid_to', true)),
      new TableColumn(ref('successor_id', true)),
    ]);
    await q.addColumns('association_branches', [
      new TableColumn(date('valid_from', true)),
      new TableColumn(date('valid_to', true)),
      new TableColumn(ref('successor_id', true)),
    ]);
    await q.addColumn('recognitions', new TableColumn(varchar('issuer_name', 300, true)));
    await q.query(
      `UPDATE recognitions SET issuer_name = (SELECT b.name FROM association_branches b WHERE b.id = recognitions.branch_id)`,
    );
    await q.query(
      `UPDATE reporting_bodies SET valid_to = (SELECT u.valid_to FROM admin_units u WHERE u.id = reporting_bodies.unit_id)
       WHERE kind = 'UNIT' AND unit_id IN (SELECT id FROM admin_units WHERE valid_to IS NOT NULL)`,
    );
    await q.query(
      `UPDATE reporting_bodies SET kind = 'DEPARTMENT'
       WHERE kind = 'ENTERPRISE_ASSOCIATION' AND name = 'Ban Quản lý các Khu công nghiệp tỉnh'`,
    );
    for (const merged of MERGED_DEPARTMENTS) {
      const bodies: { id: number; plan_id: number; due_month_day: string; position: number }[] =
        await q.query(
          'SELECT id, plan_id, due_month_day, position FROM reporting_bodies WHERE name = ? AND valid_to IS NULL',
          [merged.name],
        );
      for (const body of bodies) {
        let [successor]: { id: number }[] = await q.query(
          'SELECT id FROM reporting_bodies WHERE plan_id = ? AND name = ?',
          [body.plan_id, merged.successor],
        );
        if (!successor) {
          await q.query(
            `INSERT INTO reporting_bodies (plan_id, kind, name, due_month_day, position, valid_from)
             VALUES (?, 'DEPARTMENT', ?, ?, ?, ?)`,
            [body.plan_id, merged.successor, body.due_month_day, body.position, '2025-03-01'],
          );
          [successor] = await q.query('SELECT id FROM reporting_bodies WHERE plan_id = ? AND name = ?', [
            body.plan_id,
            merged.successor,
          ]);
        }
        await q.query('UPDATE reporting_bodies SET valid_to = ?, successor_id = ? WHERE id = ?', [
          merged.validTo,
          successor.id,
          body.id,
        ]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('recognitions', 'issuer_name');
    for (const column of ['successor_id', 'valid_to', 'valid_from'])
      await q.dropColumn('association_branches', column);
    await q.dropColumn('reporting_bodies', 'successor_id');
    await q.dropColumn('reporting_bodies', 'valid_to');
    await q.dropColumn('reporting_bodies', 'valid_from');
  }
}
