import { ForbiddenException, Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { MAX_CODES_PER_BATCH } from './dto/survey.dto';
import { Survey, SurveyStatus } from './entities/survey.entity';
import { AnswerableQuestion, RawAnswers, validateAnswers } from './survey-answers';
import { questionView, QuestionView, stateOf, summaryOf, SurveySummary } from './surveys.service';
import { SurveysRepository } from './surveys.repository';

/** Letters and digits that cannot be mistaken for each other when read aloud or printed (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
/** Wrong codes from one address within the window before it has to wait. */
export const CODE_ATTEMPTS = 10;
export const CODE_WINDOW_MS = 15 * 60_000;

export function newSurveyCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed, without spaces or dashes, in capitals. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export const hashCode = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex');

/** A survey ready to be answered, as the form shows it. */
export interface AnswerForm {
  survey: SurveySummary;
  questions: QuestionView[];
  answered: boolean;
}

const answerable = (questions: QuestionView[]): AnswerableQuestion[] =>
  questions.map((q) => ({ id: q.id, kind: q.kind, required: q.required, choices: q.choices }));

/**
 * Answering: a signed-in worker answers an open survey aimed at an enterprise they work at today,
 * once (the unique key on survey and worker holds under a double submit too). A worker without an
 * account answers with a single-use code their officer handed out, counted against that
 * enterprise; wrong codes are counted per address, and after CODE_ATTEMPTS in CODE_WINDOW_MS the
 * address waits.
 */
@Injectable()
export class SurveyAnsweringService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly workers: WorkersService,
    private readonly enterprises: EnterprisesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The open surveys aimed at the worker's enterprises today, and whether they answered each. */
  async openForWorker(
    actor: Actor,
    today = todayInVietnam(),
  ): Promise<(SurveySummary & { answered: boolean })[]> {
    const workerId = workerIdOf(actor);
    const open = await this.surveys.openFor(await this.workers.currentEnterpriseIds(workerId, today), today);
    const answered = await this.surveys.answeredBy(
      workerId,
      open.map((s) => s.id),
    );
    return open.map((s) => ({ ...summaryOf(s, today), answered: answered.has(s.id) }));
  }

  async formForWorker(actor: Actor, id: number, today = todayInVietnam()): Promise<AnswerForm> {
    const workerId = workerIdOf(actor);
    const { survey } = await this.workerTarget(workerId, id, today);
    const answered = (await this.surveys.answeredBy(workerId, [id])).has(id);
    return { survey: summaryOf(survey, today), questions: await this.questionsOf(id), answered };
  }

  /** Stores the worker's answers; a second answer is refused with a message and changes nothing. */
  async answerAsWorker(actor: Actor, id: number, raw: RawAnswers, now = new Date()): Promise<void> {
    const workerId = workerIdOf(actor);
    const today = todayInVietnam(now);
    const { target } = await this.workerTarget(workerId, id, today);
    const rows = this.checked(await this.questionsOf(id), raw);
    const saved = await this.unitOfWork.run((tx) =>
      this.surveys.insertResponse(
        tx,
        {
          surveyId: id,
          enterpriseId: target.enterpriseId,
          unitId: target.unitId,
          workerId,
          codeId: null,
          submittedAt: now,
        },
        rows,
      ),
    );
    if (!saved) throw new FormError({}, { key: 'surveys.error.alreadyAnswered' });
  }

  /** The survey a code opens, if the code is right and unused and the survey open; counts wrong codes. */
  async formForCode(code: string, address: string, now = new Date()): Promise<AnswerForm> {
    const { survey } = await this.checkCode(code, address, now);
    return {
      survey: summaryOf(survey, todayInVietnam(now)),
      questions: await this.questionsOf(survey.id),
      answered: false,
    };
  }

  /** Answers with a code: the code is used in the same transaction as the response is stored. */
  async answerWithCode(code: string, raw: RawAnswers, address: string, now = new Date()): Promise<void> {
    const { survey, codeRow, unitId } = await this.checkCode(code, address, now);
    const rows = this.checked(await this.questionsOf(survey.id), raw);
    const saved = await this.unitOfWork.run(async (tx) => {
      if (!(await this.surveys.useCode(tx, codeRow.id, now))) return null;
      return this.surveys.insertResponse(
        tx,
        {
          surveyId: survey.id,
          enterpriseId: codeRow.enterpriseId,
          unitId,
          workerId: null,
          codeId: codeRow.id,
          submittedAt: now,
        },
        rows,
      );
    });
    if (!saved) throw FormError.field('code', 'surveys.error.codeUsed');
  }

  /**
   * Issues single-use codes for one of the officer's enterprises the open survey is aimed at.
   * Returns them to print; only their hashes are kept.
   */
  async issueCodes(
    actor: Actor,
    id: number,
    count: number,
    enterpriseId: number | undefined,
    now = new Date(),
  ): Promise<{ survey: Survey; enterpriseId: number; enterpriseName: string; codes: string[] }> {
    const own = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    const survey = await this.surveys.findById(id);
    if (!survey || survey.status === SurveyStatus.Draft) throw new OutOfScopeException();
    const targeted = (await this.surveys.targetedAmong(id, own)).map((t) => t.enterpriseId);
    if (targeted.length === 0) throw new OutOfScopeException();
    const state = stateOf(survey, todayInVietnam(now));
    if (state === 'ENDED') throw new FormError({}, { key: 'surveys.error.notOpen' });
    if (count < 1 || count > MAX_CODES_PER_BATCH)
      throw FormError.field('count', 'validation.max', { max: MAX_CODES_PER_BATCH });
    const chosen = enterpriseId ?? (targeted.length === 1 ? targeted[0] : undefined);
    if (chosen === undefined) throw FormError.field('enterpriseId', 'validation.required');
    if (!targeted.includes(chosen))
      throw FormError.field('enterpriseId', 'surveys.error.enterpriseOutOfScope');
    const codes = new Set<string>();
    while (codes.size < count) codes.add(newSurveyCode());
    await this.surveys.insertCodes(
      [...codes].map((code) => ({
        surveyId: id,
        enterpriseId: chosen,
        codeHash: hashCode(code),
        createdBy: actor.userId,
      })),
    );
    const names = await this.enterprises.namesOf([chosen]);
    return { survey, enterpriseId: chosen, enterpriseName: names.get(chosen)?.name ?? '', codes: [...codes] };
  }

  private async checkCode(code: string, address: string, now: Date) {
    const key = `survey-code:${address}`.slice(0, 100);
    if ((await this.surveys.failedAttempts(key, new Date(now.getTime() - CODE_WINDOW_MS))) >= CODE_ATTEMPTS)
      throw FormError.field('code', 'surveys.error.tooManyCodes', { minutes: CODE_WINDOW_MS / 60_000 });
    const normal = normaliseCode(code);
    const codeRow = normal.length === CODE_LENGTH ? await this.surveys.findCode(hashCode(normal)) : null;
    const survey = codeRow ? await this.surveys.findById(codeRow.surveyId) : null;
    if (!codeRow || !survey) {
      await this.surveys.recordFailedAttempt(key, now);
      throw FormError.field('code', 'surveys.error.badCode');
    }
    if (codeRow.usedAt) throw FormError.field('code', 'surveys.error.codeUsed');
    if (stateOf(survey, todayInVietnam(now)) !== 'OPEN')
      throw FormError.field('code', 'surveys.error.notOpen');
    const [target] = await this.surveys.targetedAmong(survey.id, [codeRow.enterpriseId]);
    if (!target) throw FormError.field('code', 'surveys.error.badCode');
    return { survey, codeRow, unitId: target.unitId };
  }

  /** The open survey and the worker's enterprise it is aimed at today; 404 when there is none. */
  private async workerTarget(workerId: number, id: number, today: string) {
    const survey = await this.surveys.findById(id);
    if (!survey || stateOf(survey, today) !== 'OPEN') throw new OutOfScopeException();
    const current = await this.workers.currentEnterpriseIds(workerId, today);
    const [target] = await this.surveys.targetedAmong(id, current);
    if (!target) throw new OutOfScopeException();
    return { survey, target };
  }

  private async questionsOf(id: number): Promise<QuestionView[]> {
    return (await this.surveys.questionsOf(id)).map(questionView);
  }

  private checked(questions: QuestionView[], raw: RawAnswers) {
    const { rows, errors } = validateAnswers(answerable(questions), raw);
    if (Object.keys(errors).length > 0) throw new FormError(errors);
    return rows;
  }
}

function workerIdOf(actor: Actor): number {
  if (!actor.workerId) throw new ForbiddenException();
  return actor.workerId;
}
