import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { ApplicationStatus } from '../../src/citizenship/entities/application.entity';
import { AssociationReviewService } from '../../src/citizenship/review/association-review.service';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { SessionKind } from '../../src/activities/session-kinds';
import { SessionsService } from '../../src/activities/sessions.service';
import { ContestKind } from '../../src/engagement/contests/contest-kinds';
import { ContestsService } from '../../src/engagement/contests/contests.service';
import { RecordSource } from '../../src/learning-records/entities/learning-record.entity';
import { ImportKind, ImportRun, ImportStatus } from '../../src/imports/entities/import-run.entity';
import { WorkersService } from '../../src/workers/workers.service';
import { createApplication, createBranch, createCriteriaSet, createUnit } from './citizenship-factory';
import { createLogin, unitId, userId } from './indicators-factory';
import { createInstitution } from './learning-factory';
import { randomTaxCode } from './workers-factory';

/**
 * The places of the access matrix, seen from the actors: a worker, and the officer of their
 * enterprise E1, in commune C1 of district D1 (association branch B1). Each column of the matrix
 * is one of these places; an object of the column belongs there.
 *
 *   province 67 ─ D1 (branch B1) ─ C1 ─ E1  ← own (the worker), same enterprise (a colleague)
 *                │                   └ E1b ← another enterprise (same commune, same branch)
 *                │              └ C2 ─ E2  ← another unit (same branch)
 *                └ D2 (branch B2) ─ C3 ─ E3 ← another branch
 */
export const COLUMNS = ['own', 'sameEnterprise', 'otherEnterprise', 'otherUnit', 'otherBranch'] as const;
export type Column = (typeof COLUMNS)[number];

export const ACTORS = [
  'worker',
  'unionOfficer',
  'institutionEditor',
  'associationReviewer',
  'departmentViewer',
  'federationAdmin',
  'systemAdmin',
] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Login {
  username: string;
  userId: number;
  /** A personal API token; null for the worker (workers have none). */
  token: string | null;
}

/** Per column, the id of the object of that kind there; null where the column has no object of its own. */
export type ObjectIds = Record<Column, number | null>;

export interface SecurityFixture {
  logins: Record<ActorName, Login>;
  workers: ObjectIds;
  enterprises: ObjectIds;
  units: ObjectIds;
  applications: ObjectIds;
  certificates: ObjectIds;
  sessions: ObjectIds;
  /** A contest of each enterprise (engagement), organised by its officer. */
  contests: ObjectIds;
  rosterImports: ObjectIds;
  /** A run of the enterprises register's import: it belongs to no place, so it stands in "own". */
  enterpriseImports: ObjectIds;
  /** The user account of each place: the worker's own, and the union officer of each enterprise. */
  users: ObjectIds;
  /** A word found only in the learning records of each column's worker. */
  recordMarks: Record<Column, string>;
  /** Personal data of the fixture that must never reach a log line. */
  personalData: string[];
  /** Each column's worker as the national record has them, for attacks that name them. */
  people: Record<Column, { fullName: string; dateOfBirth: string; gender: 'MALE' | 'FEMALE'; cccd: string }>;
}

const TAG = () => randomBytes(3).toString('hex');

