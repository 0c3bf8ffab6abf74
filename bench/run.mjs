// `npm run bench [-- R2 R2f R1 M1 R5]`: hoctap in production mode (MariaDB + Redis + a separate
// job process) against bare baselines on this machine, each measure as A/B pairs taken
// alternately (ABAB…), load from autocannon in its own process on loopback. Prints both sides, the
// median ratio, its spread and the target. Nothing here is part of `npm test`. See
// docs/performance.md for the figures and how to read them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {
  HttpSession,
  load,
  machineLoad,
  median,
  peakRssMb,
  ROOT,
  spread,
  startNode,
  waitForUrl,
} from './lib.mjs';

const MEASURES = ['R2', 'R2f', 'R1', 'M1', 'R5'];
const settings = {
  mysql: process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
  database: process.env.BENCH_DATABASE ?? 'hoctap_bench',
  scaleDatabase: process.env.BENCH_SCALE_DATABASE ?? 'hoctap_scale',
  scaleWorkers: Number(process.env.BENCH_SCALE_WORKERS ?? 100_000),
  redis: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  pairs: Number(process.env.BENCH_PAIRS ?? 5),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  warmSeconds: Number(process.env.BENCH_WARM_SECONDS ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  bufferPoolMb: Number(process.env.BENCH_BUFFER_POOL_MB ?? 1024),
  port: Number(process.env.BENCH_PORT ?? 3901),
  /** Node flags of the web process instead of the Dockerfile's (trying heap settings). */
  nodeFlags: process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean),
};
const DEMO_PASSWORD = 'hoctap2030';
const TARGETS = {
  R2: { ratio: 0.1, p99: 50, text: '≥ 0.1, p99 < 50 ms' },
  R2f: { ratio: 0.5, text: '≥ 0.5' },
  R1: { ratio: 0.25, text: '≥ 0.25' },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((id) => !MEASURES.includes(id));
if (unknown.length > 0) {
  console.error(`Unknown measure ${unknown.join(', ')}. Known: ${MEASURES.join(', ')}.`);
  process.exit(2);
}
const selected = asked.length > 0 ? asked : MEASURES;
const rows = [];
const cleanups = [];

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e.message));
}

