import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { datetime } from './schema';

/**
 * Online learning: when a lesson was last open or sent a heartbeat. The time credited for a
 * heartbeat is capped by the wall time since then; updated_at cannot serve, as other changes move
 * it and it keeps whole seconds only (replays could then gain a second each).
 */
export class LessonHeartbeat1764000005000 implements MigrationInterface {
  name = 'LessonHeartbeat1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('lesson_progress', new TableColumn(datetime('last_seen_at')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('lesson_progress', 'last_seen_at');
  }
}
