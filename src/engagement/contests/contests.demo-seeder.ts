import { Injectable } from '@nestjs/common';
import { readSeed } from '../../common/seed-files';
import { addDays } from '../../common/time/iso-date';
import { parseVietnamDateTime, thisYearInVietnam, todayInVietnam } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { Workforce } from '../../workers/workforce';
import { ContestKind } from './contest-kinds';
import { ContestsRepository, NewContest } from './contests.repository';

interface DemoContests {
  lawQuiz: {
    title: string;
    description: string;
    hours: number;
    timeLimitMinutes: number;
    questionCount: number;
  };
  questions: { prompt: string; options: string[]; correct: number[] }[];
  skills: { taxCode: string; title: string; description: string; hours: number; registrations: number };
  communeMovement: { taxCode: string; title: string; description: string; hours: number };
}

/**
 * Demo contests (seeds/demo/contests.json): a province-wide online law quiz open this month with
 * its question bank, Tâm Phát's skilled-worker contest with registered workers, and a movement the
 * federation aims at the commune Đắk Mil Xanh is in (its workers see it, Tâm Phát's do not). No results:
 * results write learning records, and the demo's figures stay those of the other demo data.
 */
@Injectable()
export class ContestsDemoSeeder {
  constructor(
    private readonly contests: ContestsRepository,
    private readonly enterprises: EnterprisesService,
    private readonly units: AdminUnitsService,
    private readonly workforce: Workforce,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async seed(createdBy: number): Promise<void> {
    const demo = readSeed<DemoContests>('demo/contests.json');
    const today = todayInVietnam();
    const quiz = await this.insert({
      kind: ContestKind.LawQuiz,
      title: demo.lawQuiz.title,
      description: demo.lawQuiz.description,
      year: thisYearInVietnam(),
      enterpriseId: null,
      hours: demo.lawQuiz.hours,
      createdBy,
    });
    await this.contests.insertRound({
      contestId: quiz.id,
      name: 'Vòng sơ khảo',
      opensAt: parseVietnamDateTime(`${addDays(today, -1)}T00:00`)!,
      closesAt: parseVietnamDateTime(`${addDays(today, 30)}T23:00`)!,
      timeLimitMinutes: demo.lawQuiz.timeLimitMinutes,
      questionCount: demo.lawQuiz.questionCount,
    });
    for (const q of demo.questions)
      await this.contests.insertQuestion({
        contestId: quiz.id,
        prompt: q.prompt,
        options: q.options,
        correct: q.correct.map((c) => c - 1).join(','),
      });

    const tamPhat = (await this.enterprises.idsByTaxCode([demo.skills.taxCode])).get(demo.skills.taxCode);
    if (!tamPhat) return;
    const skills = await this.insert({
      kind: ContestKind.SkillsContest,
      title: demo.skills.title,
      description: demo.skills.description,
      year: thisYearInVietnam(),
      enterpriseId: tamPhat,
      hours: demo.skills.hours,
      createdBy,
    });
    await this.contests.insertRound({
      contestId: skills.id,
      name: 'Vòng thi thực hành',
      opensAt: parseVietnamDateTime(`${addDays(today, 20)}T07:30`)!,
      closesAt: parseVietnamDateTime(`${addDays(today, 20)}T17:00`)!,
      timeLimitMinutes: null,
      questionCount: null,
    });
    const [members] = await this.workforce.page(tamPhat, today, undefined, 0, demo.skills.registrations);
    await this.unitOfWork.run((manager) =>
      this.contests.register(
        manager,
        skills.id,
        members.map((m) => m.workerId),
        tamPhat,
        createdBy,
      ),
    );
    await this.seedCommuneMovement(demo.communeMovement, createdBy, today);
  }

  /** The movement for the commune (in force today) where the enterprise is located. */
  private async seedCommuneMovement(
    demo: DemoContests['communeMovement'],
    createdBy: number,
    today: string,
  ): Promise<void> {
    const enterpriseId = (await this.enterprises.idsByTaxCode([demo.taxCode])).get(demo.taxCode);
    const enterprise = enterpriseId ? await this.enterprises.findById(enterpriseId) : null;
    const commune = enterprise ? await this.units.resolveInForce(enterprise.unitId, today) : null;
    if (!commune) return;
    const movement = await this.insert(
      {
        kind: ContestKind.TheoryReview,
        title: demo.title,
        description: demo.description,
        year: thisYearInVietnam(),
        enterpriseId: null,
        hours: demo.hours,
        createdBy,
      },
      [commune.id],
    );
    await this.contests.insertRound({
      contestId: movement.id,
      name: 'Đợt ôn luyện và thi thực hành',
      opensAt: parseVietnamDateTime(`${addDays(today, 10)}T07:30`)!,
      closesAt: parseVietnamDateTime(`${addDays(today, 10)}T17:00`)!,
      timeLimitMinutes: null,
      questionCount: null,
    });
  }

  private insert(row: NewContest, unitIds: number[] = []) {
    return this.unitOfWork.run((manager) => this.contests.insertContest(manager, row, unitIds));
  }
}
