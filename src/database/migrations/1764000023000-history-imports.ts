import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bool, createTable, date, decimal, id, index, int, ref, timestamps, varchar } from './schema';

/**
 * Bringing in 2023–2025 history (issue 12): import runs may be dry runs, a run may apply a dry
 * run's file, and a run reads one worksheet of a workbook (a history workbook holds one per kind); a learning-citizen title may come from a past year's decision instead of a review in
 * hoctap (no application, criteria set, score or hoctap certificate; a decision number and date);
 * in-person trainings held before hoctap are kept with their attendees' learning records.
 */
export class HistoryImports1764000023000 implements MigrationInterface {
  name = 'HistoryImports1764000023000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('import_runs', [
      new TableColumn(bool('dry_run', false)),
      new TableColumn(ref('preview_of_id', true)),
      new TableColumn(int('sheet_index', 0)),
    ]);

    for (const column of ['application_id', 'criteria_set_id', 'total_points', 'certificate_no'])
      await this.nullable(q, column, true);
    await q.addColumns('recognitions', [
      new TableColumn(varchar('decision_no', 60, true)),
      new TableColumn(date('decision_date', true)),
      new TableColumn(ref('import_id', true)),
    ]);

    await createTable(
      q,
      'history_trainings',
      [
        id(),
        date('held_on'),
        varchar('title', 300),
        varchar('organiser', 300),
        // Folded title and organiser: the same training written twice with other accents or case.
        varchar('training_key', 200),
        decimal('hours', 6, 2),
        varchar('domains', 100),
        ref('import_id', true),
        ...timestamps(),
      ],
      { indices: [index('uq_history_trainings_key', ['held_on', 'training_key'], true)] },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('history_trainings');
    await q.query(`DELETE FROM recognitions WHERE application_id IS NULL`);
    for (const column of ['import_id', 'decision_date', 'decision_no'])
      await q.dropColumn('recognitions', column);
    for (const column of ['certificate_no', 'total_points', 'criteria_set_id', 'application_id'])
      await this.nullable(q, column, false);
    await q.dropColumn('import_runs', 'sheet_index');
    await q.dropColumn('import_runs', 'preview_of_id');
    await q.dropColumn('import_runs', 'dry_run');
  }

  /**
   * Only the column's nullability changes: its type as read back from the database is kept, since a
   * different type would make TypeORM drop and re-add the column (and its data).
   */
  private async nullable(q: QueryRunner, name: string, isNullable: boolean): Promise<void> {
    const table = (await q.getTable('recognitions'))!;
    const old = table.findColumnByName(name)!;
    const changed = old.clone();
    changed.isNullable = isNullable;
    // A nullable column reads back with DEFAULT NULL, which MySQL refuses on a NOT NULL column.
    // (MariaDB reports it as the literal 'NULL', quotes included.)
    if (!isNullable && [null, 'NULL', "'NULL'"].includes(changed.default as string | null))
      changed.default = undefined;
    await q.changeColumn(table, old, changed);
  }
}