export async function buildSecurityFixture(app: INestApplication): Promise<SecurityFixture> {
  const db = app.get(DataSource);
  const tag = TAG();
  const province = await unitId(db, '67');
  const d1 = await createUnit(db, `Huyện Thử Một ${tag}`, province);
  const c1 = await createUnit(db, `Xã Thử Một ${tag}`, d1);
  const c2 = await createUnit(db, `Xã Thử Hai ${tag}`, d1);
  const d2 = await createUnit(db, `Huyện Thử Hai ${tag}`, province);
  const c3 = await createUnit(db, `Xã Thử Ba ${tag}`, d2);
  const b1 = await createBranch(db, 'Hội Khuyến học huyện Thử Một', d1);
  await createBranch(db, 'Hội Khuyến học huyện Thử Hai', d2);

  const e1 = await enterprise(db, `Công ty Thử Nghiệm Một ${tag}`, c1);
  const e1b = await enterprise(db, `Công ty Thử Nghiệm Một Bis ${tag}`, c1);
  const e2 = await enterprise(db, `Công ty Thử Nghiệm Hai ${tag}`, c2);
  const e3 = await enterprise(db, `Công ty Thử Nghiệm Ba ${tag}`, c3);
  const enterpriseOf: Record<Column, number> = {
    own: e1,
    sameEnterprise: e1,
    otherEnterprise: e1b,
    otherUnit: e2,
    otherBranch: e3,
  };

  // Workers, through the service (CCCD encrypted and indexed as in real use).
  const federationId = await userId(db, 'liendoan');
  const federation = new Actor(federationId, 'federation', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);
  const names: Record<Column, string> = {
    own: `Nguyễn Thị Riêng ${tag}`,
    sameEnterprise: `Trần Văn Cùng ${tag}`,
    otherEnterprise: `Lê Thị Khác ${tag}`,
    otherUnit: `Phạm Văn Xã ${tag}`,
    otherBranch: `Hoàng Thị Hội ${tag}`,
  };
  const personalData: string[] = [];
  const workers = {} as ObjectIds;
  const people = {} as SecurityFixture['people'];
  const serial = Number.parseInt(randomBytes(3).toString('hex'), 16) % 900_000;
  for (const [i, column] of COLUMNS.entries()) {
    // The century/sex digit and year digits agree with the date of birth (1990).
    const female = i % 2 === 0;
    const cccd = `001${female ? 1 : 0}90${String(serial + i).padStart(6, '0')}`;
    const email = `nld.${tag}.${i}@example.vn`;
    const worker = await app.get(WorkersService).create(federation, {
      fullName: names[column],
      dateOfBirth: '1990-05-17',
      gender: female ? 'FEMALE' : 'MALE',
      cccd,
      email,
      enterpriseId: enterpriseOf[column],
      startDate: '2020-01-02',
    } as never);
    workers[column] = worker.id;
    people[column] = {
      fullName: names[column],
      dateOfBirth: '1990-05-17',
      gender: female ? 'FEMALE' : 'MALE',
      cccd,
    };
    personalData.push(names[column], cccd, email);
  }

  // Logins. Each of the actors signs in with the demo password; the federation and system admins
  // are the demo ones.
  const institution = await createInstitution(db);
  const grant = (role: Role, scopeType: ScopeType, scopeId: number, username: string) =>
    createLogin(db, { username, displayName: `Tài khoản ${username}`, role, scopeType, scopeId });
  const workerUser = await grant(Role.Worker, ScopeType.Self, workers.own!, `sec.worker.${tag}`);
  await db.query('UPDATE workers SET user_id = ? WHERE id = ?', [workerUser, workers.own]);
  const officers: Record<Column, number> = {
    own: workerUser,
    sameEnterprise: await grant(Role.UnionOfficer, ScopeType.Enterprise, e1, `sec.officer1.${tag}`),
    otherEnterprise: await grant(Role.UnionOfficer, ScopeType.Enterprise, e1b, `sec.officer1b.${tag}`),
    otherUnit: await grant(Role.UnionOfficer, ScopeType.Enterprise, e2, `sec.officer2.${tag}`),
    otherBranch: await grant(Role.UnionOfficer, ScopeType.Enterprise, e3, `sec.officer3.${tag}`),
  };
  const editor = await grant(Role.InstitutionEditor, ScopeType.Institution, institution, `sec.editor.${tag}`);
  const reviewer = await grant(Role.AssociationReviewer, ScopeType.Branch, b1, `sec.reviewer.${tag}`);
  const viewer = await grant(Role.DepartmentViewer, ScopeType.Unit, c1, `sec.viewer.${tag}`);
  const systemId = await userId(db, 'admin');
  const usernameOf = async (id: number) =>
    String(
      ((await db.query('SELECT username FROM users WHERE id = ?', [id])) as { username: string }[])[0]
        .username,
    );
  const tokens = app.get(ApiTokensService);
  const login = async (id: number, grants: Actor['grants'], withToken = true): Promise<Login> => ({
    username: await usernameOf(id),
    userId: id,
    token: withToken ? (await tokens.create(new Actor(id, 'x', grants), 'access matrix')).token : null,
  });
  const logins: Record<ActorName, Login> = {
    worker: await login(workerUser, [], false),
    unionOfficer: await login(officers.sameEnterprise, []),
    institutionEditor: await login(editor, []),
    associationReviewer: await login(reviewer, []),
    departmentViewer: await login(viewer, []),
    federationAdmin: await login(federationId, []),
    systemAdmin: await login(systemId, []),
  };

  // One learning record per worker, titled with a word of its own.
  const recordMarks = {} as Record<Column, string>;
  for (const column of COLUMNS) {
    recordMarks[column] = `SECMARK${tag}${column}`;
    await app.get(LearningRecordsService).record({
      workerId: workers[column]!,
      occurredOn: '2025-03-10',
      hours: 2,
      source: RecordSource.External,
      sourceRef: `sec-${tag}-${column}`,
      title: `Khoá học ${recordMarks[column]}`,
      domains: [DomainCode.Digital],
      enterpriseId: enterpriseOf[column],
    });
  }

  // Learning-citizen applications, confirmed by the unit and then recognised (a certificate each).
  const criteria = await createCriteriaSet(db);
  const applications = {} as ObjectIds;
  const certificates = {} as ObjectIds;
  // The province's branch in force today (the new Lâm Đồng's): Đắk Nông's ended on 30/06/2025 and
  // can no longer recognise; its successor covers the old province's territory through the mapping.
  const provinceReviewer = new Actor(await userId(db, 'khuyenhoc.tinh'), 'reviewer', [
    {
      role: Role.AssociationReviewer,
      scopeType: ScopeType.Branch,
      scopeId: Number(
        (
          (await db.query(
            "SELECT id FROM association_branches WHERE name = 'Hội Khuyến học tỉnh Lâm Đồng'",
          )) as {
            id: number;
          }[]
        )[0].id,
      ),
    },
  ]);
  for (const column of COLUMNS) {
    const application = await createApplication(db, {
      workerId: workers[column]!,
      enterpriseId: enterpriseOf[column],
      criteria,
      status: ApplicationStatus.Confirmed,
    });
    applications[column] = application.id;
    const outcome = await app.get(AssociationReviewService).recognise(provinceReviewer, application.id);
    certificates[column] = outcome.recognition.id;
  }
  // The certificates are of recognised applications; a second application per worker would clash
  // with the yearly one, so the review pages are checked on the same (recognised) applications.

  // An in-person session and a finished roster import per enterprise.
  const sessions = { own: null } as ObjectIds;
  const contests = { own: null } as ObjectIds;
  const rosterImports = { own: null } as ObjectIds;
  for (const column of COLUMNS.slice(1)) {
    const officer = new Actor(officers[column], 'officer', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: enterpriseOf[column] },
    ]);
    const session = await app.get(SessionsService).create(officer, {
      title: `Buổi sinh hoạt ${tag} ${column}`,
      kind: SessionKind.LawTalk,
      domains: [DomainCode.Law],
      startsAt: '2025-04-21T08:00',
      endsAt: '2025-04-21T10:00',
      place: 'Hội trường công ty',
      organiser: 'Công đoàn cơ sở',
      hours: 2,
      enterpriseId: enterpriseOf[column],
    } as never);
    sessions[column] = session.id;
    contests[column] = (
      await app.get(ContestsService).create(officer, {
        kind: ContestKind.SkillsContest,
        title: `Hội thi thợ giỏi ${tag} ${column}`,
        year: 2025,
        hours: 4,
        enterpriseId: enterpriseOf[column],
      })
    ).id;
    const roster = await db.getRepository(ImportRun).save({
      kind: ImportKind.Roster,
      targetId: enterpriseOf[column],
      uploadedBy: officers[column],
      originalName: 'danh-sach.xlsx',
      storedName: `rosters/${TAG()}.xlsx`,
      sha256: '0'.repeat(64),
      status: ImportStatus.Completed,
      totalRows: 0,
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 0,
      errorCount: 0,
      jobRunId: null,
      fileDeletedAt: null,
    });
    rosterImports[column] = roster.id;
  }

  const register = await db.getRepository(ImportRun).save({
    kind: ImportKind.Enterprises,
    targetId: 0,
    uploadedBy: officers.sameEnterprise,
    originalName: 'doanh-nghiep.xlsx',
    storedName: `rosters/${TAG()}.xlsx`,
    sha256: '0'.repeat(64),
    status: ImportStatus.Completed,
    totalRows: 0,
    createdCount: 0,
    updatedCount: 0,
    unchangedCount: 0,
    errorCount: 0,
    jobRunId: null,
    fileDeletedAt: null,
  });
  const enterpriseImports = Object.fromEntries(COLUMNS.map((c) => [c, null])) as ObjectIds;
  enterpriseImports.own = register.id;

  for (const login of Object.values(logins)) personalData.push(`Tài khoản ${login.username}`);
  return {
    logins,
    workers,
    enterprises: { ...enterpriseOf, own: null },
    units: { own: null, sameEnterprise: c1, otherEnterprise: null, otherUnit: c2, otherBranch: c3 },
    applications,
    certificates,
    sessions,
    contests,
    rosterImports,
    enterpriseImports,
    users: officers,
    recordMarks,
    personalData,
    people,
  };
}

async function enterprise(db: DataSource, name: string, unit: number): Promise<number> {
  const taxCode = randomTaxCode();
  await db.query('INSERT INTO enterprises (name, search_key, tax_code, unit_id) VALUES (?, ?, ?, ?)', [
    name,
    foldVietnamese(name),
    taxCode,
    unit,
  ]);
  const [{ id }] = await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [taxCode]);
  return Number(id);
}
