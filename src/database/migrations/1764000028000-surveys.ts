import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  bool,
  createTable,
  date,
  datetime,
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
 * Learning-needs surveys (issue 15, item 1). A survey has questions and targets (enterprises,
 * communes); publishing resolves the targets into survey_enterprises, which stay as they were on
 * that day. A worker answers once per survey (unique survey, worker), signed in or with a
 * single-use code an officer handed out (unique code); answers stay when the person is anonymised,
 * without the link to them. Failed code attempts are counted per address to slow guessing.
 */
export class Surveys1764000028000 implements MigrationInterface {
  name = 'Surveys1764000028000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(q, 'surveys', [
      id(),
      varchar('title', 200),
      text('description'),
      date('opens_on'),
      date('closes_on'),
      varchar('status', 12),
      varchar('owner_role', 24),
      ref('created_by'),
      datetime('published_at'),
      ...timestamps(),
    ]);
    await createTable(
      q,
      'survey_questions',
      [
        id(),
        ref('survey_id'),
        int('position', 0),
        varchar('kind', 12),
        varchar('text', 500),
        text('options'),
        varchar('low_label', 100, true),
        varchar('high_label', 100, true),
        bool('required', true),
      ],
      {
        indices: [index('ix_survey_questions_survey', ['survey_id', 'position'])],
        foreignKeys: [fk('survey_id', 'surveys', 'CASCADE')],
      },
    );
    await createTable(q, 'survey_targets', [id(), ref('survey_id'), varchar('kind', 12), ref('target_id')], {
      indices: [index('uq_survey_targets_key', ['survey_id', 'kind', 'target_id'], true)],
      foreignKeys: [fk('survey_id', 'surveys', 'CASCADE')],
    });
    await createTable(
      q,
      'survey_enterprises',
      [id(), ref('survey_id'), ref('enterprise_id'), ref('unit_id')],
      {
        indices: [
          index('uq_survey_enterprises_key', ['survey_id', 'enterprise_id'], true),
          index('ix_survey_enterprises_enterprise', ['enterprise_id']),
        ],
        foreignKeys: [fk('survey_id', 'surveys', 'CASCADE'), fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(
      q,
      'survey_codes',
      [
        id(),
        ref('survey_id'),
        ref('enterprise_id'),
        varchar('code_hash', 64),
        ref('created_by'),
        datetime('used_at'),
        { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
      ],
      {
        indices: [
          index('uq_survey_codes_hash', ['code_hash'], true),
          index('ix_survey_codes_survey', ['survey_id', 'enterprise_id']),
        ],
        foreignKeys: [fk('survey_id', 'surveys', 'CASCADE'), fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(
      q,
      'survey_responses',
      [
        id(),
        ref('survey_id'),
        ref('enterprise_id'),
        ref('unit_id'),
        ref('worker_id', true),
        ref('code_id', true),
        datetime('submitted_at', false),
      ],
      {
        indices: [
          index('uq_survey_responses_worker', ['survey_id', 'worker_id'], true),
          index('uq_survey_responses_code', ['code_id'], true),
          index('ix_survey_responses_enterprise', ['survey_id', 'enterprise_id']),
          index('ix_survey_responses_worker', ['worker_id']),
        ],
        foreignKeys: [fk('survey_id', 'surveys', 'CASCADE'), fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(
      q,
      'survey_answers',
      [
        id(),
        ref('response_id'),
        ref('question_id'),
        int('choice', undefined, true),
        varchar('text', 1000, true),
      ],
      {
        indices: [
          index('ix_survey_answers_response', ['response_id']),
          index('ix_survey_answers_question', ['question_id', 'choice']),
        ],
        foreignKeys: [
          fk('response_id', 'survey_responses', 'CASCADE'),
          fk('question_id', 'survey_questions', 'CASCADE'),
        ],
      },
    );
    await createTable(
      q,
      'survey_code_attempts',
      [id(), varchar('address_key', 100), datetime('attempted_at', false)],
      { indices: [index('ix_survey_code_attempts_key', ['address_key', 'attempted_at'])] },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'survey_code_attempts',
      'survey_answers',
      'survey_responses',
      'survey_codes',
      'survey_enterprises',
      'survey_targets',
      'survey_questions',
      'surveys',
    ])
      await q.dropTable(table);
  }
}
