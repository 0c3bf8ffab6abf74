import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import {
  AnswerReview,
  ApplicationStatus,
  CitizenshipAnswer,
  CitizenshipApplication,
  LearningPlanItem,
} from '../../src/citizenship/entities/application.entity';
import { CitizenshipAuditEntry } from '../../src/citizenship/entities/audit-entry.entity';
import {
  CriteriaGroup,
  CriteriaSet,
  CriteriaSetStatus,
  Criterion,
  EvidenceKind,
} from '../../src/citizenship/entities/criteria-set.entity';
import {
  CitizenshipEvaluation,
  CitizenshipEvaluationItem,
  ItemState,
} from '../../src/citizenship/entities/evaluation.entity';
import { Recognition } from '../../src/citizenship/entities/recognition.entity';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { User, UserStatus } from '../../src/users/entities/user.entity';
import { RoleAssignment } from '../../src/users/entities/role-assignment.entity';
import { todayInVietnam } from '../../src/common/time/vietnam-time';

/**
 * Learning-citizen rows written straight into the shared tables for review tests: a small criteria
 * set, applications in any status with declared answers, and the evaluation the other module's
 * engine would have stored. The review chain is tested without the application pages or the engine.
 */

export interface CriteriaFixture {
  setId: number;
  passMark: number;
  /** Criteria answered by a statement. */
  declared: string[];
}

const TAG = () => randomBytes(4).toString('hex');

/** Two groups, four criteria (two declared), 100 points, pass mark 70; a code of its own. */
export async function createCriteriaSet(db: DataSource): Promise<CriteriaFixture> {
  const set = await db.getRepository(CriteriaSet).save({
    code: `TEST-${TAG()}`,
    version: 1,
    title: 'Bộ tiêu chí thử nghiệm Công dân học tập',
    sourceNote: 'Dữ liệu kiểm thử theo cấu trúc Quyết định 324/QĐ-KHVN',
    passMark: 70,
    status: CriteriaSetStatus.Retired,
    createdBy: null,
    activatedAt: null,
  });
  const group = (position: number, code: string, name: string) =>
    db.getRepository(CriteriaGroup).save({ setId: set.id, position, code, name, minPoints: null });
  const selfLearning = await group(1, '1', 'Năng lực tự học và học tập suốt đời');
  const social = await group(2, '2', 'Năng lực sử dụng công cụ và quan hệ xã hội');
  const criterion = (
    groupId: number,
    position: number,
    code: string,
    title: string,
    points: number,
    evidence: EvidenceKind,
    rule: Criterion['rule'],
  ) =>
    db
      .getRepository(Criterion)
      .save({ setId: set.id, groupId, position, code, title, description: null, points, evidence, rule });
  await criterion(selfLearning.id, 1, '1.1', 'Thường xuyên đọc sách, báo', 30, EvidenceKind.Declared, null);
  await criterion(selfLearning.id, 2, '1.2', 'Có kế hoạch học tập cá nhân', 20, EvidenceKind.Automatic, {
    type: 'HAS_PLAN',
  });
  await criterion(
    social.id,
    1,
    '2.1',
    'Ứng dụng công nghệ thông tin trong công việc',
    20,
    EvidenceKind.Automatic,
    {
      type: 'DOMAIN_RECORDS',
      domain: DomainCode.Digital,
      minRecords: 1,
    },
  );
  await criterion(social.id, 2, '2.2', 'Hợp tác, chia sẻ với đồng nghiệp', 30, EvidenceKind.Declared, null);
  return { setId: set.id, passMark: 70, declared: ['1.1', '2.2'] };
}

export interface ApplicationSpec {
  workerId: number;
  enterpriseId: number | null;
  criteria: CriteriaFixture;
  year?: number;
  status?: ApplicationStatus;
  /** Review state of each declared answer (default: waiting). */
  answers?: Partial<Record<string, AnswerReview>>;
  /** The evaluation stored for it; null for none. Default: eligible with 100 points. */
  evaluation?: { eligible: boolean; totalPoints?: number } | null;
}

