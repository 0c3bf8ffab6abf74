import { QueryRunner } from 'typeorm';
import { EmploymentReach1764000035000 } from './1764000035000-employment-reach';

describe(EmploymentReach1764000035000.name, () => {
  /** A server with the binary log on that refuses triggers to a user without SUPER (error 1419). */
  function refusingTriggers() {
    const statements: string[] = [];
    const q = {
      createTable: jest.fn(() => Promise.resolve()),
      dropTable: jest.fn(() => Promise.resolve()),
      query: jest.fn((sql: string) => {
        statements.push(sql);
        if (sql.startsWith('CREATE TRIGGER'))
          return Promise.reject(
            Object.assign(new Error('You do not have the SUPER privilege'), { errno: 1419 }),
          );
        return Promise.resolve();
      }),
    };
    return { q, statements };
  }

  it('says what to set when binary logging refuses the triggers, and leaves nothing behind', async () => {
    const { q, statements } = refusingTriggers();
    const sut = new EmploymentReach1764000035000();
    await expect(sut.up(q as unknown as QueryRunner)).rejects.toThrow(/log_bin_trust_function_creators = 1/);
    expect(q.dropTable).toHaveBeenCalledWith('employment_reach');
    expect(statements.some((s) => s.startsWith('DROP TRIGGER IF EXISTS'))).toBe(true);
  });

  it('passes any other error on as it is', async () => {
    const { q } = refusingTriggers();
    q.query.mockImplementation((sql: string) =>
      sql.startsWith('CREATE TRIGGER') ? Promise.reject(new Error('disk full')) : Promise.resolve(),
    );
    await expect(new EmploymentReach1764000035000().up(q as unknown as QueryRunner)).rejects.toThrow(
      'disk full',
    );
    expect(q.dropTable).toHaveBeenCalledWith('employment_reach');
  });
});
