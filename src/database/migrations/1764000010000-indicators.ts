import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, date, datetime, fk, id, index, int, ref, text, timestamps, varchar } from './schema';

/**
 * Plan indicators (issue 5): milestones and reporting bodies of a plan, roll-up snapshots
 * (one wide row per organisation: population, denominator and the five numerators), and the
 * annual reports that freeze a snapshot's figures.
 */
export class Indicators1764000010000 implements MigrationInterface {
  name = 'Indicators1764000010000';

  async up(q: QueryRunner): Promise<void> {
    /** Mid-term review (end of 2025) and final review (end of 2030), with the targets' years. */
    await createTable(
      q,
      'plan_milestones',
      [id(), ref('plan_id'), int('year'), varchar('kind', 20), varchar('label', 300), date('review_date')],
      {
        indices: [index('uq_plan_milestones', ['plan_id', 'year'], true)],
        foreignKeys: [fk('plan_id', 'plans', 'CASCADE')],
      },
    );
    /** Who reports to the federation each year, and by when (units, departments, associations). */
    await createTable(
      q,
      'reporting_bodies',
      [
        id(),
        ref('plan_id'),
        varchar('kind', 30),
        varchar('name', 300),
        ref('unit_id', true),
        ref('branch_id', true),
        varchar('due_month_day', 5),
        int('position', 0),
        ...timestamps(),
      ],
      {
        indices: [index('ix_reporting_bodies_plan', ['plan_id'])],
        foreignKeys: [
          fk('plan_id', 'plans', 'CASCADE'),
          fk('unit_id', 'admin_units'),
          fk('branch_id', 'association_branches'),
        ],
      },
    );
    /** The people who may fill in and submit a body's report. */
    await createTable(q, 'reporting_body_members', [id(), ref('body_id'), ref('user_id'), ...timestamps()], {
      indices: [index('uq_reporting_body_members', ['body_id', 'user_id'], true)],
      foreignKeys: [fk('body_id', 'reporting_bodies', 'CASCADE'), fk('user_id', 'users', 'CASCADE')],
    });
    await createTable(
      q,
      'indicator_snapshots',
      [
        id(),
        ref('plan_id'),
        date('as_of'),
        varchar('status', 20),
        ref('job_run_id', true),
        int('enterprises', 0),
        int('population', 0),
        datetime('computed_at'),
        ...timestamps(),
      ],
      {
        indices: [index('uq_indicator_snapshots', ['plan_id', 'as_of'], true)],
        foreignKeys: [fk('plan_id', 'plans', 'CASCADE')],
      },
    );
    /**
     * One row per organisation and snapshot. level ENTERPRISE (org_id = enterprise), UNIT (org_id =
     * administrative unit in force on as_of) or PROVINCE (org_id = the root unit).
     */
    await createTable(
      q,
      'indicator_snapshot_rows',
      [
        id(),
        ref('snapshot_id'),
        varchar('level', 20),
        ref('org_id'),
        ref('parent_unit_id', true),
        int('population', 0),
        int('declared_headcount', 0),
        int('denominator', 0),
        int('law', 0),
        int('vocational', 0),
        int('life_skills', 0),
        int('digital', 0),
        int('learning_citizen', 0),
      ],
      {
        indices: [
          index('uq_indicator_snapshot_rows', ['snapshot_id', 'level', 'org_id'], true),
          index('ix_indicator_snapshot_rows_parent', ['snapshot_id', 'parent_unit_id']),
        ],
        foreignKeys: [fk('snapshot_id', 'indicator_snapshots', 'CASCADE')],
      },
    );
    /**
     * A reporting body's annual report. Submitting freezes `figures` (a copy of the snapshot rows
     * it reports); a correction is a new version that supersedes the previous one.
     */
    await createTable(
      q,
      'annual_reports',
      [
        id(),
        ref('plan_id'),
        ref('body_id'),
        int('year'),
        int('version', 1),
        varchar('status', 20),
        ref('snapshot_id', true),
        {
          name: 'figures',
          type: q.connection.driver.options.type === 'mysql' ? 'mediumtext' : 'text',
          isNullable: true,
        },
        text('activities'),
        text('difficulties'),
        text('proposals'),
        ref('submitted_by', true),
        datetime('submitted_at'),
        ref('supersedes_id', true),
        ...timestamps(),
      ],
      {
        indices: [index('uq_annual_reports', ['plan_id', 'body_id', 'year', 'version'], true)],
        foreignKeys: [fk('plan_id', 'plans', 'CASCADE'), fk('body_id', 'reporting_bodies', 'CASCADE')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'annual_reports',
      'indicator_snapshot_rows',
      'indicator_snapshots',
      'reporting_body_members',
      'reporting_bodies',
      'plan_milestones',
    ]) {
      await q.dropTable(table, true);
    }
  }
}
