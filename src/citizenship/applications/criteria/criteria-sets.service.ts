import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Actor } from '../../../common/access/actor';
import { Role, ScopeType } from '../../../common/access/roles';
import { FieldErrors, FormError } from '../../../common/errors/form-error';
import {
  Transaction,
  TransactionConflict,
  UnitOfWork,
  isUniqueViolation,
} from '../../../database/unit-of-work';
import { LearningRecordsService } from '../../../learning-records/learning-records.service';
import { BranchesService } from '../../../organisations/branches.service';
import { CriteriaSet, CriteriaSetStatus, EvidenceKind } from '../../entities/criteria-set.entity';
import { SetSnapshot } from '../evaluation/evaluate';
import {
  buildRule,
  ContentProblem,
  contentProblems,
  copyContent,
  CriteriaContent,
  CriterionContent,
  GroupContent,
  sortContent,
  totalPoints,
} from './criteria-content';
import { CriteriaSetsRepository, CriteriaVersionRow } from './criteria-sets.repository';
import {
  CriteriaContentDto,
  CriteriaGroupDto,
  CriteriaSettingsDto,
  CriterionFormDto,
} from './dto/criteria.dto';

/** An ACTIVE or RETIRED version is read-only: it may be in use by evaluations and recognitions. */
export class CriteriaReadOnly extends FormError {
  constructor() {
    super({}, { key: 'citizenship.criteria.error.readOnly' });
  }
}

/**
 * A criteria set belongs to the association branch that issues the title with it: only that
 * branch's reviewers create its versions, edit its drafts and activate them. Others read it.
 */
export class CriteriaNotOwned extends ForbiddenException {
  constructor() {
    super('criteria set of another branch');
  }
}

/** A branch that owns a criteria set. */
export interface CriteriaOwner {
  id: number;
  name: string;
}

export interface CriteriaSetDetail {
  set: CriteriaSet;
  /** The branches whose reviewers may change it (one, or the top-level ones for the reference set). */
  owners: CriteriaOwner[];
  content: CriteriaContent;
  totalPoints: number;
  /** What keeps a draft from being activated; empty for active and retired versions. */
  problems: ContentProblem[];
}

/** One code with its versions, newest first. */
export interface CriteriaCode {
  code: string;
  versions: CriteriaVersionRow[];
  active: CriteriaVersionRow | null;
  draft: CriteriaVersionRow | null;
  /** The caller may create versions of this code, edit its draft and activate it. */
  canWrite: boolean;
}

/**
 * The learning-citizen criteria as versioned data. Only a DRAFT is edited; "new version" copies the
 * active version of a code into a draft, and activating the draft retires the previous version in the
 * same transaction. Versions that are or were active are never changed, so every evaluation and
 * recognition keeps meaning what it meant.
 */
@Injectable()
export class CriteriaSetsService {
  private readonly logger = new Logger(CriteriaSetsService.name);

  constructor(
    private readonly sets: CriteriaSetsRepository,
    private readonly records: LearningRecordsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly branches: BranchesService,
  ) {}

  async list(actor: Actor): Promise<CriteriaCode[]> {
    const rows = await this.sets.list();
    const codes = [...new Set(rows.map((r) => r.code))];
    return Promise.all(
      codes.map(async (code) => {
        const versions = rows.filter((r) => r.code === code);
        return {
          code,
          versions,
          active: versions.find((v) => v.status === CriteriaSetStatus.Active) ?? null,
          draft: versions.find((v) => v.status === CriteriaSetStatus.Draft) ?? null,
          // Every version of a code has its owner (a new version keeps it).
          canWrite: await this.canWrite(actor, versions[0]),
        };
      }),
    );
  }

  async get(id: number): Promise<CriteriaSetDetail> {
    const set = await this.sets.findById(id);
    if (!set) throw new NotFoundException();
    const content = await this.sets.contentOf(set);
    const problems =
      set.status === CriteriaSetStatus.Draft ? contentProblems(content, await this.knownDomains()) : [];
    const owners = (await this.owners(set)).map((b) => ({ id: b.id, name: b.name }));
    return { set, owners, content, totalPoints: totalPoints(content), problems };
  }

