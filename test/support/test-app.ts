import { INestApplication, Provider } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import passport from 'passport';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { ProcessRole } from '../../src/jobs/jobs.module';
import { mysqlUrl, TEST_REDIS_URL } from './services';

export interface TestAppOptions {
  /** 'sqlite' (the embedded default, a fresh file with demo data) or 'mysql' (the shared test database). */
  database: 'sqlite' | 'mysql';
  redis?: boolean;
  role?: ProcessRole;
  env?: Record<string, string>;
  /** Extra providers beside AppModule, e.g. a test-only @JobHandler. */
  providers?: Provider[];
  /** Replaces providers before the app is built (TestingModuleBuilder.overrideProvider). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * Bull keys of this test process. Unique per run: job ids restart with each fresh test database,
 * and a completed job kept in Redis under a reused prefix would swallow a new job of the same id.
 */
export const TEST_QUEUE_PREFIX = `hoctap-test-${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Boots the real application the way main.ts does, against the chosen services. Settings are
 * passed the way an operator would: as environment variables read by src/config.
 */
/** Settings that make a database other than the demo template's (e2e-setup.ts). */
const OWN_DATABASE = ['DATA_DIR', 'SQLITE_FILE', 'SEED_DEMO', 'PII_ENCRYPTION_KEYS', 'PII_HMAC_KEY'];

export async function createTestApp(options: TestAppOptions): Promise<INestApplication> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoctap-test-'));
  const template = process.env.HOCTAP_TEST_TEMPLATE;
  if (options.database === 'sqlite' && template && !OWN_DATABASE.some((key) => key in (options.env ?? {})))
    cpSync(template, dataDir, { recursive: true });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...(options.database === 'mysql' ? { DATABASE_URL: mysqlUrl(), SEED_DEMO: 'false' } : {}),
    ...(options.redis ? { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: TEST_QUEUE_PREFIX } : {}),
    ...options.env,
  };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'SEED_DEMO', 'QUEUE_PREFIX']) delete process.env[key];
  Object.assign(process.env, env);
  // passport keeps session (de)serialisers in a process-wide singleton: one registered by an app
  // that a test already closed would answer first, against a closed database connection.
  Object.assign(passport, { _serializers: [], _deserializers: [] });
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot(options.role ?? 'web')],
    providers: options.providers ?? [],
  });
  const moduleRef = await (options.override ? options.override(builder) : builder).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
  try {
    configureApp(app);
    await app.init();
  } catch (error) {
    // Release the connections opened so far, so a test of a failing start-up leaves nothing open.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** A browser-like client: keeps cookies and reads the CSRF token from each page it loads. */
export class Browser {
  readonly agent: ReturnType<typeof request.agent>;
  csrf = '';

  constructor(app: INestApplication) {
    this.agent = request.agent(app.getHttpServer());
  }

  async get(path: string) {
    const res = await this.agent.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.text ?? '')?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** Submits a form with the current page's CSRF token, as a browser would. */
  async submit(path: string, fields: Record<string, string | number | boolean | undefined>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...fields }))
      if (v !== undefined) body.set(k, String(v));
    return this.agent.post(path).type('form').send(body.toString());
  }

  async login(username: string, password = DEMO_PASSWORD) {
    await this.get('/login');
    const res = await this.submit('/login', { username, password });
    if (res.status !== 303) throw new Error(`login as ${username} failed with ${res.status}`);
    const home = await this.get('/');
    // A login without consent to the current privacy notice is sent there first (demo logins have it).
    if (home.status === 303 && home.headers.location === '/privacy/consent') await this.acceptPrivacyNotice();
    return res;
  }

  /** Reads the privacy notice and ticks "I agree", as a person does at their first sign-in. */
  async acceptPrivacyNotice() {
    const page = await this.get('/privacy/consent');
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1];
    if (!version) throw new Error(`no consent form on /privacy/consent (status ${page.status})`);
    const res = await this.submit('/privacy/consent', { version, agree: 'true' });
    if (res.status !== 303) throw new Error(`accepting the privacy notice failed with ${res.status}`);
    return res;
  }
}

export const DEMO_PASSWORD = 'hoctap2030';
