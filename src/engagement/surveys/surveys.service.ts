import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { Page, PageQuery, pageOf, pageWindow } from '../../common/http/pagination';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { COMMUNE_LEVEL_KINDS } from '../../organisations/entities/admin-unit.entity';
import { EnterpriseApiQuery } from '../../organisations/dto/list-query.dto';
import { SurveyDto, SurveyQuestionDto, SurveyTargetsDto } from './dto/survey.dto';
import { QuestionKind, Survey, SurveyQuestion, SurveyStatus, TargetKind } from './entities/survey.entity';
import { SurveysRepository } from './surveys.repository';

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 20;
const CHOICE_MAX_LENGTH = 200;

/** Where a survey stands for the people who may answer it. */
export type SurveyState = 'DRAFT' | 'UPCOMING' | 'OPEN' | 'ENDED';

export interface SurveySummary {
  id: number;
  title: string;
  description: string | null;
  opensOn: string;
  closesOn: string;
  status: SurveyStatus;
  state: SurveyState;
  publishedAt: Date | null;
}

/** A question as pages and the API show it. */
export interface QuestionView {
  id: number;
  number: number;
  kind: QuestionKind;
  text: string;
  choices: string[];
  lowLabel: string | null;
  highLabel: string | null;
  required: boolean;
}

export function stateOf(survey: Pick<Survey, 'status' | 'opensOn' | 'closesOn'>, today: string): SurveyState {
  if (survey.status === SurveyStatus.Draft) return 'DRAFT';
  if (survey.status === SurveyStatus.Closed || survey.closesOn < today) return 'ENDED';
  return survey.opensOn > today ? 'UPCOMING' : 'OPEN';
}

export function summaryOf(survey: Survey, today = todayInVietnam()): SurveySummary {
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    status: survey.status,
    state: stateOf(survey, today),
    publishedAt: survey.publishedAt,
  };
}

export function questionView(q: SurveyQuestion, index: number): QuestionView {
  return {
    id: q.id,
    number: index + 1,
    kind: q.kind,
    text: q.text,
    choices: q.options ? (JSON.parse(q.options) as string[]) : [],
    lowLabel: q.lowLabel,
    highLabel: q.highLabel,
    required: q.required,
  };
}

/** The choices typed one per line: trimmed, without empty lines, each once. */
export function parseChoices(text: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    const choice = line.trim();
    if (choice && !seen.has(choice.toLowerCase())) {
      seen.add(choice.toLowerCase());
      out.push(choice);
    }
  }
  return out;
}

/**
 * Building surveys and who may see them. The federation admin builds and reads every survey; a
 * department builds its own and reads only those; a union officer sees the published surveys aimed
 * at their enterprise (its response rate, never single answers). A survey changes only as a draft:
 * publishing fixes its questions and resolves its targets into the enterprises they mean that day.
 */