async function main() {
  const { one, five } = machineLoad();
  console.log(
    `hoctap bench — ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `load ${one} / ${five} (1 / 5 min), Node ${process.version}`,
  );
  console.log(
    `${settings.pairs} A/B pairs of ${settings.seconds} s each after ${settings.warmSeconds} s of warm-up per side; ` +
      `autocannon -c ${settings.connections}`,
  );
  const mysql = await createConnection(settings.mysql);
  cleanups.push(() => mysql.end());
  await setBufferPool(mysql);

  const needsApp = selected.some((id) => id !== 'R5');
  if (needsApp) await measureApp(mysql);
  if (selected.includes('R5')) await measureRollup(mysql);
  printTable();
}

/** Sets the InnoDB buffer pool for the run and puts the old size back afterwards. */
async function setBufferPool(mysql) {
  const [[{ size }]] = await mysql.query('SELECT @@GLOBAL.innodb_buffer_pool_size AS size');
  const wanted = settings.bufferPoolMb * 2 ** 20;
  if (Number(size) !== wanted) {
    await mysql.query(`SET GLOBAL innodb_buffer_pool_size = ${wanted}`);
    cleanups.push(() => mysql.query(`SET GLOBAL innodb_buffer_pool_size = ${Number(size)}`));
  }
  const [[{ now }]] = await mysql.query('SELECT @@GLOBAL.innodb_buffer_pool_size AS now');
  console.log(
    `InnoDB buffer pool: ${(Number(now) / 2 ** 20).toFixed(0)} MB for this run ` +
      `(was ${(Number(size) / 2 ** 20).toFixed(0)} MB, restored after)`,
  );
}

/**
 * The Node flags of the production web process: those of docker/Dockerfile's CMD, so both agree
 * (or BENCH_NODE_FLAGS).
 */
function webNodeFlags() {
  if (settings.nodeFlags) return settings.nodeFlags;
  const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
  if (!cmd) throw new Error('docker/Dockerfile has no CMD line to take the web process flags from');
  return JSON.parse(cmd[1]).filter((arg) => arg.startsWith('--'));
}

/** A fresh database with the demo data, the web and job processes, then R2, R2f, R1 and M1. */
async function measureApp(mysql) {
  await mysql.query(`DROP DATABASE IF EXISTS \`${settings.database}\``);
  await mysql.query(
    `CREATE DATABASE \`${settings.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'hoctap-bench-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const key = () => randomBytes(32).toString('base64');
  const baseUrl = `http://127.0.0.1:${settings.port}`;
  const databaseUrl = `${settings.mysql}/${settings.database}`;
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(settings.port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: settings.redis,
    QUEUE_PREFIX: `hoctap-bench-${process.pid}`,
    SESSION_SECRET: key(),
    PII_ENCRYPTION_KEYS: `k1:${key()}`,
    PII_HMAC_KEY: key(),
  };
  for (const [script, args] of [
    ['dist/cli/migrate.js', []],
    ['dist/cli/seed.js', ['--demo']],
  ]) {
    const step = startNode(join(ROOT, script), args, env, script);
    if ((await step.exited) !== 0) throw new Error(`${script} failed:\n${step.output()}`);
  }
  const web = startNode(join(ROOT, 'dist/main.js'), [], env, 'web process', webNodeFlags());
  cleanups.push(() => web.stop());
  const jobs = startNode(join(ROOT, 'dist/worker.js'), [], env, 'job process');
  cleanups.push(() => jobs.stop());
  await waitForUrl(`${baseUrl}/health`, web);

  const worker = new HttpSession(baseUrl);
  await worker.login('nguoilaodong', DEMO_PASSWORD);
  const page = await worker.request('/courses');
  if (page.status !== 200) throw new Error(`/courses answered ${page.status}`);
  const pageFile = join(dataDir, 'courses.html');
  writeFileSync(pageFile, Buffer.from(await page.arrayBuffer()));
  const courses = { url: `${baseUrl}/courses`, headers: { cookie: worker.cookie } };

  if (selected.includes('R2')) {
    const port = settings.port + 1;
    const bare = startNode(join(ROOT, 'bench/bare-http.mjs'), [String(port), pageFile], {}, 'bare node:http');
    cleanups.push(() => bare.stop());
    await waitForUrl(`http://127.0.0.1:${port}/courses`, bare);
    await pairs('R2', '/courses as a signed-in worker', courses, 'bare node:http, same bytes', {
      url: `http://127.0.0.1:${port}/courses`,
    });
    await bare.stop();
  }
  if (selected.includes('R2f')) {
    const port = settings.port + 2;
    const nest = startNode(join(ROOT, 'bench/bare-nest.mjs'), [String(port), pageFile], {}, 'bare NestJS');
    cleanups.push(() => nest.stop());
    await waitForUrl(`http://127.0.0.1:${port}/courses`, nest);
    await pairs('R2f', '/courses as a signed-in worker', courses, 'NestJS + Express + helmet, same bytes', {
      url: `http://127.0.0.1:${port}/courses`,
    });
    await nest.stop();
  }
  if (selected.includes('R1')) await measurePosts(baseUrl, databaseUrl);
  if (selected.includes('M1')) {
    const peak = peakRssMb(web.child.pid);
    rows.push({
      id: 'M1',
      a: `web process peak RSS (VmHWM) ${peak.toFixed(0)} MB, node ${webNodeFlags().join(' ')}`,
      b: '—',
      ratio: '—',
      spread: '—',
      target: '≤ 250 MB',
      met: peak <= 250,
    });
  }
}

/** R1: one new result per POST through the API, against node:http + mysql2 inserting a row. */
async function measurePosts(baseUrl, databaseUrl) {
  const officer = new HttpSession(baseUrl);
  await officer.login('congdoan.tamphat', DEMO_PASSWORD);
  const officerToken = await officer.createToken('bench');
  const cccd = '067090' + String(100000 + Math.floor(Math.random() * 899999));
  const added = await fetch(`${baseUrl}/api/v1/workers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      fullName: 'Người Đo Hiệu Năng',
      dateOfBirth: '1990-05-20',
      gender: 'MALE',
      cccd,
      startDate: '2024-01-02',
    }),
  });
  if (added.status !== 201)
    throw new Error(`adding the bench worker answered ${added.status}: ${await added.text()}`);
  const editor = new HttpSession(baseUrl);
  await editor.login('truong.caodang', DEMO_PASSWORD);
  const token = await editor.createToken('bench');
  const result = {
    url: `${baseUrl}/api/v1/external-records`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    bodyTemplate: JSON.stringify({
      externalId: `BENCH-${process.pid}-[<id>]`,
      cccd,
      dateOfBirth: '1990-05-20',
      title: 'Chứng chỉ Ứng dụng công nghệ thông tin cơ bản',
      completedOn: '2025-05-20',
      hours: 4,
      domains: ['DIGITAL'],
    }),
  };
  const port = settings.port + 3;
  const bare = startNode(join(ROOT, 'bench/bare-insert.mjs'), [String(port), databaseUrl], {}, 'bare insert');
  cleanups.push(() => bare.stop());
  await waitForListening(bare);
  await pairs(
    'R1',
    'POST /api/v1/external-records, a new result each',
    result,
    'node:http + mysql2 pool, one INSERT',
    {
      url: `http://127.0.0.1:${port}/`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Chứng chỉ Ứng dụng công nghệ thông tin cơ bản', hours: 4 }),
    },
  );
  await bare.stop();
}

