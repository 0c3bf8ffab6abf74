import type { NextFunction, Request, Response } from 'express';
import { QueryRunner, ReplicationMode } from 'typeorm';
import { PRIMARY_COOKIE, replicaReads } from '../common/http/replica-reads.middleware';
import { readFromPrimary, readFromReplica, replicaReadsAllowed, RoutedDataSource } from './read-routing';

describe(RoutedDataSource.name, () => {
  let sut: RoutedDataSource;
  let modes: ReplicationMode[];

  beforeEach(() => {
    sut = new RoutedDataSource({
      type: 'mysql',
      replication: {
        master: { url: 'mysql://primary:3306/hoctap' },
        slaves: [{ url: 'mysql://replica:3306/hoctap' }],
      },
    });
    modes = [];
    // Never connects: records which side each statement would have gone to.
    jest.spyOn(sut.driver, 'createQueryRunner').mockImplementation((mode: ReplicationMode) => {
      modes.push(mode);
      return {
        isReleased: false,
        query: async () => [],
        release: async () => undefined,
      } as unknown as QueryRunner;
    });
  });

  const select = () => sut.createQueryBuilder().select('1', 'one').from('users', 'u').getRawMany();

  it('reads from the primary outside a replica context (jobs, CLI, the signed-in account)', async () => {
    await select();
    expect(modes).toEqual(['master']);
    expect(replicaReadsAllowed()).toBe(false);
  });

  it('reads from a replica inside one, and from the primary once the context wrote', async () => {
    await readFromReplica(async () => {
      await select();
      await select();
      await sut.query('UPDATE users SET last_seen_at = NOW() WHERE id = 1');
      await select();
    });
    expect(modes).toEqual(['slave', 'slave', 'master', 'master']);
  });

  it('reads from the primary inside readFromPrimary, even within a page view', async () => {
    await readFromReplica(async () => {
      await readFromPrimary(select);
      await select();
    });
    expect(modes).toEqual(['master', 'slave']);
  });

  it('keeps each context to itself: a write in one request leaves another on the replica', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const other = readFromReplica(async () => {
      await held;
      await select();
    });
    await readFromReplica(() => sut.query('DELETE FROM notices WHERE id = 1'));
    release();
    await other;
    expect(modes).toEqual(['master', 'slave']);
  });
});

describe(replicaReads.name, () => {
  const run = (method: string, cookies: Record<string, string> = {}) => {
    const res = { cookie: jest.fn() } as unknown as Response & { cookie: jest.Mock };
    let allowed: boolean | undefined;
    const next: NextFunction = () => {
      allowed = replicaReadsAllowed();
    };
    replicaReads(5, true)({ method, cookies } as Request, res, next);
    return { allowed, cookie: res.cookie };
  };

  it('lets a GET or HEAD read from a replica, unless this browser wrote a moment ago', () => {
    expect(run('GET').allowed).toBe(true);
    expect(run('HEAD').allowed).toBe(true);
    expect(run('GET', { [PRIMARY_COOKIE]: '1' }).allowed).toBe(false);
  });

  it('keeps a write on the primary and marks the browser for the next five seconds', () => {
    const { allowed, cookie } = run('POST');
    expect(allowed).toBe(false);
    expect(cookie).toHaveBeenCalledWith(PRIMARY_COOKIE, '1', {
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      maxAge: 5000,
    });
  });
});
