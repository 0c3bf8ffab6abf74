import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  bool,
  createTable,
  date,
  datetime,
  decimal,
  fk,
  id,
  index,
  int,
  ref,
  text,
  timestamps,
  varchar,
} from './schema';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'mysql') {
      await q.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    }

    // --- people and access -------------------------------------------------------------------
    await createTable(
      q,
      'users',
      [
        id(),
        varchar('username', 100),
        varchar('display_name', 200),
        varchar('email', 200, true),
        varchar('password_hash', 200, true),
        varchar('status', 20),
        varchar('locale', 5, true),
        varchar('activation_code_hash', 200, true),
        datetime('activation_expires_at'),
        datetime('last_login_at'),
        datetime('sessions_valid_after'),
        ...timestamps(),
      ],
      { indices: [index('uq_users_username', ['username'], true)] },
    );
    await createTable(
      q,
      'role_assignments',
      [
        id(),
        ref('user_id'),
        varchar('role', 40),
        varchar('scope_type', 20),
        int('scope_id', 0),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_role_assignments', ['user_id', 'role', 'scope_type', 'scope_id'], true),
          index('ix_role_assignments_scope', ['scope_type', 'scope_id']),
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'api_tokens',
      [
        id(),
        ref('user_id'),
        varchar('name', 100),
        varchar('token_hash', 64),
        varchar('token_prefix', 16),
        datetime('last_used_at'),
        datetime('expires_at'),
        datetime('revoked_at'),
        ...timestamps(),
      ],
      {
        indices: [index('uq_api_tokens_hash', ['token_hash'], true)],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'sessions',
      [
        { name: 'id', type: 'varchar', length: '255', isPrimary: true },
        { name: 'expiredAt', type: 'bigint' },
        { name: 'json', type: 'text' },
        datetime('destroyedAt'),
      ],
      { indices: [index('ix_sessions_expired', ['expiredAt'])] },
    );
    await createTable(q, 'login_failures', [
      { name: 'throttle_key', type: 'varchar', length: '100', isPrimary: true },
      int('failures', 0),
      datetime('window_started_at', false),
      datetime('locked_until'),
    ]);

    // --- jobs --------------------------------------------------------------------------------
    await createTable(
      q,
      'job_runs',
      [
        id(),
        varchar('name', 80),
        varchar('business_key', 200),
        varchar('pending_key', 300, true),
        varchar('status', 20),
        int('progress', 0),
        text('payload', false),
        text('result'),
        text('error'),
        int('attempts', 0),
        ref('requested_by', true),
        datetime('run_after'),
        datetime('started_at'),
        datetime('finished_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_job_runs_pending', ['pending_key'], true),
          index('ix_job_runs_key', ['name', 'business_key']),
          index('ix_job_runs_status', ['status']),
        ],
      },
    );

    // --- organisations -----------------------------------------------------------------------
    await createTable(
      q,
      'admin_units',
      [
        id(),
        varchar('code', 20),
        varchar('name', 200),
        varchar('search_key', 200),
        varchar('kind', 30),
        ref('parent_id', true),
        varchar('path', 500),
        int('depth', 0),
        date('valid_from', true),
        date('valid_to', true),
        ...timestamps(),
      ],
      {
        indices: [index('ix_admin_units_path', ['path']), index('ix_admin_units_parent', ['parent_id'])],
        foreignKeys: [fk('parent_id', 'admin_units')],
      },
    );
    await createTable(
      q,
      'admin_unit_mappings',
      [
        id(),
        ref('from_unit_id'),
        ref('to_unit_id'),
        date('effective_date'),
        varchar('note', 500, true),
        ...timestamps(),
      ],
      {
        indices: [index('uq_admin_unit_mappings', ['from_unit_id', 'to_unit_id'], true)],
        foreignKeys: [
          fk('from_unit_id', 'admin_units', 'CASCADE'),
          fk('to_unit_id', 'admin_units', 'CASCADE'),
        ],
      },
    );
    await createTable(
      q,
      'enterprises',
      [
        id(),
        varchar('name', 300),
        varchar('search_key', 300),
        varchar('tax_code', 14),
        ref('unit_id'),
        varchar('industrial_park', 200, true),
        varchar('sector', 100, true),
        varchar('address', 300, true),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_enterprises_tax_code', ['tax_code'], true),
          index('ix_enterprises_unit', ['unit_id']),
        ],
        foreignKeys: [fk('unit_id', 'admin_units')],
      },
    );
    await createTable(
      q,
      'enterprise_headcounts',
      [id(), ref('enterprise_id'), int('year'), int('headcount'), ...timestamps()],
      {
        indices: [index('uq_enterprise_headcounts', ['enterprise_id', 'year'], true)],
        foreignKeys: [fk('enterprise_id', 'enterprises', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'grassroots_unions',
      [
        id(),
        ref('enterprise_id'),
        varchar('name', 300),
        varchar('search_key', 300),
        varchar('chair_name', 200, true),
        date('established_on', true),
        ...timestamps(),
      ],
      {
        indices: [index('uq_grassroots_unions_enterprise', ['enterprise_id'], true)],
        foreignKeys: [fk('enterprise_id', 'enterprises', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'training_institutions',
      [
        id(),
        varchar('name', 300),
        varchar('search_key', 300),
        varchar('kind', 30),
        ref('unit_id', true),
        varchar('address', 300, true),
        varchar('website', 300, true),
        ...timestamps(),
      ],
      { foreignKeys: [fk('unit_id', 'admin_units')] },
    );
    await createTable(
      q,
      'association_branches',
      [id(), varchar('name', 300), varchar('search_key', 300), ref('unit_id'), ...timestamps()],
      { foreignKeys: [fk('unit_id', 'admin_units')] },
    );

    // --- workers -----------------------------------------------------------------------------
    await createTable(
      q,
      'workers',
      [
        id(),
        varchar('full_name', 200),
        varchar('search_key', 200),
        date('date_of_birth'),
        varchar('gender', 10),
        varchar('cccd_encrypted', 200),
        varchar('cccd_hash', 64),
        varchar('phone', 20, true),
        varchar('email', 200, true),
        ref('user_id', true),
        ...timestamps(),
      ],
      {
        indices: [index('uq_workers_cccd', ['cccd_hash'], true), index('uq_workers_user', ['user_id'], true)],
        foreignKeys: [fk('user_id', 'users', 'SET NULL')],
      },
    );
    await createTable(
      q,
      'employments',
      [
        id(),
        ref('worker_id'),
        ref('enterprise_id'),
        varchar('employee_code', 50, true),
        date('start_date'),
        date('end_date', true),
        bool('union_member', false),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_employments', ['worker_id', 'enterprise_id', 'start_date'], true),
          index('ix_employments_enterprise', ['enterprise_id', 'end_date']),
        ],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE'), fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(
      q,
      'roster_imports',
      [
        id(),
        ref('enterprise_id'),
        ref('uploaded_by'),
        varchar('original_name', 255),
        varchar('stored_name', 255),
        varchar('sha256', 64),
        varchar('status', 20),
        int('total_rows', 0),
        int('created_count', 0),
        int('updated_count', 0),
        int('unchanged_count', 0),
        int('error_count', 0),
        ref('job_run_id', true),
        ...timestamps(),
      ],
      {
        indices: [index('ix_roster_imports_enterprise', ['enterprise_id'])],
        foreignKeys: [fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(
      q,
      'roster_import_errors',
      [
        id(),
        ref('import_id'),
        int('row_number'),
        varchar('column_name', 100, true),
        varchar('message_key', 100),
        varchar('params', 500, true),
      ],
      {
        indices: [index('ix_roster_import_errors', ['import_id', 'row_number'])],
        foreignKeys: [fk('import_id', 'roster_imports', 'CASCADE')],
      },
    );

    // --- the plan and what it counts ----------------------------------------------------------
    await createTable(q, 'learning_domains', [
      { name: 'code', type: 'varchar', length: '20', isPrimary: true },
      varchar('name_vi', 200),
      varchar('name_en', 200),
      int('sort_order', 0),
    ]);
    await createTable(
      q,
      'plans',
      [
        id(),
        varchar('code', 50),
        varchar('title', 500),
        varchar('issuing_body', 300),
        varchar('decision_ref', 200, true),
        ref('unit_id', true),
        date('start_date'),
        date('end_date'),
        ...timestamps(),
      ],
      { indices: [index('uq_plans_code', ['code'], true)], foreignKeys: [fk('unit_id', 'admin_units')] },
    );
    await createTable(
      q,
      'plan_indicators',
      [
        id(),
        ref('plan_id'),
        varchar('code', 30),
        varchar('label', 500),
        varchar('counting_window', 20),
        int('sort_order', 0),
      ],
      {
        indices: [index('uq_plan_indicators', ['plan_id', 'code'], true)],
        foreignKeys: [fk('plan_id', 'plans', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'plan_targets',
      [id(), ref('plan_indicator_id'), int('milestone_year'), decimal('target_percent', 5, 2)],
      {
        indices: [index('uq_plan_targets', ['plan_indicator_id', 'milestone_year'], true)],
        foreignKeys: [fk('plan_indicator_id', 'plan_indicators', 'CASCADE')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'plan_targets',
      'plan_indicators',
      'plans',
      'learning_domains',
      'roster_import_errors',
      'roster_imports',
      'employments',
      'workers',
      'association_branches',
      'training_institutions',
      'grassroots_unions',
      'enterprise_headcounts',
      'enterprises',
      'admin_unit_mappings',
      'admin_units',
      'job_runs',
      'login_failures',
      'sessions',
      'api_tokens',
      'role_assignments',
      'users',
    ]) {
      await q.dropTable(table, true);
    }
  }
}
