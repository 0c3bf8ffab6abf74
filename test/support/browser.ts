import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { eventually, GiveUp } from './eventually';
import { DEMO_PASSWORD } from './test-app';

/**
 * Browser journeys: the BUILT app (`node dist/main.js`, as `npm start` runs it) in its embedded
 * default (a fresh SQLite file with demo data, jobs in-process), driven by Debian's Chromium
 * through playwright-core at a cheap phone's size.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const PHONE = { width: 360, height: 740 };
const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
// Without the background-networking flags Chromium keeps dialling Google on a machine with no network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserSession {
  /** Where the app listens, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** One tab at 360×740; relative URLs resolve against baseUrl. */
  page: Page;
  /** Signs in through the login form with the demo password and waits for the page it leads to. */
  login(username: string, password?: string): Promise<void>;
  /** Saves a full-page PNG as test/artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBrowserSession(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the browser tests need it. ` +
        'Install it with: apt-get install -y chromium fonts-noto-core',
    );
  }
  const server = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'hoctap-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PHONE,
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
  } catch (error) {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    baseUrl: server.baseUrl,
    page,
    async login(username, password = DEMO_PASSWORD) {
      await page.goto('/login');
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(password);
      await Promise.all([
        // The home page, or /learn for a worker and nothing else.
        page.waitForURL((url) => url.pathname !== '/login'),
        page.locator('form.stack button[type="submit"]').click(),
      ]);
    },
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      await server.stop();
    },
  };
}

interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `node dist/main.js` on a free port with a fresh DATA_DIR and waits until /health answers. */
async function startServer(): Promise<RunningServer> {
  const main = join(ROOT, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does).`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hoctap-browser-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  // The embedded default: no database or Redis settings inherited from the shell.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'DATABASE_REPLICA_URLS',
    'REDIS_URL',
    'SQLITE_FILE',
    'UPLOAD_DIR',
    'SEED_DEMO',
  ]) {
    delete env[name];
  }
  Object.assign(env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
  });
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  await eventually(
    'the app to answer /health',
    async () => {
      if (stopped)
        throw new GiveUp(`the app exited with code ${child.exitCode} before it was healthy:\n${output()}`);
      return (await fetch(`${baseUrl}/health`)).ok; // refused while it is not listening yet
    },
    { timeoutMs, intervalMs: 100, retryErrors: true },
  ).catch((error: Error) => {
    throw error instanceof GiveUp ? error : new Error(`${error.message}\n${output()}`);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
