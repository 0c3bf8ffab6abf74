import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { addDays } from '../../src/common/time/iso-date';
import { CampaignsService } from '../../src/engagement/campaigns/campaigns.service';
import { BookLog, BookLogStatus } from '../../src/engagement/campaigns/entities/book-log.entity';
import {
  Commendation,
  CommendationFile,
  CommendationKind,
  CommendationStatus,
} from '../../src/engagement/commendations/entities/commendation.entity';
import { GoodModel, GoodModelStatus } from '../../src/engagement/commendations/entities/good-model.entity';
import { ContestsService } from '../../src/engagement/contests/contests.service';
import { FileKind } from '../../src/files/file-kinds';
import { FilesService } from '../../src/files/files.service';
import { samples } from './sample-files';
import { Column, COLUMNS, ObjectIds, SecurityFixture } from './security-fixture';

/** The engagement domain's objects at each place of the security fixture (access-matrix.test.ts). */
export interface EngagementObjects {
  /** A campaign aimed at each place's commune: C1 (the actors' own), C2, C3; E1b shares C1, so it has none of its own. */
  campaigns: ObjectIds;
  /** A pending book log of each column's worker. */
  bookLogs: ObjectIds;
  /** A pending nomination (a worker's child) of each enterprise, with two evidence files. */
  commendations: ObjectIds;
  /** Per column, the nomination's first and second evidence file (the GET and the page's removal; the API's removal). */
  evidence: Record<'first' | 'second', Record<Column, number | null>>;
  /** A draft good model of each enterprise, with a photo. */
  models: ObjectIds;
  /** A round of each enterprise's contest. */
  rounds: Record<Column, number | null>;
}

export async function buildEngagementObjects(
  app: INestApplication,
  fx: SecurityFixture,
): Promise<EngagementObjects> {
  const db = app.get(DataSource);
  const files = app.get(FilesService);
  const federation = new Actor(fx.logins.federationAdmin.userId, 'federation', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);
  const today = todayInVietnam();
  const enterpriseOf = (column: Column) =>
    column === 'own' ? fx.enterprises.sameEnterprise! : fx.enterprises[column]!;
  const none = (): ObjectIds => Object.fromEntries(COLUMNS.map((c) => [c, null])) as ObjectIds;

  const campaigns = none();
  for (const column of ['sameEnterprise', 'otherUnit', 'otherBranch'] as const)
    campaigns[column] = (
      await app.get(CampaignsService).create(federation, {
        title: `Tuần lễ học tập ${column}`,
        theme: 'Học tập suốt đời',
        startsOn: addDays(today, -5),
        endsOn: addDays(today, 5),
        unitIds: [fx.units[column]!],
      })
    ).id;

  const bookLogs = none();
  for (const column of COLUMNS)
    bookLogs[column] = (
      await db.getRepository(BookLog).save({
        workerId: fx.workers[column]!,
        enterpriseId: enterpriseOf(column),
        campaignId: null,
        title: 'Đắc nhân tâm',
        author: 'Dale Carnegie',
        readOn: addDays(today, -1),
        reflection: 'Sách hay về giao tiếp.',
        status: BookLogStatus.Pending,
        hours: null,
        reason: null,
        decidedBy: null,
        decidedAt: null,
      })
    ).id;

  const commendations = none();
  const evidence = { first: none(), second: none() } as EngagementObjects['evidence'];
  const models = none();
  const rounds = none();
  for (const column of COLUMNS.slice(1)) {
    const nomination = await db.getRepository(Commendation).save({
      year: Number(today.slice(0, 4)),
      kind: CommendationKind.Child,
      enterpriseId: enterpriseOf(column),
      workerId: fx.workers[column]!,
      childName: `Con ${column}`,
      childBirthYear: 2012,
      childSchool: null,
      achievement: 'Học sinh giỏi',
      status: CommendationStatus.Pending,
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      nominatedBy: fx.logins.federationAdmin.userId,
    });
    commendations[column] = nomination.id;
    for (const which of ['first', 'second'] as const)
      evidence[which][column] = (
        await files.storeBytes(
          samples.pdf(),
          `minh-chung-${which}.pdf`,
          {
            ownerType: 'COMMENDATION_EVIDENCE',
            ownerId: nomination.id,
            allowed: [FileKind.Pdf],
            uploadedBy: null,
          },
          async (file, manager) => {
            await manager
              .getRepository(CommendationFile)
              .insert({ commendationId: nomination.id, fileId: file.id });
          },
        )
      ).id;
    const image = await files.storeBytes(samples.png(), 'anh.png', {
      ownerType: 'GOOD_MODEL_IMAGE',
      ownerId: 0,
      allowed: [FileKind.Png],
      uploadedBy: null,
    });
    models[column] = (
      await db.getRepository(GoodModel).save({
        enterpriseId: enterpriseOf(column),
        title: `Mô hình ${column}`,
        body: 'Câu chuyện.',
        imageFileId: image.id,
        status: GoodModelStatus.Draft,
        publishedAt: null,
        createdBy: fx.logins.federationAdmin.userId,
      })
    ).id;
    rounds[column] = (
      await app.get(ContestsService).addRound(federation, fx.contests[column]!, {
        name: 'Vòng 1',
        opensAt: `${addDays(today, -1)}T08:00`,
        closesAt: `${addDays(today, 5)}T17:00`,
      })
    ).id;
  }
  return { campaigns, bookLogs, commendations, evidence, models, rounds };
}
