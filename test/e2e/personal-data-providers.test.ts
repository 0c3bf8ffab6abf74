import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalDataProviders } from '../../src/common/personal-data/personal-data-providers';
import { translate } from '../../src/common/i18n/i18n';
import { headerKey } from '../../src/privacy/personal-data/export-labels';
import { HIDDEN_COLUMNS } from '../../src/privacy/personal-data/personal-data.repository';
import { createTestApp } from '../support/test-app';

/**
 * Issue 10, item 1: the personal-data export and anonymisation ask each domain's provider, and no
 * table that holds a person's rows is left out. Every table with a worker_id or user_id column must
 * be listed by exactly one provider; a provider may list tables without such a column (e.g. the rows
 * of a worker's lesson progress, reached through their enrolment), but only tables that exist.
 */
describe('personal-data providers cover the schema', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every table with a worker_id or user_id column, once', async () => {
    const db = app.get(DataSource);
    const tables = (
      (await db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )) as {
        name: string;
      }[]
    ).map((t) => t.name);
    const personal: string[] = [];
    for (const table of tables) {
      const columns = (await db.query(`PRAGMA table_info("${table}")`)) as { name: string }[];
      if (columns.some((c) => c.name === 'worker_id' || c.name === 'user_id')) personal.push(table);
    }
    const listed = app
      .get(PersonalDataProviders)
      .all()
      .flatMap((p) => p.tables);
    console.log(
      `personal-data providers: ${app.get(PersonalDataProviders).all().length} providers, ` +
        `${listed.length} tables listed, ${personal.length} tables with worker_id/user_id`,
    );
    expect(personal.length).toBeGreaterThan(15);
    expect(personal.filter((t) => !listed.includes(t))).toEqual([]);
    expect(listed.filter((t) => !tables.includes(t))).toEqual([]);
    expect(listed.filter((t, i) => listed.indexOf(t) !== i)).toEqual([]);
  });

  it('has a header in Vietnamese and English for every column of those tables in the workbook', async () => {
    // Issue 13: the workbook heads each column in the person's language, never with its stored name.
    const db = app.get(DataSource);
    const unlabelled: string[] = [];
    for (const table of app
      .get(PersonalDataProviders)
      .all()
      .flatMap((p) => p.tables)) {
      const columns = (await db.query(`PRAGMA table_info("${table}")`)) as { name: string }[];
      for (const { name } of columns) {
        if (HIDDEN_COLUMNS.has(name)) continue;
        const column = name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
        const key = headerKey('any', column);
        if (!key || translate('vi', key) === translate('en', key)) unlabelled.push(`${table}.${name}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });
});
