import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  bool,
  createTable,
  datetime,
  decimal,
  fk,
  id,
  index,
  int,
  key,
  ref,
  text,
  timestamps,
  varchar,
} from './schema';

/**
 * Learning citizen (issue 4): versioned criteria sets, yearly applications with a learning plan and
 * self-declared answers, evaluations with per-criterion evidence, recognitions with certificates,
 * an append-only audit trail, and in-app notices.
 */
export class Citizenship1764000007000 implements MigrationInterface {
  name = 'Citizenship1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'criteria_sets',
      [
        id(),
        varchar('code', 50),
        int('version', 1),
        varchar('title', 300),
        text('source_note'),
        int('pass_mark', 0),
        varchar('status', 20),
        ref('created_by', true),
        datetime('activated_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_criteria_sets_version', ['code', 'version'], true),
          index('ix_criteria_sets_status', ['status']),
        ],
      },
    );
    await createTable(
      q,
      'criteria_groups',
      [
        id(),
        ref('set_id'),
        int('position', 0),
        varchar('code', 20),
        varchar('name', 300),
        int('min_points', undefined, true),
      ],
      {
        indices: [index('ix_criteria_groups_set', ['set_id', 'position'])],
        foreignKeys: [fk('set_id', 'criteria_sets', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'criteria',
      [
        id(),
        ref('set_id'),
        ref('group_id'),
        int('position', 0),
        varchar('code', 20),
        varchar('title', 500),
        text('description'),
        int('points', 0),
        varchar('evidence', 20),
        text('rule'),
      ],
      {
        indices: [index('uq_criteria_code', ['set_id', 'code'], true)],
        foreignKeys: [fk('set_id', 'criteria_sets', 'CASCADE'), fk('group_id', 'criteria_groups', 'CASCADE')],
      },
    );

    await createTable(
      q,
      'citizenship_applications',
      [
        id(),
        ref('worker_id'),
        int('year'),
        ref('criteria_set_id'),
        varchar('status', 20),
        ref('enterprise_id', true),
        datetime('submitted_at'),
        datetime('confirmed_at'),
        ref('confirmed_by', true),
        text('return_comment'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_citizenship_applications', ['worker_id', 'year'], true),
          index('ix_citizenship_applications_year', ['year', 'status']),
          index('ix_citizenship_applications_enterprise', ['enterprise_id', 'year']),
        ],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE'), fk('criteria_set_id', 'criteria_sets')],
      },
    );
    /** The personal learning plan of an application: a goal and planned hours per domain. */
    await createTable(
      q,
      'learning_plan_items',
      [
        key('application_id', 'integer'),
        key('domain_code', 'varchar', 20),
        varchar('goal', 500),
        decimal('planned_hours', 6, 2),
      ],
      { foreignKeys: [fk('application_id', 'citizenship_applications', 'CASCADE')] },
    );
    /** Self-declared criteria, keyed by criterion code so they survive a new criteria version. */
    await createTable(
      q,
      'citizenship_answers',
      [
        key('application_id', 'integer'),
        key('criterion_code', 'varchar', 20),
        text('statement', false),
        varchar('review_status', 20),
        text('review_comment'),
        ref('reviewed_by', true),
        datetime('reviewed_at'),
        ...timestamps(),
      ],
      { foreignKeys: [fk('application_id', 'citizenship_applications', 'CASCADE')] },
    );
    /** The current evaluation of an application (replaced as a whole on each run). */
    await createTable(
      q,
      'citizenship_evaluations',
      [
        id(),
        ref('application_id'),
        ref('criteria_set_id'),
        int('total_points', 0),
        bool('eligible', false),
        text('reasons'),
        varchar('input_hash', 64),
        datetime('evaluated_at', false),
      ],
      {
        indices: [index('uq_citizenship_evaluations_application', ['application_id'], true)],
        foreignKeys: [
          fk('application_id', 'citizenship_applications', 'CASCADE'),
          fk('criteria_set_id', 'criteria_sets'),
        ],
      },
    );
    await createTable(
      q,
      'citizenship_evaluation_items',
      [
        key('evaluation_id', 'integer'),
        key('criterion_code', 'varchar', 20),
        int('points', 0),
        bool('met', false),
        varchar('state', 20),
        text('evidence'),
      ],
      { foreignKeys: [fk('evaluation_id', 'citizenship_evaluations', 'CASCADE')] },
    );
    await createTable(
      q,
      'recognitions',
      [
        id(),
        ref('application_id'),
        ref('worker_id'),
        int('year'),
        ref('branch_id'),
        ref('criteria_set_id'),
        int('total_points', 0),
        varchar('certificate_no', 40),
        varchar('verify_code', 40),
        varchar('status', 20),
        ref('recognised_by'),
        datetime('recognised_at', false),
        ref('revoked_by', true),
        datetime('revoked_at'),
        text('revoke_reason'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_recognitions_worker_year', ['worker_id', 'year'], true),
          index('uq_recognitions_application', ['application_id'], true),
          index('uq_recognitions_certificate', ['certificate_no'], true),
          index('uq_recognitions_verify', ['verify_code'], true),
        ],
        foreignKeys: [
          fk('application_id', 'citizenship_applications'),
          fk('worker_id', 'workers', 'CASCADE'),
          fk('branch_id', 'association_branches'),
          fk('criteria_set_id', 'criteria_sets'),
        ],
      },
    );
    /** Append-only: who did what to an application, with the state before and after. */
    await createTable(
      q,
      'citizenship_audit',
      [
        id(),
        ref('application_id'),
        ref('actor_user_id', true),
        varchar('action', 40),
        text('before_state'),
        text('after_state'),
        text('comment'),
        datetime('at', false),
      ],
      {
        indices: [index('ix_citizenship_audit_application', ['application_id', 'id'])],
        foreignKeys: [fk('application_id', 'citizenship_applications')],
      },
    );
    /** In-app notices for a user (e.g. "your application was recognised"). */
    await createTable(
      q,
      'notices',
      [
        id(),
        ref('user_id'),
        varchar('message_key', 100),
        varchar('params', 1000, true),
        varchar('link', 300, true),
        varchar('dedupe_key', 150, true),
        datetime('read_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_notices_user', ['user_id', 'read_at']),
          index('uq_notices_dedupe', ['user_id', 'dedupe_key'], true),
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notices',
      'citizenship_audit',
      'recognitions',
      'citizenship_evaluation_items',
      'citizenship_evaluations',
      'citizenship_answers',
      'learning_plan_items',
      'citizenship_applications',
      'criteria',
      'criteria_groups',
      'criteria_sets',
    ]) {
      await q.dropTable(table, true);
    }
  }
}