async function waitForListening(proc) {
  for (let i = 0; i < 600 && !proc.output().includes('listening'); i++) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Warms both sides, then runs A and B alternately `pairs` times; records the medians and ratio. */
async function pairs(id, aLabel, a, bLabel, b) {
  const run = (target, seconds) => load({ ...target, connections: settings.connections, seconds });
  await run(a, settings.warmSeconds);
  await run(b, settings.warmSeconds);
  const as = [];
  const bs = [];
  for (let i = 0; i < settings.pairs; i++) {
    as.push(await run(a, settings.seconds));
    bs.push(await run(b, settings.seconds));
    process.stdout.write(
      `  ${id} pair ${i + 1}/${settings.pairs}: ${as[i].rps.toFixed(0)} vs ${bs[i].rps.toFixed(0)} req/s\n`,
    );
  }
  const failures = [...as, ...bs].reduce((n, r) => n + r.errors + r.non2xx, 0);
  if (failures > 0)
    console.log(`  ${id}: ${failures} failed or non-2xx answers — the figures are not to be trusted`);
  const ratios = as.map((r, i) => r.rps / bs[i].rps);
  const side = (runs) =>
    `${median(runs.map((r) => r.rps)).toFixed(0)} req/s, p50 ${median(runs.map((r) => r.p50))} ms, p99 ${median(runs.map((r) => r.p99))} ms`;
  const ratio = median(ratios);
  const target = TARGETS[id];
  const p99 = median(as.map((r) => r.p99));
  rows.push({
    id,
    a: `${aLabel}: ${side(as)}`,
    b: `${bLabel}: ${side(bs)}`,
    ratio: ratio.toFixed(3),
    spread: spread(ratios),
    target: target.text,
    met: ratio >= target.ratio && (target.p99 === undefined || p99 < target.p99) && failures === 0,
  });
}

/** R5: the roll-up against a warm COUNT(*) of the records, on a database of `scaleWorkers` workers. */
async function measureRollup(mysql) {
  const databaseUrl = `${settings.mysql}/${settings.scaleDatabase}`;
  const env = {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hoctap-bench-')),
  };
  const [found] = await mysql.query(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
    [settings.scaleDatabase, 'workers'],
  );
  let workers = 0;
  if (Number(found[0].n) > 0) {
    const [[{ n }]] = await mysql.query(`SELECT COUNT(*) AS n FROM \`${settings.scaleDatabase}\`.workers`);
    workers = Number(n);
  }
  if (workers === 0) {
    console.log(
      `R5: filling ${settings.scaleDatabase} with ${settings.scaleWorkers.toLocaleString('en')} workers (npm run seed:scale), once…`,
    );
    await mysql.query(
      `CREATE DATABASE IF NOT EXISTS \`${settings.scaleDatabase}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    for (const [script, args] of [
      ['dist/cli/migrate.js', []],
      ['dist/cli/seed.js', ['--no-demo']],
      ['dist/cli/seed-scale.js', ['--workers', String(settings.scaleWorkers)]],
    ]) {
      const step = startNode(join(ROOT, script), args, env, script);
      if ((await step.exited) !== 0) throw new Error(`${script} failed:\n${step.output()}`);
    }
  } else {
    const step = startNode(join(ROOT, 'dist/cli/migrate.js'), [], env, 'migrate');
    if ((await step.exited) !== 0) throw new Error(`migrate failed:\n${step.output()}`);
  }
  const bench = startNode(
    join(ROOT, 'dist/cli/bench-rollup.js'),
    ['--runs', String(Math.max(5, settings.pairs))],
    env,
    'bench:rollup',
  );
  if ((await bench.exited) !== 0) throw new Error(`bench:rollup failed:\n${bench.output()}`);
  const output = bench.output();
  const pick = (label) => new RegExp(`${label}\\s+(.+)`).exec(output)?.[1]?.trim() ?? '?';
  const ratio = Number(/ratio roll-up \/ COUNT\(\*\)\s+([\d.]+)/.exec(output)?.[1]);
  rows.push({
    id: 'R5',
    a: `full roll-up at ${pick('workers / employments')} workers / employments: ${pick('roll-up \\(median\\)')}`,
    b: `SELECT COUNT(*) of ${pick('learning records \\(COUNT\\(\\*\\)\\)')} records: ${pick('COUNT\\(\\*\\) learning_records \\(median\\)')}`,
    ratio: Number.isFinite(ratio) ? ratio.toFixed(2) : '?',
    spread: '(see runs)',
    target: '≤ 1.5',
    met: ratio <= 1.5,
  });
}

function printTable() {
  console.log('');
  for (const row of rows) {
    console.log(
      `${row.id}  ratio ${row.ratio} (spread ${row.spread}), target ${row.target}: ${row.met ? 'met' : 'NOT met'}`,
    );
    console.log(`    A  ${row.a}`);
    if (row.b !== '—') console.log(`    B  ${row.b}`);
  }
}
