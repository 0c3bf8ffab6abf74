import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { Actor } from '../../src/common/access/actor';
import { OutOfScopeException } from '../../src/common/access/out-of-scope';
import { Role, ScopeType } from '../../src/common/access/roles';
import { AnswerReview, ApplicationStatus } from '../../src/citizenship/entities/application.entity';
import { AssociationReviewService } from '../../src/citizenship/review/association-review.service';
import { ApplicationReviewService } from '../../src/citizenship/review/application-review.service';
import { FunnelService } from '../../src/citizenship/review/funnel.service';
import { OfficerReviewService } from '../../src/citizenship/review/officer-review.service';
import { funnelStagesOf, FUNNEL_STAGES } from '../../src/citizenship/review/review.rules';
import {
  createApplication,
  createBranch,
  createCriteriaSet,
  createUserWithRole,
  CriteriaFixture,
} from '../support/citizenship-factory';
import { createWorker } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { createEnterprise, officerOf } from '../support/workers-factory';
import { acceptPrivacyNotice } from '../support/consent';

/**
 * The review chain on MariaDB: 50 reviewers' clicks at once make one recognition, one certificate
 * number, one audit entry and one notice; a reviewer of another branch reaches nothing, by service
 * and over HTTP; an officer confirms in bulk; a revoked title reads "revoked" to employers' systems;
 * the funnel's GROUP BY agrees with the stage rules.
 */
