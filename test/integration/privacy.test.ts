import { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { PersonalDataService } from '../../src/privacy/personal-data/personal-data.service';
import { PrivacyRequestsService } from '../../src/privacy/requests/privacy-requests.service';
import { expectExportDates, workerWithDates } from '../support/privacy-dates';
import { createTestApp } from '../support/test-app';
import { createEnterprise } from '../support/workers-factory';

/**
 * Anonymisation on MariaDB: all or nothing in one transaction (a failure in its last statement
 * leaves every row as it was), and carried out exactly once when two admins press at the same time.
 * The personal-data export writes dates as on SQLite (test/e2e/privacy.test.ts runs the same check).
 */
describe('privacy (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let pii: PiiCipher;
  let requests: PrivacyRequestsService;
  let enterpriseId: number;
  const admin = new Actor(1, 'LĐLĐ', [{ role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 }]);

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    pii = app.get(PiiCipher);
    requests = app.get(PrivacyRequestsService, { strict: false });
    enterpriseId = await createEnterprise(db, 'Công ty TNHH Riêng Tư');
  });

  afterAll(async () => {
    await db.query('DROP TRIGGER IF EXISTS privacy_test_fail').catch(() => undefined);
    await app.close();
  });

  /** A worker with a login, an employment, two learning records and their summary row. */
  async function workerWithLearning(): Promise<{ workerId: number; userId: number; cccd: string }> {
    const serial = randomInt(1e6).toString().padStart(6, '0');
    const cccd = `001095${serial}`;
    const username = `rieng.tu.${serial}.${randomInt(1e6)}`;
    await db.query(
      "INSERT INTO users (username, display_name, status) VALUES (?, 'Trần Thị Riêng', 'ACTIVE')",
      [username],
    );
    const [{ id: userId }] = await db.query('SELECT id FROM users WHERE username = ?', [username]);
    await db.query(
      `INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash, user_id)
       VALUES ('Trần Thị Riêng', 'tran thi rieng', '1995-04-03', 'FEMALE', ?, ?, ?)`,
      [pii.encrypt(cccd), pii.blindIndex(cccd), userId],
    );
    const [{ id: workerId }] = await db.query('SELECT id FROM workers WHERE user_id = ?', [userId]);
    await db.query(
      `INSERT INTO employments (worker_id, enterprise_id, employee_code, start_date, phone, email)
       VALUES (?, ?, 'RT01', '2020-01-01', '0912345678', 'rieng@example.vn')`,
      [workerId, enterpriseId],
    );
    for (const ref of ['a', 'b'])
      await db.query(
        `INSERT INTO learning_records (worker_id, occurred_on, hours, source, source_ref, title)
         VALUES (?, '2026-03-01', 2, 'SESSION', ?, 'Pháp luật lao động')`,
        [workerId, ref],
      );
    await db.query(
      "INSERT INTO worker_learning_summary (worker_id, first_law_on, hours, records) VALUES (?, '2026-03-01', 4, 2)",
      [workerId],
    );
    await db.query(
      "INSERT INTO role_assignments (user_id, role, scope_type, scope_id) VALUES (?, 'WORKER', 'SELF', ?)",
      [userId, workerId],
    );
    return { workerId: Number(workerId), userId: Number(userId), cccd };
  }

  const snapshot = async (workerId: number, userId: number) => ({
    worker: (
      await db.query('SELECT full_name, date_of_birth, cccd_hash, anonymised_at FROM workers WHERE id = ?', [
        workerId,
      ])
    )[0],
    user: (await db.query('SELECT username, status, display_name FROM users WHERE id = ?', [userId]))[0],
    requests: await db.query('SELECT status FROM privacy_requests WHERE user_id = ? ORDER BY id', [userId]),
    employments: await db.query(
      'SELECT enterprise_id, employee_code, phone, email FROM employments WHERE worker_id = ?',
      [workerId],
    ),
    learning: (
      await db.query('SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ?', [workerId])
    )[0].n,
    summary: await db.query('SELECT first_law_on, records FROM worker_learning_summary WHERE worker_id = ?', [
      workerId,
    ]),
  });

  it('changes nothing when the last step fails, and everything once it can succeed', async () => {
    const { workerId, userId, cccd } = await workerWithLearning();
    const actor = new Actor(
      userId,
      'Trần Thị Riêng',
      [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
      workerId,
    );
    await requests.requestCorrection(actor, 'Số điện thoại đã đổi sang 0987 000 111.');
    const deletion = await requests.requestDeletion(actor, 'Tôi nghỉ việc.');
    const before = await snapshot(workerId, userId);
    expect(before.requests).toEqual([{ status: 'OPEN' }, { status: 'OPEN' }]);

    // Closing the login comes after the identity was replaced: make it fail there.
    await db.query(
      `CREATE TRIGGER privacy_test_fail BEFORE UPDATE ON users FOR EACH ROW
       BEGIN IF OLD.id = ${userId} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF; END`,
    );
    try {
      await expect(requests.anonymise(admin, deletion.id)).rejects.toThrow(/injected failure/);
    } finally {
      await db.query('DROP TRIGGER IF EXISTS privacy_test_fail');
    }
    expect(await snapshot(workerId, userId)).toEqual(before);
    expect(
      pii.decrypt(
        (await db.query('SELECT cccd_encrypted FROM workers WHERE id = ?', [workerId]))[0].cccd_encrypted,
      ),
    ).toBe(cccd);

    await requests.anonymise(admin, deletion.id);
    const after = await snapshot(workerId, userId);
    expect(after.worker).toMatchObject({
      full_name: `Người lao động ẩn danh #${workerId}`,
      cccd_hash: `anonymised:${workerId}`,
    });
    expect(after.worker.anonymised_at).not.toBeNull();
    expect(after.user).toMatchObject({ status: 'DISABLED', username: `an-danh-${userId}` });
    expect(after.requests).toEqual([{ status: 'DONE' }, { status: 'DONE' }]);
    // What the indicators count stays: the employment, the records and the summary.
    expect(after.employments).toEqual([
      { enterprise_id: enterpriseId, employee_code: null, phone: null, email: null },
    ]);
    expect(after.learning).toBe(before.learning);
    expect(after.summary).toEqual(before.summary);
  });

  it('exports calendar dates as YYYY-MM-DD and instants in Vietnam time with the offset, as on SQLite', async () => {
    const { actor } = await workerWithDates(db, pii, enterpriseId);
    const found = await expectExportDates(app.get(PersonalDataService, { strict: false }), actor);
    console.log('privacy export dates on MariaDB:', JSON.stringify(found));
  });

  it('is carried out once when two admins press at the same time', async () => {
    const { workerId, userId } = await workerWithLearning();
    const actor = new Actor(
      userId,
      'x',
      [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
      workerId,
    );
    const deletion = await requests.requestDeletion(actor);
    const outcomes = await Promise.allSettled([
      requests.anonymise(admin, deletion.id),
      requests.anonymise(new Actor(2, 'LĐLĐ 2', admin.grants), deletion.id),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [row] = await db.query('SELECT status, handled_by FROM privacy_requests WHERE id = ?', [
      deletion.id,
    ]);
    expect(row.status).toBe('DONE');
    expect((await db.query('SELECT status FROM users WHERE id = ?', [userId]))[0].status).toBe('DISABLED');
  });
});