  /**
   * Whether the actor may create versions of the set, edit its draft and activate it: a reviewer of
   * a branch that owns it. Reading is for every criteria reader.
   */
  async canWrite(actor: Actor | undefined, set: Pick<CriteriaSet, 'branchId'>): Promise<boolean> {
    if (!actor?.has(Role.AssociationReviewer)) return false;
    if (actor.reachesAll(Role.AssociationReviewer)) return true;
    const mine = actor.scopeIds(ScopeType.Branch, Role.AssociationReviewer);
    return (await this.owners(set)).some((b) => mine.includes(b.id));
  }

  /** The set's own branch, or for the reference criteria (no branch) the province's association. */
  private async owners(set: Pick<CriteriaSet, 'branchId'>) {
    return set.branchId !== null ? this.branches.findByIds([set.branchId]) : this.branches.topLevel();
  }

  /** The set, if the actor may change it: 404 when there is none, 403 when another branch owns it. */
  private async writable(actor: Actor, id: number): Promise<CriteriaSet> {
    const set = await this.sets.findById(id);
    if (!set) throw new NotFoundException();
    if (!(await this.canWrite(actor, set))) throw new CriteriaNotOwned();
    return set;
  }

  /** The version new registrations and evaluations use, or null before any is active. */
  active(): Promise<CriteriaSet | null> {
    return this.sets.findActive();
  }

  async activeSnapshot(): Promise<SetSnapshot | null> {
    const set = await this.sets.findActive();
    return set ? this.sets.snapshotOf(set) : null;
  }

  async snapshot(id: number): Promise<SetSnapshot> {
    const set = await this.sets.findById(id);
    if (!set) throw new NotFoundException();
    return this.sets.snapshotOf(set);
  }

  /**
   * A new draft version of the code of version `fromId`, copied from the code's active version (or
   * its newest one). When the code already has a draft, that draft is returned: pressing the button
   * twice makes one draft.
   */
  async createDraft(actor: Actor, fromId: number): Promise<CriteriaSet> {
    const from = await this.writable(actor, fromId);
    try {
      return await this.unitOfWork.run(async (manager) => {
        const draft = await this.sets.findOfCode(from.code, CriteriaSetStatus.Draft, manager);
        if (draft) return draft;
        const source =
          (await this.sets.findOfCode(from.code, CriteriaSetStatus.Active, manager)) ??
          (await this.sets.findLatestOfCode(from.code, manager))!;
        const latest = (await this.sets.findLatestOfCode(from.code, manager))!;
        const content = copyContent(await this.sets.contentOf(source, manager));
        try {
          return await this.sets.insertVersion(
            manager,
            {
              code: from.code,
              version: latest.version + 1,
              status: CriteriaSetStatus.Draft,
              createdBy: actor.userId,
              branchId: source.branchId,
            },
            content,
          );
        } catch (error) {
          // Another click made the draft a moment ago: run again and find it.
          if (isUniqueViolation(error)) throw new TransactionConflict('criteria draft created concurrently');
          throw error;
        }
      });
    } catch (error) {
      if (error instanceof TransactionConflict) {
        const draft = await this.unitOfWork.run((m) =>
          this.sets.findOfCode(from.code, CriteriaSetStatus.Draft, m),
        );
        if (draft) return draft;
      }
      throw error;
    }
  }

  /** Replaces a draft's whole content (the API); refused with every problem when it is not consistent. */
  async updateDraft(actor: Actor, id: number, dto: CriteriaContentDto): Promise<CriteriaSetDetail> {
    await this.writable(actor, id);
    const known = await this.knownDomains();
    const errors: FieldErrors = {};
    const content: CriteriaContent = {
      title: dto.title,
      sourceNote: dto.sourceNote ?? null,
      passMark: dto.passMark,
      groups: dto.groups.map((g, gi) => ({
        code: g.code,
        name: g.name,
        minPoints: g.minPoints ?? null,
        criteria: g.criteria.map((c, ci) => {
          let rule: CriterionContent['rule'] = null;
          if (c.evidence === EvidenceKind.Automatic) {
            const built = buildRule(c.rule ?? {}, known);
            if ('problem' in built)
              errors[`groups.${gi}.criteria.${ci}.rule.${built.problem.param}`] = built.problem.ref;
            else rule = built.rule;
          }
          return {
            code: c.code,
            title: c.title,
            description: c.description ?? null,
            points: c.points,
            evidence: c.evidence,
            rule,
          };
        }),
      })),
    };
    for (const problem of contentProblems(content, known)) errors[problem.field] ??= problem.ref;
    if (Object.keys(errors).length > 0) throw new FormError(errors);
    await this.edit(actor, id, () => content);
    this.logger.log({ event: 'criteria_draft_saved', setId: id, userId: actor.userId });
    return this.get(id);
  }