describe('citizenship review (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: OfficerReviewService;
  let association: AssociationReviewService;
  let criteria: CriteriaFixture;
  let enterpriseA: number;
  let enterpriseB: number;
  let officerA: Actor;
  let reviewerA: Actor;
  let reviewerB: Actor;
  let tokenB: string;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    officer = app.get(OfficerReviewService);
    association = app.get(AssociationReviewService);
    criteria = await createCriteriaSet(db);
    // Each enterprise gets a unit of its own; a branch on each unit covers one enterprise only.
    enterpriseA = await createEnterprise(db, 'Công ty TNHH Chè Thử Nghiệm A');
    enterpriseB = await createEnterprise(db, 'Công ty Cổ phần Cà phê Thử Nghiệm B');
    const unitOf = async (enterpriseId: number) =>
      Number((await db.query('SELECT unit_id FROM enterprises WHERE id = ?', [enterpriseId]))[0].unit_id);
    const branchA = await createBranch(db, 'Hội Khuyến học xã A', await unitOf(enterpriseA));
    const branchB = await createBranch(db, 'Hội Khuyến học xã B', await unitOf(enterpriseB));
    officerA = officerOf(91_001, enterpriseA);
    reviewerA = await createUserWithRole(
      db,
      'Hội Khuyến học xã A',
      Role.AssociationReviewer,
      ScopeType.Branch,
      branchA,
    );
    reviewerB = await createUserWithRole(
      db,
      'Hội Khuyến học xã B',
      Role.AssociationReviewer,
      ScopeType.Branch,
      branchB,
    );
    await acceptPrivacyNotice(app, reviewerB.userId);
    tokenB = (await app.get(ApiTokensService, { strict: false }).create(reviewerB, 'tích hợp')).token;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  /** A worker with a login of their own (for notices) at the enterprise. */
  async function worker(name: string): Promise<{ workerId: number; userId: number }> {
    const workerId = await createWorker(db, name);
    const actor = await createUserWithRole(db, name, Role.Worker, ScopeType.Self, workerId, workerId);
    return { workerId, userId: actor.userId };
  }

  it('makes one recognition, one certificate number, one audit entry and one notice from 50 clicks at once', async () => {
    const holder = await worker('Nguyễn Thị Thanh Hương');
    const application = await createApplication(db, {
      workerId: holder.workerId,
      enterpriseId: enterpriseA,
      criteria,
      status: ApplicationStatus.Confirmed,
      evaluation: { eligible: true, totalPoints: 85 },
    });

    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => association.recognise(reviewerA, application.id)),
    );

    expect(outcomes.filter((o) => o.recognised)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.recognition.id)).size).toBe(1);
    expect(new Set(outcomes.map((o) => o.recognition.certificateNo)).size).toBe(1);
    const [recognition] = await db.query('SELECT * FROM recognitions WHERE application_id = ?', [
      application.id,
    ]);
    expect(recognition).toMatchObject({
      worker_id: holder.workerId,
      criteria_set_id: criteria.setId,
      total_points: 85,
      status: 'VALID',
    });
    expect(recognition.certificate_no).toMatch(new RegExp(`^CDHT-${application.year}-\\d+-\\d{6}$`));
    expect(recognition.verify_code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(
      await count('SELECT COUNT(*) AS n FROM recognitions WHERE worker_id = ? AND year = ?', [
        holder.workerId,
        application.year,
      ]),
    ).toBe(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id = ? AND action = 'RECOGNISED'",
        [application.id],
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE user_id = ? AND message_key LIKE 'review.notice.RECOGNISED%'",
        [holder.userId],
      ),
    ).toBe(1);
    const [{ status }] = await db.query('SELECT status FROM citizenship_applications WHERE id = ?', [
      application.id,
    ]);
    expect(status).toBe(ApplicationStatus.Recognised);

    // Clicked again later: the same title, nothing new.
    const again = await association.recognise(reviewerA, application.id);
    expect(again).toMatchObject({ recognised: false, recognition: { id: recognition.id } });
    expect(
      await count('SELECT COUNT(*) AS n FROM recognitions WHERE application_id = ?', [application.id]),
    ).toBe(1);
  });

  it('numbers certificates one after another within a branch and year', async () => {
    const first = await worker('Trần Văn Bình');
    const second = await worker('Lê Thị Mai');
    const numbers: string[] = [];
    for (const person of [first, second]) {
      const application = await createApplication(db, {
        workerId: person.workerId,
        enterpriseId: enterpriseA,
        criteria,
        status: ApplicationStatus.Confirmed,
      });
      numbers.push((await association.recognise(reviewerA, application.id)).recognition.certificateNo!);
    }
    const sequence = (no: string) => Number(no.split('-').pop());
    expect(sequence(numbers[1])).toBe(sequence(numbers[0]) + 1);
  });

  it('lets a reviewer of another branch neither see nor act on the application, by service and over HTTP', async () => {
    const person = await worker('Phạm Minh Long');
    const application = await createApplication(db, {
      workerId: person.workerId,
      enterpriseId: enterpriseA,
      criteria,
      status: ApplicationStatus.Confirmed,
    });
    const applications = app.get(ApplicationReviewService);
    await expect(applications.detail(reviewerB, application.id)).rejects.toBeInstanceOf(OutOfScopeException);
    await expect(association.recognise(reviewerB, application.id)).rejects.toBeInstanceOf(
      OutOfScopeException,
    );
    await expect(association.reject(reviewerB, application.id, 'Không đạt')).rejects.toBeInstanceOf(
      OutOfScopeException,
    );
    const queue = await association.queue(reviewerB, { size: 200 });
    expect(queue.items.map((i) => i.id)).not.toContain(application.id);
    // An officer of the enterprise is not a reviewer, and cannot recognise.
    await expect(association.recognise(officerA, application.id)).rejects.toBeInstanceOf(OutOfScopeException);

    const api = request(app.getHttpServer());
    const auth = { Authorization: `Bearer ${tokenB}` };
    await api.get(`/api/v1/citizenship/review/applications/${application.id}`).set(auth).expect(404);
    await api
      .post(`/api/v1/citizenship/review/applications/${application.id}/recognise`)
      .set(auth)
      .expect(404);
    await api
      .post(`/api/v1/citizenship/review/applications/${application.id}/reject`)
      .set(auth)
      .send({ reason: 'Không đạt' })
      .expect(404);
    const bulk = await api
      .post('/api/v1/citizenship/review/applications/recognise')
      .set(auth)
      .send({ ids: [application.id] })
      .expect(200);
    expect(bulk.body).toMatchObject({ done: [], skipped: [{ id: application.id, reason: 'notFound' }] });
    const listed = await api.get('/api/v1/citizenship/review/confirmed?size=200').set(auth).expect(200);
    expect(listed.body.items.map((i: { id: number }) => i.id)).not.toContain(application.id);

    expect(
      await count('SELECT COUNT(*) AS n FROM recognitions WHERE application_id = ?', [application.id]),
    ).toBe(0);
    const [{ status }] = await db.query('SELECT status FROM citizenship_applications WHERE id = ?', [
      application.id,
    ]);
    expect(status).toBe(ApplicationStatus.Confirmed);
    // Its own branch's reviewer can.
    expect((await association.recognise(reviewerA, application.id)).recognised).toBe(true);
  });

  it('confirms in bulk what can be confirmed, one transaction each, and says why the rest was skipped', async () => {
    const people = await Promise.all(
      ['Hoàng Văn An', 'Vũ Thị Lan', 'Đặng Hữu Cường', 'Bùi Ngọc Yến'].map((name) => worker(name)),
    );
    const ready = await createApplication(db, {
      workerId: people[0].workerId,
      enterpriseId: enterpriseA,
      criteria,
    });
    const returnedAnswer = await createApplication(db, {
      workerId: people[1].workerId,
      enterpriseId: enterpriseA,
      criteria,
      answers: { '1.1': AnswerReview.Returned },
    });
    const alreadyConfirmed = await createApplication(db, {
      workerId: people[2].workerId,
      enterpriseId: enterpriseA,
      criteria,
      status: ApplicationStatus.Confirmed,
    });
    const otherEnterprise = await createApplication(db, {
      workerId: people[3].workerId,
      enterpriseId: enterpriseB,
      criteria,
    });

    const result = await officer.confirmMany(officerA, [
      ready.id,
      returnedAnswer.id,
      alreadyConfirmed.id,
      otherEnterprise.id,
      ready.id,
    ]);

    expect(result.done).toEqual([ready.id]);
    expect(result.skipped).toEqual([
      { id: returnedAnswer.id, reason: 'answersReturned' },
      { id: alreadyConfirmed.id, reason: 'notSubmitted' },
      { id: otherEnterprise.id, reason: 'notFound' },
    ]);
    const status = async (id: number) =>
      (await db.query('SELECT status FROM citizenship_applications WHERE id = ?', [id]))[0].status;
    expect(await status(ready.id)).toBe(ApplicationStatus.Confirmed);
    expect(await status(returnedAnswer.id)).toBe(ApplicationStatus.Submitted);
    expect(await status(otherEnterprise.id)).toBe(ApplicationStatus.Submitted);
    const answers = await db.query('SELECT review_status FROM citizenship_answers WHERE application_id = ?', [
      ready.id,
    ]);
    expect(answers.map((a: { review_status: string }) => a.review_status)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
    ]);
    const [entry] = await db.query(
      "SELECT actor_user_id, before_state, after_state FROM citizenship_audit WHERE application_id = ? AND action = 'CONFIRMED'",
      [ready.id],
    );
    expect(Number(entry.actor_user_id)).toBe(officerA.userId);
    expect(JSON.parse(entry.before_state)).toEqual({ status: 'SUBMITTED' });
    expect(JSON.parse(entry.after_state)).toEqual({ status: 'CONFIRMED', confirmedAnswers: ['1.1', '2.2'] });
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE user_id = ? AND message_key = 'review.notice.CONFIRMED'",
        [people[0].userId],
      ),
    ).toBe(1);
    // Nothing was written for the skipped ones.
    expect(
      await count('SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id IN (?, ?, ?)', [
        returnedAnswer.id,
        alreadyConfirmed.id,
        otherEnterprise.id,
      ]),
    ).toBe(0);
  });

  it('answers "revoked" to employers’ systems once a title is revoked, with no more personal data', async () => {
    const holder = await worker('Đỗ Thị Kim Trang');
    const application = await createApplication(db, {
      workerId: holder.workerId,
      enterpriseId: enterpriseA,
      criteria,
      status: ApplicationStatus.Confirmed,
    });
    const { recognition } = await association.recognise(reviewerA, application.id);
    const api = request(app.getHttpServer());
    const valid = await api.get(`/api/v1/verify/citizens/${recognition.verifyCode}`).expect(200);
    expect(valid.body).toMatchObject({
      status: 'VALID',
      valid: true,
      holder: 'Đỗ T** K** T****',
      title: 'Công dân học tập',
      year: application.year,
      certificateNo: recognition.certificateNo,
      revokedOn: null,
    });

    await association.revoke(reviewerA, application.id, 'Kê khai không trung thực về việc đọc sách');

    const revoked = await api.get(`/api/v1/verify/citizens/${recognition.verifyCode}`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', valid: false, revokedOn: expect.any(String) });
    const text = JSON.stringify(revoked.body);
    expect(text).not.toContain('Kê khai');
    expect(text).not.toContain('Thị Kim Trang');
    expect(Object.keys(revoked.body).sort()).toEqual(
      [
        'certificateNo',
        'holder',
        'issuer',
        'recognisedOn',
        'revokedOn',
        'status',
        'title',
        'valid',
        'validUntil',
        'verifyUrl',
        'year',
      ].sort(),
    );
    const page = await api.get(`/verify/citizens/${recognition.verifyCode}`).expect(200);
    expect(page.text).toContain('Đã thu hồi');
    const [{ status }] = await db.query('SELECT status FROM citizenship_applications WHERE id = ?', [
      application.id,
    ]);
    expect(status).toBe(ApplicationStatus.Revoked);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id = ? AND action = 'REVOKED'",
        [application.id],
      ),
    ).toBe(1);
    // A second revocation is refused and changes nothing.
    await expect(association.revoke(reviewerA, application.id, 'Lần nữa')).rejects.toMatchObject({
      reason: 'notRecognised',
    });
    await api.get('/api/v1/verify/citizens/AAAA-BBBB-CCCC-DDDD').expect(404);
  });

  it('counts the funnel with one GROUP BY exactly as the stage rules say', async () => {
    const enterprise = await createEnterprise(db, 'Công ty TNHH Phễu Thử Nghiệm');
    const officerOfFunnel = officerOf(91_002, enterprise);
    const year = 2031;
    const cases: { status: ApplicationStatus; eligible: boolean | null }[] = [
      { status: ApplicationStatus.Registered, eligible: null },
      { status: ApplicationStatus.Registered, eligible: true },
      { status: ApplicationStatus.Submitted, eligible: false },
      { status: ApplicationStatus.Submitted, eligible: true },
      { status: ApplicationStatus.Returned, eligible: true },
      { status: ApplicationStatus.Confirmed, eligible: true },
      { status: ApplicationStatus.Confirmed, eligible: false },
      { status: ApplicationStatus.Recognised, eligible: true },
      { status: ApplicationStatus.Recognised, eligible: false },
      { status: ApplicationStatus.Rejected, eligible: true },
      { status: ApplicationStatus.Revoked, eligible: null },
    ];
    for (const [i, c] of cases.entries()) {
      const workerId = await createWorker(db, `Người Phễu ${i}`);
      await createApplication(db, {
        workerId,
        enterpriseId: enterprise,
        criteria,
        year,
        status: c.status,
        evaluation: c.eligible === null ? null : { eligible: c.eligible },
      });
    }
    const expected = Object.fromEntries(
      FUNNEL_STAGES.map((stage) => [
        stage,
        cases.filter((c) => funnelStagesOf(c.status, c.eligible)[stage]).length,
      ]),
    );
    expect(expected).toEqual({ registered: 11, submitted: 9, eligible: 7, confirmed: 5, recognised: 2 });

    const report = await app.get(FunnelService).report(officerOfFunnel, year, 'enterprise');
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      id: enterprise,
      name: 'Công ty TNHH Phễu Thử Nghiệm',
      ...expected,
    });
    expect(report.total).toEqual(expected);
    const byUnit = await app.get(FunnelService).report(officerOfFunnel, year, 'unit');
    expect(byUnit.rows).toHaveLength(1);
    expect(byUnit.total).toEqual(expected);
    // Another enterprise's officer sees none of it.
    expect((await app.get(FunnelService).report(officerA, year, 'enterprise')).total.registered).toBe(0);
  });
});
