import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { varchar } from './schema';

/**
 * A material's author is a person or an organisation (a faculty, a ministry, a union), so that its
 * JSON-LD says `Person` or `Organization`. Existing materials keep what they were published as
 * (PERSON): which of them an organisation wrote is the editor's fact, not the database's, and the
 * form now asks.
 */
export class MaterialAuthorType1764000022000 implements MigrationInterface {
  name = 'MaterialAuthorType1764000022000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'learning_materials',
      new TableColumn({ ...varchar('author_type', 20), default: "'PERSON'" }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('learning_materials', 'author_type');
  }
}
