// A three-node Redis Cluster on loopback, for X2 of `npm run bench`: `redis-server` with
// cluster-enabled on `firstPort` … `firstPort + 2`, data under /tmp, joined by
// `redis-cli --cluster create`. `stop()` shuts the nodes down and removes their directories; the
// caller runs it even on failure.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProgram, waitFor } from './lib.mjs';

const REDIS_SERVER = process.env.BENCH_REDIS_SERVER ?? 'redis-server';
const REDIS_CLI = process.env.BENCH_REDIS_CLI ?? 'redis-cli';

async function cli(args) {
  const run = startProgram(REDIS_CLI, args, {}, `redis-cli ${args.join(' ')}`);
  const code = await run.exited;
  if (code !== 0) throw new Error(`${run.name} failed:\n${run.output()}`);
  return run.output();
}

/** Returns { nodes: 'host:port,…' (REDIS_CLUSTER_NODES), ports, stop() }. */
export async function startRedisCluster({ firstPort = 7001 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'hoctap-redis-cluster-'));
  const ports = [firstPort, firstPort + 1, firstPort + 2];
  const servers = [];
  const stop = async () => {
    for (const server of servers) await server.stop();
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    for (const port of ports) {
      const dir = join(root, String(port));
      mkdirSync(dir);
      // As docs/scaling.md advises for Bull: append-only file fsynced every second, never evict.
      const server = startProgram(
        REDIS_SERVER,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, 'nodes.conf'),
          '--cluster-node-timeout',
          '5000',
          '--appendonly',
          'yes',
          '--appendfsync',
          'everysec',
          '--maxmemory-policy',
          'noeviction',
          '--save',
          '',
        ],
        {},
        `redis-server :${port}`,
      );
      servers.push(server);
    }
    for (const [i, port] of ports.entries()) {
      await waitFor(`redis-server :${port} answering`, async () => {
        if (servers[i].child.exitCode !== null) throw new Error(`exited:\n${servers[i].output()}`);
        return (await cli(['-p', String(port), 'ping'])).includes('PONG');
      });
    }
    await cli(['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-yes']);
    await waitFor(
      'the cluster to be ok on every node',
      async () => {
        for (const port of ports) {
          if (!(await cli(['-p', String(port), 'cluster', 'info'])).includes('cluster_state:ok'))
            return false;
        }
        return true;
      },
      30_000,
      200,
    );
    return { nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), ports, stop };
  } catch (error) {
    await stop().catch((e) => console.error(`could not remove ${root}: ${e.message}`));
    throw error;
  }
}
