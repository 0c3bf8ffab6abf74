import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { bool, createTable, fk, id, index, int, ref, text, timestamps, varchar } from './schema';

/**
 * Question banks and random draws (issue 13, item 3). A bank question is a quiz question that
 * belongs to a course (course_id) instead of a quiz (quiz_id, now nullable). A quiz may draw
 * draw_count questions from its course's bank; each worker's draw is kept (quiz_draws) until it is
 * submitted, and the attempt keeps the ids it was drawn (question_ids). A MATCHING option holds
 * the right-hand side of its pair (match_label). Each attempt's answers are also kept one row per
 * question (and per chosen option), so per-question statistics are counted in the database;
 * existing attempts get their rows here.
 */
export class QuestionBanks1764000025000 implements MigrationInterface {
  name = 'QuestionBanks1764000025000';

  async up(q: QueryRunner): Promise<void> {
    await this.quizIdNullable(q, true);
    await q.addColumn('quiz_questions', new TableColumn(ref('course_id', true)));
    await q.createForeignKey('quiz_questions', new TableForeignKey(fk('course_id', 'courses', 'CASCADE')));
    await q.createIndex(
      'quiz_questions',
      new TableIndex(index('ix_quiz_questions_bank', ['course_id', 'status'])),
    );
    await q.addColumn('quiz_options', new TableColumn(text('match_label')));
    await q.addColumn('quizzes', new TableColumn(int('draw_count', undefined, true)));
    await q.addColumn('quiz_attempts', new TableColumn(text('question_ids')));
    await createTable(
      q,
      'quiz_draws',
      [
        id(),
        ref('worker_id'),
        ref('quiz_id'),
        varchar('submission_key', 64),
        text('question_ids', false),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_quiz_draws_key', ['submission_key'], true),
          index('ix_quiz_draws_worker', ['worker_id', 'quiz_id']),
        ],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE'), fk('quiz_id', 'quizzes', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'quiz_attempt_answers',
      [id(), ref('attempt_id'), ref('question_id'), ref('option_id', true), bool('correct', false)],
      {
        indices: [
          index('ix_quiz_attempt_answers_attempt', ['attempt_id']),
          index('ix_quiz_attempt_answers_question', ['question_id', 'option_id']),
        ],
        foreignKeys: [fk('attempt_id', 'quiz_attempts', 'CASCADE')],
      },
    );
    await this.backfillAnswers(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('quiz_attempt_answers');
    await q.dropTable('quiz_draws');
    await q.dropColumn('quiz_attempts', 'question_ids');
    await q.dropColumn('quizzes', 'draw_count');
    await q.dropColumn('quiz_options', 'match_label');
    await q.query('DELETE FROM quiz_questions WHERE quiz_id IS NULL');
    const table = (await q.getTable('quiz_questions'))!;
    await q.dropForeignKey(
      'quiz_questions',
      table.foreignKeys.find((f) => f.columnNames[0] === 'course_id')!,
    );
    await q.dropIndex('quiz_questions', 'ix_quiz_questions_bank');
    await q.dropColumn('quiz_questions', 'course_id');
    await this.quizIdNullable(q, false);
  }

  /** Only the nullability changes: the type as read back is kept (see HistoryImports1764000023000). */
  private async quizIdNullable(q: QueryRunner, isNullable: boolean): Promise<void> {
    const table = (await q.getTable('quiz_questions'))!;
    const old = table.findColumnByName('quiz_id')!;
    const changed = old.clone();
    changed.isNullable = isNullable;
    if (!isNullable && [null, 'NULL', "'NULL'"].includes(changed.default as string | null))
      changed.default = undefined;
    await q.changeColumn(table, old, changed);
  }

  /**
   * Existing attempts were all single or multiple choice: a question is right when exactly its
   * correct options were chosen. Read a batch of attempts at a time, never all of them.
   */
  private async backfillAnswers(q: QueryRunner): Promise<void> {
    let after = 0;
    for (;;) {
      const attempts: { id: number; answers: string }[] = await q.query(
        'SELECT id, answers FROM quiz_attempts WHERE id > ? ORDER BY id LIMIT 500',
        [after],
      );
      if (attempts.length === 0) return;
      after = Number(attempts[attempts.length - 1].id);
      const parsed = attempts.map((a) => ({
        id: Number(a.id),
        answers: JSON.parse(a.answers) as Record<string, number[]>,
      }));
      const questionIds = [...new Set(parsed.flatMap((a) => Object.keys(a.answers).map(Number)))];
      if (questionIds.length === 0) continue;
      const rows: { question_id: number; id: number; correct: unknown; kind: string }[] = await q.query(
        `SELECT o.question_id, o.id, o.correct, qq.kind FROM quiz_options o
         JOIN quiz_questions qq ON qq.id = o.question_id
         WHERE o.question_id IN (${questionIds.map(() => '?').join(',')})`,
        questionIds,
      );
      const values: unknown[] = [];
      for (const attempt of parsed)
        for (const [key, chosen] of Object.entries(attempt.answers)) {
          const options = rows.filter((r) => Number(r.question_id) === Number(key));
          if (options.length === 0) continue;
          const right = options
            .filter((o) => Number(o.correct) === 1 || o.correct === true)
            .map((o) => Number(o.id));
          const picked = [...new Set(chosen.map(Number))];
          const correct =
            picked.length === right.length &&
            picked.every((o) => right.includes(o)) &&
            (options[0].kind === 'MULTIPLE' || picked.length === 1);
          for (const option of picked) values.push(attempt.id, Number(key), option, correct ? 1 : 0);
        }
      for (let i = 0; i < values.length; i += 400 * 4) {
        const chunk = values.slice(i, i + 400 * 4);
        await q.query(
          `INSERT INTO quiz_attempt_answers (attempt_id, question_id, option_id, correct) VALUES ${Array.from(
            { length: chunk.length / 4 },
            () => '(?, ?, ?, ?)',
          ).join(', ')}`,
          chunk,
        );
      }
    }
  }
}
