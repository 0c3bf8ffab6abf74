import { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { bool, createTable, datetime, fk, id, index, int, ref, text, timestamps, varchar } from './schema';

/** Sums of money in VND pass 2^31 quickly: BIGINT on MySQL (SQLite's INTEGER is 64-bit already). */
const money = (name: string): TableColumnOptions => ({ name, type: 'bigint', default: 0 });

/**
 * Commendations and enterprises' support (issue 15, items 4 and 5): union officers nominate studious
 * workers and workers' studious children of their enterprise for a year, with evidence files, and
 * the federation approves or declines with a reason; good models are stories the federation
 * publishes; per enterprise and year, the support given to learning. One support row per
 * (enterprise, year).
 */
export class CommendationsAndSupport1764000031000 implements MigrationInterface {
  name = 'CommendationsAndSupport1764000031000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'commendations',
      [
        id(),
        int('year'),
        varchar('kind', 16),
        ref('enterprise_id'),
        // The worker honoured, or the parent of the child honoured.
        ref('worker_id'),
        varchar('child_name', 200, true),
        int('child_birth_year', undefined, true),
        varchar('child_school', 200, true),
        text('achievement', false),
        varchar('status', 16),
        text('decision_reason'),
        ref('decided_by', true),
        datetime('decided_at'),
        ref('nominated_by'),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_commendations_enterprise', ['enterprise_id', 'year']),
          index('ix_commendations_year', ['year', 'status']),
          index('ix_commendations_worker', ['worker_id']),
        ],
        foreignKeys: [fk('enterprise_id', 'enterprises'), fk('worker_id', 'workers')],
      },
    );
    await createTable(
      q,
      'commendation_files',
      [id(), ref('commendation_id'), ref('file_id'), ...timestamps()],
      {
        indices: [index('uq_commendation_files', ['commendation_id', 'file_id'], true)],
        foreignKeys: [fk('commendation_id', 'commendations', 'CASCADE'), fk('file_id', 'stored_files')],
      },
    );
    await createTable(
      q,
      'good_models',
      [
        id(),
        ref('enterprise_id'),
        varchar('title', 200),
        text('body', false),
        ref('image_file_id', true),
        varchar('status', 16),
        datetime('published_at'),
        ref('created_by'),
        ...timestamps(),
      ],
      {
        indices: [index('ix_good_models_status', ['status', 'published_at'])],
        foreignKeys: [fk('enterprise_id', 'enterprises'), fk('image_file_id', 'stored_files')],
      },
    );
    await createTable(
      q,
      'enterprise_support',
      [
        id(),
        ref('enterprise_id'),
        int('year'),
        money('funds_committed'),
        money('funds_spent'),
        int('paid_study_hours', 0),
        bool('agreement_has_learning', false),
        text('agreement_clause'),
        int('materials_supplied', 0),
        ref('updated_by'),
        ...timestamps(),
      ],
      {
        indices: [index('uq_enterprise_support', ['enterprise_id', 'year'], true)],
        foreignKeys: [fk('enterprise_id', 'enterprises')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('enterprise_support');
    await q.dropTable('good_models');
    await q.dropTable('commendation_files');
    await q.dropTable('commendations');
  }
}
