// A MariaDB primary and a replica of it on loopback, for X1 of `npm run bench`: two extra
// `mariadbd` processes with their own data directories under /tmp (the machine's MariaDB on 3306
// has no binary log, and turning it on would mean restarting it). The primary writes a binary log;
// the replica follows it from the position the primary had once the bench user existed. Both are
// stopped and their directories removed by `stop()`, which the caller runs even on failure.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { startProgram, waitFor } from './lib.mjs';

const MARIADBD = process.env.BENCH_MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.BENCH_MARIADB_INSTALL_DB ?? 'mariadb-install-db';
const USER = 'hoctap_bench';

/**
 * Starts the pair on `primaryPort` and `primaryPort + 1`. Returns { primaryUrl, replicaUrl,
 * replica (a mysql2 connection to it), primary (one to the primary), pauseReplica(),
 * resumeReplica(), stop() }. URLs have no database: add `/<name>`.
 */
export async function startReplicaPair({ primaryPort = 3307, bufferPoolMb = 512 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'hoctap-replica-'));
  const servers = [];
  const connections = [];
  const stop = async () => {
    for (const connection of connections) await connection.end().catch(() => undefined);
    for (const server of servers) await server.stop();
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const start = async (name, port, serverId, extra) => {
      const dir = join(root, name);
      // Their own temporary tables: in /tmp they would meet those of other servers on the machine.
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp, { recursive: true });
      const install = startProgram(
        INSTALL_DB,
        [
          '--no-defaults',
          `--datadir=${join(dir, 'data')}`,
          '--user=root',
          '--auth-root-authentication-method=normal',
          `--tmpdir=${tmp}`,
          '--skip-test-db',
        ],
        {},
        `${INSTALL_DB} (${name})`,
      );
      if ((await install.exited) !== 0) throw new Error(`${install.name} failed:\n${install.output()}`);
      const socket = join(dir, 'mysqld.sock');
      const server = startProgram(
        MARIADBD,
        [
          '--no-defaults',
          `--datadir=${join(dir, 'data')}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--socket=${socket}`,
          `--pid-file=${join(dir, 'mysqld.pid')}`,
          `--tmpdir=${tmp}`,
          '--user=root',
          `--server-id=${serverId}`,
          `--innodb-buffer-pool-size=${bufferPoolMb}M`,
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
          '--skip-name-resolve',
          ...extra,
        ],
        {},
        `mariadbd ${name} :${port}`,
      );
      servers.push(server);
      const admin = await waitFor(
        `${server.name} accepting connections`,
        async () => {
          if (server.child.exitCode !== null) throw new Error(`exited:\n${server.output()}`);
          return createConnection({ socketPath: socket, user: 'root' });
        },
        60_000,
        200,
      );
      connections.push(admin);
      await admin.query(`CREATE USER IF NOT EXISTS '${USER}'@'127.0.0.1'`);
      await admin.query(`GRANT ALL PRIVILEGES ON *.* TO '${USER}'@'127.0.0.1'`);
      return admin;
    };
    // Both started at once: most of the time is InnoDB creating its files.
    const started = await Promise.allSettled([
      start('primary', primaryPort, 1, [
        `--log-bin=${join(root, 'primary', 'binlog')}`,
        '--binlog-format=ROW',
        '--sync-binlog=0',
      ]),
      start('replica', primaryPort + 1, 2, ['--read-only=1', '--skip-slave-start', '--relay-log=relay']),
    ]);
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    const [primary, replica] = started.map((outcome) => outcome.value);
    const [[position]] = await primary.query('SHOW MASTER STATUS');
    await replica.query(
      `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primaryPort}, MASTER_USER = '${USER}',
       MASTER_PASSWORD = '', MASTER_LOG_FILE = ?, MASTER_LOG_POS = ?`,
      [position.File, Number(position.Position)],
    );
    await replica.query('START SLAVE');
    await waitFor(
      'the replica following the primary',
      async () => {
        const [[status]] = await replica.query('SHOW SLAVE STATUS');
        if (status?.Last_Error) throw new Error(status.Last_Error);
        return status?.Slave_IO_Running === 'Yes' && status?.Slave_SQL_Running === 'Yes';
      },
      30_000,
    );
    const url = (port) => `mysql://${USER}@127.0.0.1:${port}`;
    return {
      primaryUrl: url(primaryPort),
      replicaUrl: url(primaryPort + 1),
      primary,
      replica,
      /** Holds the replica back (its SQL thread stops applying), as a replica under load lags. */
      pauseReplica: () => replica.query('STOP SLAVE SQL_THREAD'),
      resumeReplica: () => replica.query('START SLAVE SQL_THREAD'),
      stop,
    };
  } catch (error) {
    await stop().catch((e) => console.error(`could not remove ${root}: ${e.message}`));
    throw error;
  }
}
