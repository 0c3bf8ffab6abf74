import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  dateOnly,
  dateTime,
  dateTimeParam,
  dialectOf,
  dialectOfVersion,
  inShareMode,
  isSqlite,
  lockForUpdate,
  lockRow,
  upsert,
  Upsert,
  upsertSql,
} from './dialect';

const sqlite = { options: { type: 'better-sqlite3' } } as DataSource;
const mysql = () => ({ options: { type: 'mysql' } }) as DataSource;

function managerOn(connection: DataSource, rows: unknown = []) {
  const query = jest.fn().mockResolvedValue(rows);
  return { manager: { connection, query } as unknown as EntityManager, query };
}

describe('database dialect', () => {
  it('tells SQLite from MySQL/MariaDB', () => {
    expect(isSqlite(sqlite)).toBe(true);
    expect(isSqlite(mysql())).toBe(false);
  });

  describe(dateOnly.name, () => {
    it('reads a DATE as SQLite gives it (text) and as mysql2 does (a Date at UTC midnight)', () => {
      expect(dateOnly('2024-02-29')).toBe('2024-02-29');
      expect(dateOnly(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
      expect(dateOnly('2024-02-29 00:00:00')).toBe('2024-02-29');
    });

    it('reads nothing as null', () => {
      expect(dateOnly(null)).toBeNull();
      expect(dateOnly(undefined)).toBeNull();
      expect(dateOnly('')).toBeNull();
    });
  });

  describe(dateTime.name, () => {
    it('reads SQLite’s zoneless text as UTC', () => {
      expect(dateTime('2025-03-09 17:30:00.123')).toEqual(new Date('2025-03-09T17:30:00.123Z'));
      expect(dateTime('2025-03-09 17:30:00')).toEqual(new Date('2025-03-09T17:30:00Z'));
      expect(dateTime('2025-03-09T17:30:00')).toEqual(new Date('2025-03-09T17:30:00Z'));
    });

    it('takes mysql2’s Date as it is, and text with a zone as it says', () => {
      const at = new Date('2025-03-09T17:30:00Z');
      expect(dateTime(at)).toBe(at);
      expect(dateTime('2025-03-09T17:30:00.000Z')).toEqual(at);
      expect(dateTime('2025-03-10T00:30:00+07:00')).toEqual(at);
    });

    it('reads nothing as null', () => {
      expect(dateTime(null)).toBeNull();
      expect(dateTime(undefined)).toBeNull();
      expect(dateTime('' as unknown)).toBeNull();
    });
  });

  describe(dateTimeParam.name, () => {
    it('hands mysql2 the Date and SQLite the UTC text TypeORM writes', () => {
      const at = new Date('2025-03-09T17:30:00.120Z');
      expect(dateTimeParam(mysql(), at)).toBe(at);
      expect(dateTimeParam(sqlite, at)).toBe('2025-03-09 17:30:00.120');
    });
  });

  describe('locks', () => {
    it('locks a query’s rows for update on MySQL/MariaDB only', () => {
      for (const [connection, locks] of [
        [mysql(), 1],
        [sqlite, 0],
      ] as const) {
        const query = { connection, setLock: jest.fn() } as unknown as SelectQueryBuilder<object>;
        expect(lockForUpdate(query)).toBe(query);
        expect(query.setLock).toHaveBeenCalledTimes(locks);
        if (locks) expect(query.setLock).toHaveBeenCalledWith('pessimistic_write');
      }
    });

    it('locks one row by id on MySQL/MariaDB, and asks SQLite nothing', async () => {
      const onMysql = managerOn(mysql());
      await lockRow(onMysql.manager, 'association_branches', 7);
      expect(onMysql.query).toHaveBeenCalledWith(
        'SELECT id FROM association_branches WHERE id = ? FOR UPDATE',
        [7],
      );
      const onSqlite = managerOn(sqlite);
      await lockRow(onSqlite.manager, 'association_branches', 7);
      expect(onSqlite.query).not.toHaveBeenCalled();
    });

    it('ends a shared-lock read with LOCK IN SHARE MODE on MySQL/MariaDB only', () => {
      expect(inShareMode(mysql())).toBe(' LOCK IN SHARE MODE');
      expect(inShareMode(sqlite)).toBe('');
    });
  });

  describe('upserts', () => {
    const counter: Upsert = {
      table: 'tallies',
      columns: ['worker_id', 'year', 'hours'],
      key: ['worker_id', 'year'],
      set: (incoming) => [`hours = hours + ${incoming('hours')}`, 'updated_at = CURRENT_TIMESTAMP'],
    };
    const insert = 'INSERT INTO tallies (worker_id, year, hours) VALUES (?, ?, ?)';

    it('names the new row as each server wants', () => {
      expect(upsertSql('sqlite', counter)).toBe(
        `${insert} ON CONFLICT (worker_id, year) DO UPDATE SET hours = hours + excluded.hours, updated_at = CURRENT_TIMESTAMP`,
      );
      expect(upsertSql('mariadb', counter)).toBe(
        `${insert} ON DUPLICATE KEY UPDATE hours = hours + VALUES(hours), updated_at = CURRENT_TIMESTAMP`,
      );
      expect(upsertSql('mysql', counter)).toBe(
        `${insert} AS new ON DUPLICATE KEY UPDATE hours = hours + new.hours, updated_at = CURRENT_TIMESTAMP`,
      );
    });

    it('tells the servers apart by their version', () => {
      expect(dialectOfVersion('10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
      expect(dialectOfVersion('5.5.5-10.6.16-MariaDB')).toBe('mariadb');
      expect(dialectOfVersion('11.4.2-MariaDB-log')).toBe('mariadb');
      expect(dialectOfVersion('8.0.18')).toBe('mariadb');
      expect(dialectOfVersion('8.0.19')).toBe('mysql');
      expect(dialectOfVersion('8.0.36-28')).toBe('mysql');
      expect(dialectOfVersion('8.4.3')).toBe('mysql');
      expect(dialectOfVersion('9.1.0')).toBe('mysql');
      expect(dialectOfVersion('5.7.44-log')).toBe('mariadb');
    });

    it('asks a MySQL/MariaDB server its version once, through the manager, and SQLite never', async () => {
      const { manager, query } = managerOn(mysql(), [{ version: '8.4.3' }]);
      expect(await dialectOf(manager)).toBe('mysql');
      expect(await dialectOf(manager)).toBe('mysql');
      expect(query).toHaveBeenCalledTimes(1);
      expect(query).toHaveBeenCalledWith('SELECT VERSION() AS version');
      const onSqlite = managerOn(sqlite);
      expect(await dialectOf(onSqlite.manager)).toBe('sqlite');
      expect(onSqlite.query).not.toHaveBeenCalled();
    });

    it('asks again after the question failed', async () => {
      const { manager, query } = managerOn(mysql());
      query
        .mockRejectedValueOnce(new Error('connection lost'))
        .mockResolvedValue([{ version: '10.11.19-MariaDB' }]);
      await expect(dialectOf(manager)).rejects.toThrow('connection lost');
      expect(await dialectOf(manager)).toBe('mariadb');
    });

    it('runs in the server’s syntax with the parameters given', async () => {
      const { manager, query } = managerOn(mysql(), [{ version: '10.11.19-MariaDB' }]);
      await upsert(manager, counter, [1, 2025, 3]);
      expect(query).toHaveBeenLastCalledWith(upsertSql('mariadb', counter), [1, 2025, 3]);
    });
  });
});