  /** Title, pass mark and source note. A pass mark above the criteria's total points is refused. */
  async updateSettings(actor: Actor, id: number, dto: CriteriaSettingsDto): Promise<void> {
    await this.edit(
      actor,
      id,
      (content) => ({
        ...content,
        title: dto.title,
        passMark: dto.passMark,
        sourceNote: dto.sourceNote ?? null,
      }),
      (field) => (field === 'passMark' ? 'passMark' : null),
    );
  }

  /** Adds a group (originalCode null) or changes one; its criteria follow a new code. */
  async saveGroup(
    actor: Actor,
    id: number,
    originalCode: string | null,
    dto: CriteriaGroupDto,
  ): Promise<void> {
    await this.edit(
      actor,
      id,
      (content) => {
        const group: GroupContent = {
          code: dto.code,
          name: dto.name,
          minPoints: dto.minPoints ?? null,
          criteria: [],
        };
        if (content.groups.some((g) => g.code === dto.code && g.code !== originalCode))
          throw FormError.field('code', 'citizenship.criteria.error.groupCodeTaken', { code: dto.code });
        if (originalCode === null) return { ...content, groups: [...content.groups, group] };
        const existing = content.groups.find((g) => g.code === originalCode);
        if (!existing) throw new NotFoundException();
        return {
          ...content,
          groups: content.groups.map((g) => (g === existing ? { ...group, criteria: existing.criteria } : g)),
        };
      },
      (field, content) => {
        const at = /^groups\.(\d+)\.(code|name|minPoints)$/.exec(field);
        return at && content.groups[Number(at[1])]?.code === dto.code ? at[2] : null;
      },
    );
  }

  /** Removes an empty group; a group that still has criteria is refused. */
  async deleteGroup(actor: Actor, id: number, code: string): Promise<void> {
    await this.edit(actor, id, (content) => {
      const group = content.groups.find((g) => g.code === code);
      if (!group) throw new NotFoundException();
      if (group.criteria.length > 0)
        throw new FormError(
          {},
          { key: 'citizenship.criteria.error.groupNotEmpty', params: { group: group.name } },
        );
      return { ...content, groups: content.groups.filter((g) => g !== group) };
    });
  }

  /** Adds a criterion (originalCode null) or changes one, moving it to another group if asked. */
  async saveCriterion(
    actor: Actor,
    id: number,
    originalCode: string | null,
    dto: CriterionFormDto,
  ): Promise<void> {
    await this.writable(actor, id);
    const known = await this.knownDomains();
    let rule: CriterionContent['rule'] = null;
    if (dto.evidence === EvidenceKind.Automatic) {
      const built = buildRule(
        {
          type: dto.ruleType,
          domain: dto.domain,
          minRecords: dto.minRecords,
          minHours: dto.minHours,
          kinds: dto.kinds,
          minSessions: dto.minSessions,
        },
        known,
      );
      if ('problem' in built)
        throw FormError.field(
          ruleField(built.problem.param),
          built.problem.ref.key,
          built.problem.ref.params,
        );
      rule = built.rule;
    }
    const criterion: CriterionContent = {
      code: dto.code,
      title: dto.title,
      description: dto.description ?? null,
      points: dto.points,
      evidence: dto.evidence,
      rule,
    };
    await this.edit(
      actor,
      id,
      (content) => {
        if (!content.groups.some((g) => g.code === dto.groupCode))
          throw FormError.field('groupCode', 'citizenship.criteria.error.unknownGroup');
        if (
          originalCode !== null &&
          !content.groups.some((g) => g.criteria.some((c) => c.code === originalCode))
        )
          throw new NotFoundException();
        if (
          content.groups.some((g) => g.criteria.some((c) => c.code === dto.code && c.code !== originalCode))
        )
          throw FormError.field('code', 'citizenship.criteria.error.codeTaken', { code: dto.code });
        return {
          ...content,
          groups: content.groups.map((g) => {
            const kept = g.criteria.filter((c) => c.code !== originalCode);
            return { ...g, criteria: g.code === dto.groupCode ? [...kept, criterion] : kept };
          }),
        };
      },
      (field, content) => {
        const at = /^groups\.(\d+)\.criteria\.(\d+)\.(code|title|points|rule|evidence)$/.exec(field);
        if (!at) return null;
        const c = content.groups[Number(at[1])]?.criteria[Number(at[2])];
        return c === criterion ? (at[3] === 'rule' ? 'ruleType' : at[3]) : null;
      },
    );
  }

