import { hash as argon2 } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { createBranch, createCriteriaSet, CriteriaFixture } from '../support/citizenship-factory';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { JobRun } from '../../src/jobs/entities/job-run.entity';
import { JobRunsRepository } from '../../src/jobs/job-runs.repository';
import { FaultEnvironment } from '../support/processes';
import { createEnterprise } from '../support/workers-factory';

/**
 * Rows for the fault tests, written in bulk straight into the private database (the pages that
 * make them are other tests' business): logins with API tokens or passwords, an enterprise with
 * many workers, a session, learning-citizen applications.
 */

const tag = () => randomBytes(4).toString('hex');
const ROWS = 1000;

export interface Login {
  userId: number;
  username: string;
  /** Bearer token for /api/v1. */
  token: string;
}

export const FAULTS_PASSWORD = 'Học tập suốt đời 2030';

/** An active user holding one role, with an API token and the password FAULTS_PASSWORD. */
export async function createLogin(
  db: DataSource,
  role: Role,
  scopeType: ScopeType,
  scopeId: number,
): Promise<Login> {
  const username = `faults.${tag()}`;
  const passwordHash = await argon2(FAULTS_PASSWORD.normalize('NFC'), {
    algorithm: 2,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  await db.query(
    "INSERT INTO users (username, display_name, status, password_hash) VALUES (?, ?, 'ACTIVE', ?)",
    [username, `Người dùng thử ${username}`, passwordHash],
  );
  const [{ id }] = await db.query('SELECT id FROM users WHERE username = ?', [username]);
  const userId = Number(id);
  await db.query('INSERT INTO role_assignments (user_id, role, scope_type, scope_id) VALUES (?, ?, ?, ?)', [
    userId,
    role,
    scopeType,
    scopeId,
  ]);
  // They have accepted the current privacy notice (API calls are refused until then).
  const notice = join(__dirname, '..', '..', 'seeds', 'privacy', 'notice.json');
  if (existsSync(notice)) {
    await db.query(
      'INSERT INTO privacy_consents (user_id, notice_version, accepted_at) VALUES (?, ?, NOW(3))',
      [userId, Number(JSON.parse(readFileSync(notice, 'utf8')).version)],
    );
  }
  const token = `htp_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (user_id, name, token_hash, token_prefix) VALUES (?, ?, ?, ?)', [
    userId,
    'kiểm thử sự cố',
    createHash('sha256').update(token).digest('hex'),
    token.slice(0, 12),
  ]);
  return { userId, username, token };
}

export interface Workforce {
  enterpriseId: number;
  workerIds: number[];
  /** Employee codes, in the order of workerIds. */
  codes: string[];
}

/** An enterprise and `count` workers employed there since 2020, with employee codes. */
export async function createWorkforce(db: DataSource, count: number): Promise<Workforce> {
  const t = tag();
  const enterpriseId = await createEnterprise(db, `Công ty TNHH Chịu Lỗi ${t}`);
  const names = Array.from({ length: count }, (_, i) => `Nguyễn Văn Thử ${t} ${i + 1}`);
  for (let i = 0; i < count; i += ROWS) {
    const slice = names.slice(i, i + ROWS);
    await db.query(
      `INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash) VALUES ${slice
        .map(() => "(?, ?, '1990-01-01', 'MALE', 'faults:not-encrypted', ?)")
        .join(', ')}`,
      slice.flatMap((name) => [name, foldVietnamese(name), randomBytes(32).toString('hex')]),
    );
  }
  const rows: { id: number }[] = await db.query(
    'SELECT id FROM workers WHERE search_key LIKE ? ORDER BY id',
    [`% ${t} %`],
  );
  const workerIds = rows.map((r) => Number(r.id));
  const codes = workerIds.map((_, i) => `CL${t}-${i + 1}`);
  for (let i = 0; i < workerIds.length; i += ROWS) {
    const ids = workerIds.slice(i, i + ROWS);
    await db.query(
      `INSERT INTO employments (worker_id, enterprise_id, employee_code, start_date, union_member) VALUES ${ids
        .map(() => "(?, ?, ?, '2020-01-01', 1)")
        .join(', ')}`,
      ids.flatMap((id, j) => [id, enterpriseId, codes[i + j]]),
    );
  }
  return { enterpriseId, workerIds, codes };
}

/** A session of the enterprise that took place yesterday: two hours of digital skills. */
export async function createSession(db: DataSource, enterpriseId: number, title: string): Promise<number> {
  const token = randomBytes(16).toString('hex');
  const startsAt = new Date(Date.now() - 26 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
  await db.query(
    `INSERT INTO learning_sessions (enterprise_id, kind, title, search_key, starts_at, ends_at, place, organiser, hours, checkin_token)
     VALUES (?, 'SKILLS_TRAINING', ?, ?, ?, ?, 'Hội trường nhà máy', 'Công đoàn cơ sở', 2, ?)`,
    [enterpriseId, title, foldVietnamese(title), startsAt, endsAt, token],
  );
  const [{ id }] = await db.query('SELECT id FROM learning_sessions WHERE checkin_token = ?', [token]);
  await db.query("INSERT INTO session_domains (session_id, domain_code) VALUES (?, 'DIGITAL')", [id]);
  return Number(id);
}

/** The criteria set of the tests, made the active version (the evaluation reads the active one). */
export async function activeCriteria(db: DataSource): Promise<CriteriaFixture> {
  const criteria = await createCriteriaSet(db);
  await db.query("UPDATE criteria_sets SET status = 'RETIRED' WHERE status = 'ACTIVE'");
  await db.query("UPDATE criteria_sets SET status = 'ACTIVE', activated_at = NOW(3) WHERE id = ?", [
    criteria.setId,
  ]);
  return criteria;
}

/** Applications of this year, one per worker, in the given status (no evaluation stored). */
export async function createApplications(
  db: DataSource,
  workforce: Workforce,
  criteria: CriteriaFixture,
  status: 'SUBMITTED' | 'CONFIRMED',
): Promise<number[]> {
  const year = new Date().getFullYear();
  for (let i = 0; i < workforce.workerIds.length; i += ROWS) {
    const ids = workforce.workerIds.slice(i, i + ROWS);
    await db.query(
      `INSERT INTO citizenship_applications (worker_id, year, criteria_set_id, status, enterprise_id, submitted_at, confirmed_at)
       VALUES ${ids.map(() => '(?, ?, ?, ?, ?, NOW(3), ?)').join(', ')}`,
      ids.flatMap((id) => [
        id,
        year,
        criteria.setId,
        status,
        workforce.enterpriseId,
        status === 'CONFIRMED' ? new Date() : null,
      ]),
    );
  }
  const rows: { id: number }[] = await db.query(
    'SELECT id FROM citizenship_applications WHERE enterprise_id = ? AND year = ? ORDER BY id',
    [workforce.enterpriseId, year],
  );
  return rows.map((r) => Number(r.id));
}

/** A reviewer of a new branch covering the enterprise's unit, with an API token. */
export async function createReviewer(db: DataSource, enterpriseId: number): Promise<Login> {
  const [{ unit_id }] = await db.query('SELECT unit_id FROM enterprises WHERE id = ?', [enterpriseId]);
  const branchId = await createBranch(db, 'Hội Khuyến học xã Thử Lỗi', Number(unit_id));
  return createLogin(db, Role.AssociationReviewer, ScopeType.Branch, branchId);
}

/** The job runs (of a name), oldest first. */
export async function jobRuns(
  db: DataSource,
  name?: string,
): Promise<{ id: number; name: string; status: string; attempts: number; business_key: string }[]> {
  return db.query(
    `SELECT id, name, status, attempts, business_key FROM job_runs ${name ? 'WHERE name = ?' : ''} ORDER BY id`,
    name ? [name] : [],
  );
}

/**
 * The web process's side of the queue, in the test process: the same BullJobQueue adapter, adding
 * runs (job_runs row, then Bull job) without processing any.
 */
export function enqueuer(env: FaultEnvironment): BullJobQueue {
  return new BullJobQueue(
    env.settings.REDIS_URL,
    env.settings.QUEUE_PREFIX,
    new JobRunsRepository(env.db.getRepository(JobRun)),
    null as never,
    false,
    1,
  );
}
