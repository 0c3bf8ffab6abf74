// `npm run bench [-- R2 R2f R2p R1 M1 R5 X1 X2]`: hoctap in production mode (MariaDB + Redis + a
// separate job process) against bare baselines on this machine, each measure as A/B pairs taken
// alternately (ABAB…), load from autocannon in its own process on loopback. Prints both sides, the
// median ratio, its spread and the target. X1 and X2 go past one server: a MariaDB primary and
// replica (bench/replica.mjs), a three-node Redis Cluster (bench/redis-cluster.mjs), both started
// here and removed at the end. Nothing here is part of `npm test`. See docs/performance.md for the
// figures and how to read them, and docs/scaling.md for what they mean for a national deployment.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Cluster } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import {
  HttpSession,
  load,
  machineLoad,
  median,
  peakRssMb,
  ROOT,
  percentile,
  spread,
  startNode,
  waitFor,
  waitForUrl,
} from './lib.mjs';
import { startRedisCluster } from './redis-cluster.mjs';
import { startReplicaPair } from './replica.mjs';

const MEASURES = ['R2', 'R2f', 'R2p', 'R1', 'M1', 'R5', 'X1', 'X2'];
const APP_MEASURES = ['R2', 'R2f', 'R2p', 'R1', 'M1'];
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
  replicaPort: Number(process.env.BENCH_REPLICA_PORT ?? 3307),
  lagSamples: Number(process.env.BENCH_LAG_SAMPLES ?? 200),
  clusterPort: Number(process.env.BENCH_CLUSTER_PORT ?? 7001),
  clusterJobs: Number(process.env.BENCH_CLUSTER_JOBS ?? 500),
};
const DEMO_PASSWORD = 'hoctap2030';
/** The cookie hoctap sets on the answer to a write (src/common/http/replica-reads.middleware.ts). */
const PRIMARY_COOKIE = 'hoctap.primary';
const TARGETS = {
  R2: { ratio: 0.1, p99: 50, text: '≥ 0.1, p99 < 50 ms' },
  X1: { ratio: 0.1, p99: 50, text: '≥ 0.1, p99 < 50 ms (as R2)' },
  R2f: { ratio: 0.5, text: '≥ 0.5' },
  // No target of its own: what R2f could reach if a page did no work of its own at all.
  R2p: { ratio: null, text: 'none (the most R2f can reach)' },
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

// Interrupted (Ctrl-C, a timeout): what was started is stopped and removed all the same.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`${signal}: stopping what the bench started…`);
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e.message));
    process.exit(130);
  });
}

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

  const needsApp = selected.some((id) => APP_MEASURES.includes(id));
  if (needsApp) await measureApp(mysql);
  if (selected.includes('R5')) await measureRollup(mysql);
  if (selected.includes('X1')) await measureReplica();
  if (selected.includes('X2')) await measureCluster(mysql);
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

/** The environment of hoctap's processes in production mode, with fresh secrets. */
function hoctapEnv(overrides) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoctap-bench-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const key = () => randomBytes(32).toString('base64');
  const baseUrl = `http://127.0.0.1:${overrides.PORT ?? settings.port}`;
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(settings.port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    REDIS_URL: settings.redis,
    QUEUE_PREFIX: `hoctap-bench-${process.pid}`,
    SESSION_SECRET: key(),
    PII_ENCRYPTION_KEYS: `k1:${key()}`,
    PII_HMAC_KEY: key(),
    ...overrides,
  };
}

/** Migrates the database of `env` and loads the demo data (or only reference data). */
async function prepareDatabase(env, seedArgs = ['--demo']) {
  for (const [script, args] of [
    ['dist/cli/migrate.js', []],
    ['dist/cli/seed.js', seedArgs],
  ]) {
    const step = startNode(join(ROOT, script), args, env, script);
    if ((await step.exited) !== 0) throw new Error(`${script} failed:\n${step.output()}`);
  }
}

