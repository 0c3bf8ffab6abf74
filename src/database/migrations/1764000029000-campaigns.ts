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

/**
 * Campaigns and reading (issue 15, item 2): a campaign with its period, target units and linked
 * courses, materials and sessions; and the books workers log, which their union officer confirms
 * (then one LIFE_SKILLS learning record is made) or rejects with a reason.
 */
export class Campaigns1764000029000 implements MigrationInterface {
  name = 'Campaigns1764000029000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'campaigns',
      [
        id(),
        varchar('title', 200),
        text('theme', false),
        date('starts_on'),
        date('ends_on'),
        bool('reading', false),
        ref('created_by'),
        ...timestamps(),
      ],
      { indices: [index('ix_campaigns_period', ['starts_on', 'ends_on'])] },
    );
    await createTable(q, 'campaign_units', [id(), ref('campaign_id'), ref('unit_id')], {
      indices: [index('uq_campaign_units_key', ['campaign_id', 'unit_id'], true)],
      foreignKeys: [fk('campaign_id', 'campaigns', 'CASCADE'), fk('unit_id', 'admin_units')],
    });
    await createTable(
      q,
      'campaign_items',
      [id(), ref('campaign_id'), varchar('kind', 16), int('item_id'), varchar('title', 300)],
      {
        indices: [index('uq_campaign_items_key', ['campaign_id', 'kind', 'item_id'], true)],
        foreignKeys: [fk('campaign_id', 'campaigns', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'book_logs',
      [
        id(),
        ref('worker_id'),
        ref('enterprise_id'),
        ref('campaign_id', true),
        varchar('title', 300),
        varchar('author', 200),
        date('read_on'),
        text('reflection', false),
        varchar('status', 16),
        decimal('hours', 6, 2, true),
        varchar('reason', 500, true),
        ref('decided_by', true),
        datetime('decided_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_book_logs_enterprise', ['enterprise_id', 'status']),
          index('ix_book_logs_worker', ['worker_id']),
          index('ix_book_logs_campaign', ['campaign_id']),
        ],
        foreignKeys: [
          fk('worker_id', 'workers'),
          fk('enterprise_id', 'enterprises'),
          fk('campaign_id', 'campaigns', 'SET NULL'),
        ],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('book_logs');
    await q.dropTable('campaign_items');
    await q.dropTable('campaign_units');
    await q.dropTable('campaigns');
  }
}
