import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, fk, id, index, ref } from './schema';

/**
 * Contests aimed at communes (issue 15): the federation may open a contest to the enterprises of
 * one or more communes instead of the whole province. A contest without rows here stays what it
 * was: province-wide (no enterprise) or one enterprise's.
 */
export class ContestCommunes1764000033000 implements MigrationInterface {
  name = 'ContestCommunes1764000033000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(q, 'contest_units', [id(), ref('contest_id'), ref('unit_id')], {
      indices: [index('uq_contest_units_key', ['contest_id', 'unit_id'], true)],
      foreignKeys: [fk('contest_id', 'contests', 'CASCADE'), fk('unit_id', 'admin_units')],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('contest_units');
  }
}
