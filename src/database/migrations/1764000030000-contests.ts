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
  ref,
  text,
  timestamps,
  varchar,
} from './schema';

/**
 * Movements and contests (issue 15, item 3): skilled-worker contests, theory-review movements and
 * online law quiz contests, organised province-wide by the federation or by an enterprise's union.
 * A worker registers once per contest (unique contest, worker) and has one entry per round (unique
 * round, worker): an online attempt (started_at stored so that the server enforces the time limit)
 * or a result the organiser recorded. The quiz's questions are the contest's own bank.
 */
export class Contests1764000030000 implements MigrationInterface {
  name = 'Contests1764000030000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'contests',
      [
        id(),
        varchar('kind', 20),
        varchar('title', 200),
        text('description'),
        int('year'),
        ref('enterprise_id', true),
        decimal('hours', 6, 2),
        ref('created_by'),
        ...timestamps(),
      ],
      {
        indices: [index('ix_contests_year', ['year']), index('ix_contests_enterprise', ['enterprise_id'])],
        foreignKeys: [fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(
      q,
      'contest_rounds',
      [
        id(),
        ref('contest_id'),
        varchar('name', 200),
        datetime('opens_at', false),
        datetime('closes_at', false),
        int('time_limit_minutes', undefined, true),
        int('question_count', undefined, true),
        ...timestamps(),
      ],
      {
        indices: [index('ix_contest_rounds_contest', ['contest_id', 'opens_at'])],
        foreignKeys: [fk('contest_id', 'contests', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'contest_questions',
      [
        id(),
        ref('contest_id'),
        varchar('prompt', 1000),
        text('options', false),
        varchar('correct', 100),
        ...timestamps(),
      ],
      {
        indices: [index('ix_contest_questions_contest', ['contest_id'])],
        foreignKeys: [fk('contest_id', 'contests', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'contest_registrations',
      [
        id(),
        ref('contest_id'),
        ref('worker_id'),
        ref('enterprise_id', true),
        ref('registered_by'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_contest_registrations_key', ['contest_id', 'worker_id'], true),
          index('ix_contest_registrations_worker', ['worker_id']),
        ],
        foreignKeys: [fk('contest_id', 'contests', 'CASCADE'), fk('worker_id', 'workers')],
      },
    );
    await createTable(
      q,
      'contest_entries',
      [
        id(),
        ref('contest_id'),
        ref('round_id'),
        ref('worker_id'),
        ref('enterprise_id', true),
        text('question_ids'),
        datetime('started_at'),
        datetime('deadline_at'),
        datetime('submitted_at'),
        text('answers'),
        decimal('score', 8, 2, true),
        decimal('max_score', 8, 2, true),
        int('duration_seconds', undefined, true),
        int('rank', undefined, true),
        varchar('prize', 200, true),
        bool('late', false),
        ref('recorded_by', true),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_contest_entries_key', ['round_id', 'worker_id'], true),
          index('ix_contest_entries_contest', ['contest_id', 'worker_id']),
          index('ix_contest_entries_worker', ['worker_id']),
        ],
        foreignKeys: [
          fk('contest_id', 'contests', 'CASCADE'),
          fk('round_id', 'contest_rounds', 'CASCADE'),
          fk('worker_id', 'workers'),
        ],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('contest_entries');
    await q.dropTable('contest_registrations');
    await q.dropTable('contest_questions');
    await q.dropTable('contest_rounds');
    await q.dropTable('contests');
  }
}