  async deleteCriterion(actor: Actor, id: number, code: string): Promise<void> {
    await this.edit(actor, id, (content) => {
      if (!content.groups.some((g) => g.criteria.some((c) => c.code === code))) throw new NotFoundException();
      return {
        ...content,
        groups: content.groups.map((g) => ({ ...g, criteria: g.criteria.filter((c) => c.code !== code) })),
      };
    });
  }

  /**
   * Makes a consistent draft the version in force and retires the previous one of its code, in one
   * transaction. The activated version records who activated it and when.
   */
  async activate(actor: Actor, id: number, now = new Date()): Promise<CriteriaSet> {
    await this.writable(actor, id);
    const known = await this.knownDomains();
    const set = await this.unitOfWork.run(async (manager) => {
      const draft = await this.lockedDraft(manager, id);
      const problems = contentProblems(await this.sets.contentOf(draft, manager), known);
      if (problems.length > 0)
        throw new FormError(Object.fromEntries(problems.map((p) => [p.field, p.ref])), {
          key: 'citizenship.criteria.error.cannotActivate',
        });
      if (!(await this.sets.activate(manager, id, draft.code, actor.userId, now)))
        throw new CriteriaReadOnly();
      return (await this.sets.findById(id, manager))!;
    });
    this.logger.log({
      event: 'criteria_activated',
      setId: id,
      code: set.code,
      version: set.version,
      userId: actor.userId,
    });
    return set;
  }

  /** Throws a draft away (a version never activated was never used). */
  async discardDraft(actor: Actor, id: number): Promise<void> {
    await this.writable(actor, id);
    await this.unitOfWork.run(async (manager) => {
      await this.lockedDraft(manager, id);
      await this.sets.deleteDraft(manager, id);
    });
    this.logger.log({ event: 'criteria_draft_discarded', setId: id, userId: actor.userId });
  }

  /**
   * Changes a draft in one transaction. `formField` maps a problem of the changed content to the
   * form field it belongs to; such problems refuse the change. Other problems (e.g. a pass mark now
   * above the total after points were lowered) are kept and listed on the draft's page, where they
   * block activation.
   */
  private async edit(
    actor: Actor,
    id: number,
    change: (content: CriteriaContent) => CriteriaContent,
    formField: (field: string, content: CriteriaContent) => string | null = () => null,
  ): Promise<void> {
    // Ownership never changes, so it is checked once, before the transaction.
    await this.writable(actor, id);
    const known = await this.knownDomains();
    await this.unitOfWork.run(async (manager) => {
      const draft = await this.lockedDraft(manager, id);
      const changed = sortContent(change(await this.sets.contentOf(draft, manager)));
      const errors: FieldErrors = {};
      for (const problem of contentProblems(changed, known)) {
        const field = formField(problem.field, changed);
        if (field) errors[field] ??= problem.ref;
      }
      if (Object.keys(errors).length > 0) throw new FormError(errors);
      await this.sets.replaceContent(manager, id, changed);
    });
  }

  private async lockedDraft(manager: Transaction, id: number): Promise<CriteriaSet> {
    const set = await this.sets.findById(id, manager);
    if (!set) throw new NotFoundException();
    if (set.status !== CriteriaSetStatus.Draft || !(await this.sets.lockDraft(manager, id)))
      throw new CriteriaReadOnly();
    return set;
  }

  private async knownDomains(): Promise<string[]> {
    return (await this.records.domains()).map((d) => d.code);
  }
}

/** The form field of a rule parameter. */
function ruleField(param: string): string {
  return param === 'type' ? 'ruleType' : param;
}