@Injectable()
export class SurveysService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly enterprises: EnterprisesService,
    private readonly scopes: EnterpriseScopeService,
    private readonly units: AdminUnitsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(actor: Actor, query: PageQuery, today = todayInVietnam()): Promise<Page<SurveySummary>> {
    const { page, size, skip } = pageWindow(query);
    const [rows, total] = await this.surveys.page(await this.filterOf(actor), skip, size);
    return pageOf(
      rows.map((s) => summaryOf(s, today)),
      total,
      page,
      size,
    );
  }

  private async filterOf(actor: Actor) {
    if (actor.has(Role.FederationAdmin)) return {};
    if (actor.has(Role.DepartmentViewer)) return { createdBy: actor.userId };
    return { enterpriseIds: actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer) };
  }

  /** True when the actor built the survey or is the federation admin. */
  isAuthor(actor: Actor, survey: Pick<Survey, 'createdBy'>): boolean {
    return (
      actor.has(Role.FederationAdmin) ||
      (actor.has(Role.DepartmentViewer) && survey.createdBy === actor.userId)
    );
  }

  /** The survey if the actor built it (or is the federation admin), else null. */
  async authoredOrNull(actor: Actor, id: number): Promise<Survey | null> {
    const survey = await this.surveys.findById(id);
    return survey && this.isAuthor(actor, survey) ? survey : null;
  }

  /** A survey the actor built (or any, for the federation admin); 404 otherwise. */
  async authored(actor: Actor, id: number): Promise<Survey> {
    const survey = await this.surveys.findById(id);
    if (!survey || !this.isAuthor(actor, survey)) throw new OutOfScopeException();
    return survey;
  }

  /** The officer's enterprises the published survey is aimed at; 404 when none. */
  async officerEnterprises(actor: Actor, id: number): Promise<{ survey: Survey; enterpriseIds: number[] }> {
    const survey = await this.surveys.findById(id);
    const own = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    if (!survey || survey.status === SurveyStatus.Draft || own.length === 0) throw new OutOfScopeException();
    const targeted = await this.surveys.targetedAmong(id, own);
    if (targeted.length === 0) throw new OutOfScopeException();
    return { survey, enterpriseIds: targeted.map((t) => t.enterpriseId) };
  }

  async questions(surveyId: number): Promise<QuestionView[]> {
    return (await this.surveys.questionsOf(surveyId)).map(questionView);
  }

  async create(actor: Actor, dto: SurveyDto): Promise<Survey> {
    this.checkPeriod(dto);
    return this.surveys.insert({
      title: dto.title.trim(),
      description: dto.description?.trim() || null,
      opensOn: dto.opensOn,
      closesOn: dto.closesOn,
      status: SurveyStatus.Draft,
      ownerRole: actor.has(Role.FederationAdmin) ? Role.FederationAdmin : Role.DepartmentViewer,
      createdBy: actor.userId,
      publishedAt: null,
    });
  }

  async update(actor: Actor, id: number, dto: SurveyDto): Promise<void> {
    await this.draft(actor, id);
    this.checkPeriod(dto);
    await this.surveys.update(id, {
      title: dto.title.trim(),
      description: dto.description?.trim() || null,
      opensOn: dto.opensOn,
      closesOn: dto.closesOn,
    });
  }

  async addQuestion(actor: Actor, id: number, dto: SurveyQuestionDto): Promise<QuestionView> {
    await this.draft(actor, id);
    const text = dto.text.trim();
    if (!text) throw FormError.field('text', 'validation.required');
    let choices: string[] = [];
    if (dto.kind === QuestionKind.Single || dto.kind === QuestionKind.Multiple) {
      choices = parseChoices(dto.choices);
      if (choices.length < MIN_CHOICES || choices.length > MAX_CHOICES)
        throw FormError.field('choices', 'surveys.error.choiceCount', { min: MIN_CHOICES, max: MAX_CHOICES });
      if (choices.some((c) => c.length > CHOICE_MAX_LENGTH))
        throw FormError.field('choices', 'validation.maxLength', { max: CHOICE_MAX_LENGTH });
    }
    const scale = dto.kind === QuestionKind.Scale;
    const saved = await this.surveys.addQuestion({
      surveyId: id,
      kind: dto.kind,
      text,
      options: choices.length > 0 ? JSON.stringify(choices) : null,
      lowLabel: scale ? dto.lowLabel?.trim() || null : null,
      highLabel: scale ? dto.highLabel?.trim() || null : null,
      required: !dto.optional,
    });
    const all = await this.surveys.questionsOf(id);
    return questionView(
      saved,
      all.findIndex((q) => q.id === saved.id),
    );
  }

  async deleteQuestion(actor: Actor, id: number, questionId: number): Promise<void> {
    await this.draft(actor, id);
    if (!(await this.surveys.deleteQuestion(id, questionId))) throw new OutOfScopeException();
  }

  /** Sets whom a draft asks. Enterprises must be within the author's scope; communes in force today. */
  async setTargets(actor: Actor, id: number, dto: SurveyTargetsDto, today = todayInVietnam()): Promise<void> {
    await this.draft(actor, id);
    const scope = await this.scopes.scopeOf(actor, ...authorRoles(actor));
    const enterpriseIds = [...new Set(dto.enterpriseIds)];
    for (const enterpriseId of enterpriseIds)
      if (!(await this.enterprises.isInScope(enterpriseId, scope)))
        throw FormError.field('enterpriseIds', 'surveys.error.enterpriseOutOfScope');
    const unitIds = [...new Set(dto.unitIds)];
    const communes = new Set((await this.communes(today)).map((u) => u.id));
    if (unitIds.some((u) => !communes.has(u))) throw FormError.field('unitIds', 'surveys.error.notACommune');
    await this.surveys.replaceTargets(id, [
      ...enterpriseIds.map((targetId) => ({ kind: TargetKind.Enterprise, targetId })),
      ...unitIds.map((targetId) => ({ kind: TargetKind.Commune, targetId })),
    ]);
  }

  async targets(id: number): Promise<{ enterpriseIds: number[]; unitIds: number[] }> {
    const targets = await this.surveys.targetsOf(id);
    return {
      enterpriseIds: targets.filter((t) => t.kind === TargetKind.Enterprise).map((t) => t.targetId),
      unitIds: targets.filter((t) => t.kind === TargetKind.Commune).map((t) => t.targetId),
    };
  }

  /** Communes (lowest-level units) in force on the day, by name. */
  async communes(today = todayInVietnam()): Promise<{ id: number; name: string }[]> {
    return (await this.units.unitsInForceOn(today))
      .filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind))
      .map((u) => ({ id: u.id, name: u.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** Enterprises the author may aim at, matching a search. */
  async enterpriseChoices(actor: Actor, q: string | undefined, size: number) {
    const page = await this.enterprises.page(actor, Object.assign(new EnterpriseApiQuery(), { q, size }));
    return page.items.map((e) => ({ id: e.id, name: e.name, taxCode: e.taxCode, unitName: e.unitName }));
  }

  /**
   * Publishes a draft: it needs a question, a last day not past, and targets that mean at least
   * one enterprise within the author's scope today (a commune means the enterprises located in it).
   */
  async publish(actor: Actor, id: number, today = todayInVietnam(), at = new Date()): Promise<number> {
    const survey = await this.draft(actor, id);
    if ((await this.surveys.questionsOf(id)).length === 0)
      throw new FormError({}, { key: 'surveys.error.noQuestion' });
    if (survey.closesOn < today) throw new FormError({}, { key: 'surveys.error.closesInPast' });
    const enterprises = await this.resolveTargets(actor, id);
    if (enterprises.size === 0) throw new FormError({}, { key: 'surveys.error.noTarget' });
    const rows = [...enterprises].map(([enterpriseId, unitId]) => ({ enterpriseId, unitId }));
    const published = await this.unitOfWork.run((tx) => this.surveys.publish(tx, id, rows, at));
    if (!published) throw new FormError({}, { key: 'surveys.error.notDraft' });
    return rows.length;
  }

  /** Ends a published survey before its last day; answers stop. */
  async close(actor: Actor, id: number): Promise<void> {
    const survey = await this.authored(actor, id);
    if (survey.status !== SurveyStatus.Published) throw new FormError({}, { key: 'surveys.error.notOpen' });
    await this.surveys.update(id, { status: SurveyStatus.Closed });
  }

  /** enterprise id → its unit, for the survey's targets, within the author's scope. */
  private async resolveTargets(actor: Actor, id: number): Promise<Map<number, number>> {
    const scope = await this.scopes.scopeOf(actor, ...authorRoles(actor));
    const { enterpriseIds, unitIds } = await this.targets(id);
    const found = new Map<number, number>();
    for (const enterpriseId of enterpriseIds) {
      const enterprise = await this.enterprises.findById(enterpriseId);
      if (enterprise && (await this.enterprises.isInScope(enterpriseId, scope)))
        found.set(enterprise.id, enterprise.unitId);
    }
    for (const unitId of unitIds) {
      // The enterprises a viewer of the commune reaches: located in it, or in a unit mapped into it.
      const commune = new Actor(0, '', [
        { role: Role.DepartmentViewer, scopeType: ScopeType.Unit, scopeId: unitId },
      ]);
      for await (const e of this.enterprises.rows(commune, new EnterpriseApiQuery()))
        if (scope.all || (await this.enterprises.isInScope(e.id, scope))) found.set(e.id, e.unitId);
    }
    return found;
  }

  private async draft(actor: Actor, id: number): Promise<Survey> {
    const survey = await this.authored(actor, id);
    if (survey.status !== SurveyStatus.Draft) throw new FormError({}, { key: 'surveys.error.notDraft' });
    return survey;
  }

  private checkPeriod(dto: SurveyDto): void {
    if (dto.closesOn < dto.opensOn) throw FormError.field('closesOn', 'surveys.error.closesBeforeOpens');
  }
}

/** The roles under which the actor builds surveys (for their scope). */
function authorRoles(actor: Actor): Role[] {
  return actor.has(Role.FederationAdmin) ? [Role.FederationAdmin] : [Role.DepartmentViewer];
}