/** The web process (unless `web: false`) and `workers` job processes; stopped by the cleanups. */
async function startHoctap(env, { workers = 1, web = true, workerEnv = {}, keep } = {}) {
  let webProcess = null;
  if (web) {
    webProcess = startNode(join(ROOT, 'dist/main.js'), [], env, 'web process', {
      nodeFlags: webNodeFlags(),
    });
    cleanups.push(() => webProcess.stop());
  }
  const jobs = [];
  for (let i = 0; i < workers; i++) {
    const job = startNode(
      join(ROOT, 'dist/worker.js'),
      [],
      { ...env, ...workerEnv },
      `job process ${i + 1}`,
      {
        keep,
      },
    );
    cleanups.push(() => job.stop());
    jobs.push(job);
  }
  if (webProcess) await waitForUrl(`${env.PUBLIC_URL}/health`, webProcess);
  return { web: webProcess, jobs };
}

/** A fresh database with the demo data, the web and job processes, then R2, R2f, R1 and M1. */
async function measureApp(mysql) {
  await mysql.query(`DROP DATABASE IF EXISTS \`${settings.database}\``);
  await mysql.query(
    `CREATE DATABASE \`${settings.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const databaseUrl = `${settings.mysql}/${settings.database}`;
  const env = hoctapEnv({ DATABASE_URL: databaseUrl });
  const baseUrl = env.PUBLIC_URL;
  const dataDir = env.DATA_DIR;
  await prepareDatabase(env);
  const { web } = await startHoctap(env);

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
  if (selected.includes('R2p')) {
    // The floor under every page: the sign-in page, signed out, reads no account and no data, yet
    // passes the whole request path — session, CSRF token, locale, log line, layout — that R2f's
    // bare NestJS side does not.
    const signIn = await fetch(`${baseUrl}/login`);
    const floorFile = join(dataDir, 'login.html');
    writeFileSync(floorFile, Buffer.from(await signIn.arrayBuffer()));
    const port = settings.port + 3;
    const nest = startNode(join(ROOT, 'bench/bare-nest.mjs'), [String(port), floorFile], {}, 'bare NestJS');
    cleanups.push(() => nest.stop());
    await waitForUrl(`http://127.0.0.1:${port}/courses`, nest);
    await pairs(
      'R2p',
      '/login signed out (no account, no data)',
      { url: `${baseUrl}/login` },
      'NestJS + Express + helmet, same bytes',
      {
        url: `http://127.0.0.1:${port}/courses`,
      },
    );
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

/**
 * What R1 and X1 post: a worker added through the API by the demo union officer, and a result for
 * them by the demo college's editor, a new external id each time (`[<id>]` for autocannon).
 */
async function prepareResultPosts(baseUrl) {
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
  const body = (externalId) =>
    JSON.stringify({
      externalId,
      cccd,
      dateOfBirth: '1990-05-20',
      title: 'Chứng chỉ Ứng dụng công nghệ thông tin cơ bản',
      completedOn: '2025-05-20',
      hours: 4,
      domains: ['DIGITAL'],
    });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    officer,
    result: {
      url: `${baseUrl}/api/v1/external-records`,
      method: 'POST',
      headers,
      bodyTemplate: body(`BENCH-${process.pid}-[<id>]`),
    },
    /** One result posted now; resolves to its external id once hoctap answered 201. */
    async post(externalId) {
      const answer = await fetch(`${baseUrl}/api/v1/external-records`, {
        method: 'POST',
        headers,
        body: body(externalId),
      });
      if (answer.status !== 201)
        throw new Error(`a result post answered ${answer.status}: ${await answer.text()}`);
      return externalId;
    },
  };
}

/** R1: one new result per POST through the API, against node:http + mysql2 inserting a row. */
async function measurePosts(baseUrl, databaseUrl) {
  const { result } = await prepareResultPosts(baseUrl);
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

/**
 * X1: hoctap on a MariaDB primary with a replica (DATABASE_REPLICA_URLS). Checks that pages work
 * with their reads on the replica, measures the replica's lag behind a result posted to the API,
 * proves with the replica held back that writes read their own data (a form's next page, a token
 * just made, the job a result queues) while page views do read the replica, then times /courses
 * with its reads on the replica against bare node:http, as R2.
 */
async function measureReplica() {
  console.log('X1: starting a MariaDB primary and a replica on loopback…');
  const pair = await startReplicaPair({ primaryPort: settings.replicaPort });
  cleanups.push(() => pair.stop());
  const name = `${settings.database}_replica`;
  await pair.primary.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const port = settings.port + 10;
  const env = hoctapEnv({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `${pair.primaryUrl}/${name}`,
    DATABASE_REPLICA_URLS: `${pair.replicaUrl}/${name}`,
    QUEUE_PREFIX: `hoctap-bench-x1-${process.pid}`,
  });
  await prepareDatabase(env);
  await startHoctap(env);
  const baseUrl = env.PUBLIC_URL;
  const notes = [];
  const check = (ok, text) => {
    notes.push(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
    return ok;
  };
  const selects = async () => {
    const count = async (db) => Number((await db.query("SHOW GLOBAL STATUS LIKE 'Com_select'"))[0][0].Value);
    return { primary: await count(pair.primary), replica: await count(pair.replica) };
  };
  const onReplica = async (externalId) =>
    (
      await pair.replica.query(`SELECT 1 FROM \`${name}\`.external_records WHERE external_id = ?`, [
        externalId,
      ])
    )[0].length > 0;
  let allOk = true;

  // Pages, signed in, as page views of a browser that wrote nothing lately.
  const worker = new HttpSession(baseUrl);
  await worker.login('nguoilaodong', DEMO_PASSWORD);
  worker.cookies.delete(PRIMARY_COOKIE);
  const posts = await prepareResultPosts(baseUrl);
  const officer = posts.officer;
  officer.cookies.delete(PRIMARY_COOKIE);
  for (const [who, session, path] of [
    ['worker', worker, '/courses'],
    ['worker', worker, '/learn'],
    ['officer', officer, '/'],
  ]) {
    const status = (await session.request(path)).status;
    allOk = check(status === 200, `${path} as the ${who}: ${status}`) && allOk;
  }
  const before = await selects();
  const views = 100;
  for (let i = 0; i < views; i++) await worker.request('/courses');
  const after = await selects();
  const perView = (side) => ((after[side] - before[side]) / views).toFixed(1);
  allOk =
    check(
      after.replica - before.replica >= views,
      `SELECTs per /courses view: ${perView('replica')} on the replica, ${perView('primary')} on the primary`,
    ) && allOk;

  // The replica's lag behind a result posted to the API: from hoctap's 201 to the row on the replica.
  const lags = [];
  for (let i = 0; i < settings.lagSamples; i++) {
    const id = await posts.post(`X1-${process.pid}-${i}`);
    const answered = performance.now();
    await waitFor('a posted result on the replica', () => onReplica(id), 10_000, 0);
    lags.push(performance.now() - answered);
  }
  const lag = `replica lag after a result's 201, ${lags.length} results: p50 ${percentile(lags, 0.5).toFixed(2)} ms, p99 ${percentile(lags, 0.99).toFixed(2)} ms, max ${Math.max(...lags).toFixed(2)} ms`;
  notes.unshift(lag);

  // The results above queued a run for the worker (debounced): let it finish, so that the result
  // below makes a run of its own instead of joining that one.
  await waitFor(
    'the jobs of the results above finishing',
    async () =>
      Number(
        (
          await pair.primary.query(
            `SELECT COUNT(*) AS n FROM \`${name}\`.job_runs WHERE status NOT IN ('COMPLETED', 'FAILED')`,
          )
        )[0][0].n,
      ) === 0,
    120_000,
    200,
  );
  // With the replica held back, as under a lag of seconds.
  await pair.pauseReplica();
  let paused = true;
  try {
    const tokenName = `x1-${process.pid}`;
    const created = await officer.submit('/account/tokens', '/account/tokens', { name: tokenName });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(await created.text())?.[1];
    const nextPage = await (await officer.request('/account/tokens')).text();
    allOk =
      check(
        nextPage.includes(tokenName),
        'after a form, the next page of the same browser shows what it saved',
      ) && allOk;
    officer.cookies.delete(PRIMARY_COOKIE);
    const viewed = await (await officer.request('/account/tokens')).text();
    allOk =
      check(
        !viewed.includes(tokenName),
        'a page view without a recent write reads the (held back) replica',
      ) && allOk;
    const api = await fetch(`${baseUrl}/api/v1/workers`, { headers: { authorization: `Bearer ${token}` } });
    allOk =
      check(
        api.status === 200,
        `a token made a moment ago works at once (GET /api/v1/workers: ${api.status})`,
      ) && allOk;
    const [[{ lastRun }]] = await pair.primary.query(
      `SELECT COALESCE(MAX(id), 0) AS lastRun FROM \`${name}\`.job_runs`,
    );
    const id = await posts.post(`X1-${process.pid}-held`);
    allOk = check(!(await onReplica(id)), 'a result posted meanwhile is not on the replica yet') && allOk;
    const statuses = await waitFor(
      'the job a result queued',
      async () => {
        const [rows] = await pair.primary.query(
          `SELECT status FROM \`${name}\`.job_runs WHERE id > ? AND name = 'learning.recorded'`,
          [lastRun],
        );
        return rows.length > 0 && rows.every((r) => r.status === 'COMPLETED' || r.status === 'FAILED')
          ? rows.map((r) => r.status)
          : null;
      },
      60_000,
      200,
    );
    allOk =
      check(
        statuses.every((s) => s === 'COMPLETED'),
        `the job that result queued ran from the primary meanwhile: ${statuses.join(', ')}`,
      ) && allOk;
    await pair.resumeReplica();
    paused = false;
    await waitFor('the replica catching up', () => onReplica(id), 30_000, 10);
    const later = await (await officer.request('/account/tokens')).text();
    allOk = check(later.includes(tokenName), 'once the replica caught up, page views show it too') && allOk;
  } finally {
    if (paused) await pair.resumeReplica();
  }

  // /courses with its reads on the replica, against bare node:http sending the same bytes (as R2).
  const page = await worker.request('/courses');
  const pageFile = join(env.DATA_DIR, 'courses.html');
  writeFileSync(pageFile, Buffer.from(await page.arrayBuffer()));
  const barePort = port + 1;
  const bare = startNode(
    join(ROOT, 'bench/bare-http.mjs'),
    [String(barePort), pageFile],
    {},
    'bare node:http',
  );
  cleanups.push(() => bare.stop());
  await waitForUrl(`http://127.0.0.1:${barePort}/courses`, bare);
  await pairs(
    'X1',
    '/courses as a signed-in worker, reads on the replica',
    { url: `${baseUrl}/courses`, headers: { cookie: worker.cookie } },
    'bare node:http, same bytes',
    { url: `http://127.0.0.1:${barePort}/courses` },
  );
  await bare.stop();
  const row = rows[rows.length - 1];
  row.notes = notes;
  row.met = row.met && allOk;
}

/**
 * X2: hoctap on a three-node Redis Cluster (REDIS_CLUSTER_NODES, QUEUE_PREFIX a hash tag) with two
 * job processes: refuses to start on a prefix without a tag, keeps sessions in the cluster, and
 * runs each of `clusterJobs` jobs (assignment reminders, one per day: a business key each) exactly
 * once, counted from the two processes' own "job started" lines.
 */
async function measureCluster(mysql) {
  console.log('X2: starting a three-node Redis Cluster on loopback…');
  const cluster = await startRedisCluster({ firstPort: settings.clusterPort });
  cleanups.push(() => cluster.stop());
  const name = `${settings.database}_cluster`;
  await mysql.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await mysql.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  cleanups.push(() => mysql.query(`DROP DATABASE IF EXISTS \`${name}\``));
  const port = settings.port + 20;
  const env = hoctapEnv({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `${settings.mysql}/${name}`,
    REDIS_CLUSTER_NODES: cluster.nodes,
    QUEUE_PREFIX: '{hoctap-bench}',
  });
  delete env.REDIS_URL;
  const notes = [];
  const check = (ok, text) => {
    notes.push(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
    return ok;
  };
  let allOk = true;

  const untagged = startNode(
    join(ROOT, 'dist/worker.js'),
    [],
    { ...env, QUEUE_PREFIX: 'hoctap-bench' },
    'untagged',
  );
  const code = await Promise.race([
    untagged.exited,
    new Promise((resolve) => setTimeout(() => resolve('still running'), 60_000)),
  ]);
  await untagged.stop();
  allOk =
    check(
      code !== 0 && code !== 'still running' && untagged.output().includes('QUEUE_PREFIX must be a hash tag'),
      `a worker with QUEUE_PREFIX=hoctap-bench refuses to start (exit ${code})`,
    ) && allOk;

  await prepareDatabase(env);
  const { jobs } = await startHoctap(env, {
    workers: 2,
    workerEnv: { LOG_LEVEL: 'info', JOB_CONCURRENCY: '2' },
    keep: 200_000_000,
  });
  const baseUrl = env.PUBLIC_URL;
  const worker = new HttpSession(baseUrl);
  await worker.login('nguoilaodong', DEMO_PASSWORD);
  const page = await worker.request('/courses');
  const redis = new Cluster(cluster.ports.map((p) => ({ host: '127.0.0.1', port: p })));
  cleanups.push(() => redis.quit());
  await redis.ping(); // connected: it knows the nodes
  let sessions = 0;
  const sessionBytes = [];
  for (const node of redis.nodes('master')) {
    for (const key of await node.keys('hoctap:sess:*')) {
      sessions++;
      sessionBytes.push(Number(await node.call('MEMORY', 'USAGE', key)));
    }
  }
  allOk =
    check(
      page.status === 200 && sessions > 0,
      `signed in, /courses ${page.status}, ${sessions} session(s) in the cluster`,
    ) && allOk;
  const health = await (await fetch(`${baseUrl}/health`)).json();
  allOk =
    check(health.details?.redis?.status === 'up', `/health: redis ${health.details?.redis?.status}`) && allOk;

  // The web process's own adapter, from here: a job_runs row, then the Bull job, as a request does.
  await import('reflect-metadata');
  const load = (path) => import(join(ROOT, 'dist', path));
  const [{ BullJobQueue }, { JobRunsRepository }, { JobRun }, { createDataSource }, { parseDatabaseConfig }] =
    await Promise.all([
      load('jobs/adapters/bull-job.queue.js'),
      load('jobs/job-runs.repository.js'),
      load('jobs/entities/job-run.entity.js'),
      load('database/data-source.js'),
      load('config/database.config.js'),
    ]);
  const db = await createDataSource(parseDatabaseConfig({ DATABASE_URL: env.DATABASE_URL }), [
    JobRun,
  ]).initialize();
  cleanups.push(() => db.destroy());
  const target = { nodes: cluster.ports.map((p) => ({ host: '127.0.0.1', port: p })) };
  const queue = new BullJobQueue(
    target,
    env.QUEUE_PREFIX,
    new JobRunsRepository(db.getRepository(JobRun)),
    null,
    false,
    1,
  );
  cleanups.push(() => queue.close());
  const n = settings.clusterJobs;
  const days = Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
  );
  const commands = async () => {
    let total = 0;
    for (const node of redis.nodes('master')) {
      total += Number(/total_commands_processed:(\d+)/.exec(await node.info('stats'))?.[1] ?? 0);
    }
    return total;
  };
  const commandsBefore = await commands();
  const started = performance.now();
  const runIds = [];
  for (const day of days) runIds.push((await queue.enqueue('assignments.remind', { day }, { key: day })).id);
  const enqueued = performance.now() - started;
  const finished = await waitFor(
    `${n} jobs finishing`,
    async () => {
      const [[{ done }]] = await mysql.query(
        `SELECT COUNT(*) AS done FROM \`${name}\`.job_runs WHERE name = 'assignments.remind' AND status IN ('COMPLETED', 'FAILED')`,
      );
      return Number(done) >= n ? performance.now() : null;
    },
    600_000,
    20,
  );
  const seconds = (finished - started) / 1000;
  const perJob = (await commands()) - commandsBefore;
  const jobKey = `${env.QUEUE_PREFIX}:hoctap:assignments.remind:${days[0]}:${runIds[0]}`;
  const jobBytes = Number(await redis.call('MEMORY', 'USAGE', jobKey));
  notes.push(
    `Redis: ${(perJob / n).toFixed(1)} commands per job on the cluster (all nodes, idle polling included); ` +
      `a finished job's hash ${jobBytes} B; a signed-in session ${sessionBytes.join(', ')} B`,
  );
  const [[{ completed }]] = await mysql.query(
    `SELECT COUNT(*) AS completed FROM \`${name}\`.job_runs WHERE name = 'assignments.remind' AND status = 'COMPLETED'`,
  );
  // Each process's "job started" lines: how often each run was taken, and by whom.
  const takes = new Map();
  const perProcess = jobs.map((job) => {
    let count = 0;
    for (const line of job.output().split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line);
      if (entry.msg !== 'job started' || entry.job !== 'assignments.remind') continue;
      takes.set(entry.runId, (takes.get(entry.runId) ?? 0) + 1);
      count++;
    }
    return count;
  });
  const ran = runIds.filter((id) => takes.get(id) >= 1).length;
  const duplicates = [...takes.values()].reduce((sum, times) => sum + (times - 1), 0);
  allOk =
    check(
      ran === n && duplicates === 0 && Number(completed) === n,
      `${n} enqueued, ${ran} ran, ${Number(completed)} completed, duplicates ${duplicates}; taken ${perProcess.join(' / ')} by the two processes`,
    ) && allOk;
  const heartbeat = (await (await fetch(`${baseUrl}/health`)).json()).details?.workers;
  allOk =
    check(
      heartbeat?.ok === true,
      `/health sees the workers' heartbeat in the cluster: ok ${heartbeat?.ok}`,
    ) && allOk;
  rows.push({
    id: 'X2',
    a: `${n} jobs on a 3-node Redis Cluster, 2 job processes × concurrency 2: all finished in ${seconds.toFixed(1)} s (${(n / seconds).toFixed(0)} jobs/s; enqueuing ${(enqueued / n).toFixed(1)} ms each)`,
    b: '—',
    ratio: '—',
    spread: '—',
    target: 'each job once, duplicates 0',
    met: allOk,
    notes,
  });
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
    met:
      target.ratio === null
        ? null
        : ratio >= target.ratio && (target.p99 === undefined || p99 < target.p99) && failures === 0,
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
      `${row.id}  ratio ${row.ratio} (spread ${row.spread}), target ${row.target}` +
        (row.met === null ? '' : `: ${row.met ? 'met' : 'NOT met'}`),
    );
    console.log(`    A  ${row.a}`);
    if (row.b !== '—') console.log(`    B  ${row.b}`);
    for (const note of row.notes ?? []) console.log(`       ${note}`);
  }
}