/**
 * An application of the worker for the year (this year by default). One that already exists for
 * the worker and year is replaced, with everything hanging from it, so a test owns it whole.
 */
export async function createApplication(
  db: DataSource,
  spec: ApplicationSpec,
): Promise<CitizenshipApplication> {
  const year = spec.year ?? Number(todayInVietnam().slice(0, 4));
  await removeApplication(db, spec.workerId, year);
  const status = spec.status ?? ApplicationStatus.Submitted;
  const submitted = status !== ApplicationStatus.Registered;
  const confirmed = [
    ApplicationStatus.Confirmed,
    ApplicationStatus.Recognised,
    ApplicationStatus.Rejected,
    ApplicationStatus.Revoked,
  ].includes(status);
  const application = await db.getRepository(CitizenshipApplication).save({
    workerId: spec.workerId,
    year,
    criteriaSetId: spec.criteria.setId,
    status,
    enterpriseId: spec.enterpriseId,
    submittedAt: submitted ? new Date(Date.now() - 86_400_000) : null,
    confirmedAt: confirmed ? new Date(Date.now() - 3_600_000) : null,
    confirmedBy: null,
    returnComment: null,
  });
  await db.getRepository(LearningPlanItem).save({
    applicationId: application.id,
    domainCode: DomainCode.Digital,
    goal: 'Học cách dùng bảng tính để theo dõi sản lượng',
    plannedHours: 12,
  });
  const statements: Record<string, string> = {
    '1.1': 'Mỗi tuần tôi đọc ít nhất hai số báo Lao Động và một cuốn sách về kỹ thuật chế biến.',
    '2.2': 'Tôi hướng dẫn hai đồng nghiệp mới dùng máy phân loại hạt.',
  };
  for (const code of spec.criteria.declared) {
    const reviewStatus = spec.answers?.[code] ?? (confirmed ? AnswerReview.Confirmed : AnswerReview.Pending);
    await db.getRepository(CitizenshipAnswer).save({
      applicationId: application.id,
      criterionCode: code,
      statement: statements[code] ?? `Nội dung tự khai của tiêu chí ${code}.`,
      reviewStatus,
      reviewComment: reviewStatus === AnswerReview.Returned ? 'Bổ sung tên sách đã đọc.' : null,
      reviewedBy: null,
      reviewedAt: reviewStatus === AnswerReview.Pending ? null : new Date(),
    });
  }
  if (spec.evaluation !== null) {
    await setEvaluation(db, application, spec.criteria, spec.evaluation ?? { eligible: true });
  }
  return application;
}

/** Replaces the application's evaluation, as a run of the evaluation engine would. */
export async function setEvaluation(
  db: DataSource,
  application: Pick<CitizenshipApplication, 'id'>,
  criteria: CriteriaFixture,
  result: { eligible: boolean; totalPoints?: number },
): Promise<CitizenshipEvaluation> {
  await db.getRepository(CitizenshipEvaluation).delete({ applicationId: application.id });
  const totalPoints = result.totalPoints ?? (result.eligible ? 100 : 40);
  const evaluation = await db.getRepository(CitizenshipEvaluation).save({
    applicationId: application.id,
    criteriaSetId: criteria.setId,
    totalPoints,
    eligible: result.eligible,
    reasons:
      result.eligible || totalPoints >= criteria.passMark
        ? null
        : [
            {
              key: 'citizenship.reason.belowPassMark',
              params: {
                total: totalPoints,
                passMark: criteria.passMark,
                missing: criteria.passMark - totalPoints,
              },
            },
          ],
    inputHash: TAG(),
    evaluatedAt: new Date(),
  });
  const items: Partial<CitizenshipEvaluationItem>[] = [
    { criterionCode: '1.1', points: 30, met: true, state: ItemState.Declared, evidence: null },
    { criterionCode: '1.2', points: 20, met: true, state: ItemState.Met, evidence: { plan: true } },
    {
      criterionCode: '2.1',
      points: result.eligible ? 20 : 0,
      met: result.eligible,
      state: result.eligible ? ItemState.Met : ItemState.Missing,
      evidence: result.eligible ? { recordIds: [] } : null,
    },
    {
      criterionCode: '2.2',
      points: result.eligible ? 30 : 0,
      met: result.eligible,
      state: result.eligible ? ItemState.Declared : ItemState.Missing,
      evidence: null,
    },
  ];
  await db
    .getRepository(CitizenshipEvaluationItem)
    .save(items.map((item) => ({ ...item, evaluationId: evaluation.id })));
  return evaluation;
}

/** Deletes the worker's application of the year and what hangs from it (the trail included). */
export async function removeApplication(db: DataSource, workerId: number, year: number): Promise<void> {
  const existing = await db.getRepository(CitizenshipApplication).find({ where: { workerId, year } });
  const ids = existing.map((a) => a.id);
  if (ids.length === 0) return;
  const evaluations = await db
    .getRepository(CitizenshipEvaluation)
    .find({ where: { applicationId: In(ids) } });
  if (evaluations.length > 0)
    await db
      .getRepository(CitizenshipEvaluationItem)
      .delete({ evaluationId: In(evaluations.map((e) => e.id)) });
  await db.getRepository(CitizenshipEvaluation).delete({ applicationId: In(ids) });
  await db.getRepository(Recognition).delete({ applicationId: In(ids) });
  await db.getRepository(CitizenshipAuditEntry).delete({ applicationId: In(ids) });
  await db.getRepository(CitizenshipAnswer).delete({ applicationId: In(ids) });
  await db.getRepository(LearningPlanItem).delete({ applicationId: In(ids) });
  await db.getRepository(CitizenshipApplication).delete({ id: In(ids) });
}

/** An administrative unit under a parent (or a root), with its materialised path. */
export async function createUnit(
  db: DataSource,
  name: string,
  parentId: number | null = null,
): Promise<number> {
  const code = `U${TAG()}`;
  const parent = parentId
    ? (
        (await db.query('SELECT path, depth FROM admin_units WHERE id = ?', [parentId])) as {
          path: string;
          depth: number;
        }[]
      )[0]
    : null;
  await db.query(
    'INSERT INTO admin_units (code, name, search_key, kind, parent_id, path, depth) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [
      code,
      name,
      foldVietnamese(name),
      parentId ? 'COMMUNE' : 'PROVINCE',
      parentId,
      '/',
      parent ? Number(parent.depth) + 1 : 0,
    ],
  );
  const [{ id }] = await db.query('SELECT id FROM admin_units WHERE code = ?', [code]);
  await db.query('UPDATE admin_units SET path = ? WHERE id = ?', [`${parent?.path ?? '/'}${id}/`, id]);
  return Number(id);
}

/** A branch of the study-promotion association covering the unit's subtree. */
export async function createBranch(db: DataSource, name: string, unitId: number): Promise<number> {
  const fullName = `${name} ${TAG()}`;
  await db.query('INSERT INTO association_branches (name, search_key, unit_id) VALUES (?, ?, ?)', [
    fullName,
    foldVietnamese(fullName),
    unitId,
  ]);
  const [{ id }] = await db.query('SELECT id FROM association_branches WHERE name = ?', [fullName]);
  return Number(id);
}

/** An active login holding one role grant, and the actor it signs in as. */
export async function createUserWithRole(
  db: DataSource,
  displayName: string,
  role: Role,
  scopeType: ScopeType,
  scopeId: number,
  workerId: number | null = null,
): Promise<Actor> {
  const user = await db.getRepository(User).save({
    username: `test.${TAG()}`,
    displayName,
    email: null,
    status: UserStatus.Active,
    locale: null,
  });
  await db.getRepository(RoleAssignment).save({ userId: user.id, role, scopeType, scopeId });
  if (workerId) await db.query('UPDATE workers SET user_id = ? WHERE id = ?', [user.id, workerId]);
  return new Actor(user.id, displayName, [{ role, scopeType, scopeId }], workerId);
}

export const reviewerOf = (userId: number, ...branchIds: number[]) =>
  new Actor(
    userId,
    `Hội Khuyến học ${userId}`,
    branchIds.map((scopeId) => ({ role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId })),
  );
