import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CriteriaGroup, CriteriaSet, CriteriaSetStatus, Criterion } from '../../entities/criteria-set.entity';
import { SetSnapshot } from '../evaluation/evaluate';
import { CriteriaContent, sortContent } from './criteria-content';

/** One version in the list of criteria sets. */
export interface CriteriaVersionRow {
  id: number;
  code: string;
  version: number;
  title: string;
  status: CriteriaSetStatus;
  passMark: number;
  totalPoints: number;
  criteriaCount: number;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
  /** The owning branch (null: the province's association). */
  branchId: number | null;
}

/** The fields of a version besides its content. */
export interface VersionHead {
  code: string;
  version: number;
  status: CriteriaSetStatus;
  createdBy: number | null;
  /** The owning branch; a new version keeps its code's. Null: the province's association. */
  branchId?: number | null;
  activatedAt?: Date | null;
  activatedBy?: number | null;
}

/**
 * Writes a version with its groups and criteria, positions following the codes. Shared by the
 * repository and the reference seed (which runs with a bare EntityManager).
 */
export async function insertCriteriaVersion(
  manager: EntityManager,
  head: VersionHead,
  content: CriteriaContent,
): Promise<CriteriaSet> {
  const set = await manager.getRepository(CriteriaSet).save(
    manager.getRepository(CriteriaSet).create({
      code: head.code,
      version: head.version,
      title: content.title,
      sourceNote: content.sourceNote,
      passMark: content.passMark,
      status: head.status,
      createdBy: head.createdBy,
      branchId: head.branchId ?? null,
      activatedAt: head.activatedAt ?? null,
      activatedBy: head.activatedBy ?? null,
      retiredAt: null,
    }),
  );
  await insertContent(manager, set.id, content);
  return set;
}

async function insertContent(manager: EntityManager, setId: number, content: CriteriaContent): Promise<void> {
  const groups = manager.getRepository(CriteriaGroup);
  const criteria = manager.getRepository(Criterion);
  for (const [g, group] of sortContent(content).groups.entries()) {
    const saved = await groups.save(
      groups.create({
        setId,
        position: g + 1,
        code: group.code,
        name: group.name,
        minPoints: group.minPoints,
      }),
    );
    if (group.criteria.length === 0) continue;
    await criteria.insert(
      group.criteria.map((c, i) => ({
        setId,
        groupId: saved.id,
        position: i + 1,
        code: c.code,
        title: c.title,
        description: c.description,
        points: c.points,
        evidence: c.evidence,
        rule: c.rule,
      })),
    );
  }
}

/** Criteria versions, their groups and criteria. */
@Injectable()
export class CriteriaSetsRepository {
  constructor(
    @InjectRepository(CriteriaSet) private readonly sets: Repository<CriteriaSet>,
    @InjectRepository(Criterion) private readonly criteria: Repository<Criterion>,
  ) {}

  /** Every version, newest first within each code, with its total points. */
  async list(): Promise<CriteriaVersionRow[]> {
    const rows = await this.sets
      .createQueryBuilder('s')
      .leftJoin(Criterion, 'c', 'c.set_id = s.id')
      .select([
        's.id AS id',
        's.code AS code',
        's.version AS version',
        's.title AS title',
        's.status AS status',
        's.pass_mark AS passMark',
        's.created_at AS createdAt',
        's.activated_at AS activatedAt',
        's.retired_at AS retiredAt',
        's.branch_id AS branchId',
        'COALESCE(SUM(c.points), 0) AS totalPoints',
        'COUNT(c.id) AS criteriaCount',
      ])
      .groupBy('s.id')
      .addGroupBy('s.code')
      .addGroupBy('s.version')
      .addGroupBy('s.title')
      .addGroupBy('s.status')
      .addGroupBy('s.pass_mark')
      .addGroupBy('s.created_at')
      .addGroupBy('s.activated_at')
      .addGroupBy('s.retired_at')
      .addGroupBy('s.branch_id')
      .orderBy('s.code', 'ASC')
      .addOrderBy('s.version', 'DESC')
      .getRawMany<Record<string, unknown>>();
    const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    return rows.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      version: Number(r.version),
      title: String(r.title),
      status: r.status as CriteriaSetStatus,
      passMark: Number(r.passMark),
      totalPoints: Number(r.totalPoints),
      criteriaCount: Number(r.criteriaCount),
      createdAt: date(r.createdAt)!,
      activatedAt: date(r.activatedAt),
      retiredAt: date(r.retiredAt),
      branchId: r.branchId === null || r.branchId === undefined ? null : Number(r.branchId),
    }));
  }

  findById(id: number, manager: EntityManager = this.sets.manager): Promise<CriteriaSet | null> {
    return manager.getRepository(CriteriaSet).findOne({ where: { id } });
  }

  findByIds(ids: number[]): Promise<CriteriaSet[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.sets.find({ where: { id: In(ids) } });
  }

  /**
   * The version evaluations and new registrations use: the ACTIVE one. Several codes could each have
   * an active version; then the one activated last wins.
   */
  findActive(manager: EntityManager = this.sets.manager): Promise<CriteriaSet | null> {
    return manager.getRepository(CriteriaSet).findOne({
      where: { status: CriteriaSetStatus.Active },
      order: { activatedAt: 'DESC', id: 'DESC' },
    });
  }

  findOfCode(code: string, status: CriteriaSetStatus, manager: EntityManager): Promise<CriteriaSet | null> {
    return manager
      .getRepository(CriteriaSet)
      .findOne({ where: { code, status }, order: { version: 'DESC' } });
  }

  /** The newest version of a code, whatever its status. */
  findLatestOfCode(code: string, manager: EntityManager): Promise<CriteriaSet | null> {
    return manager.getRepository(CriteriaSet).findOne({ where: { code }, order: { version: 'DESC' } });
  }

  /** A version's groups and criteria as content, in order. */
  async contentOf(set: CriteriaSet, manager: EntityManager = this.sets.manager): Promise<CriteriaContent> {
    const groups = await manager
      .getRepository(CriteriaGroup)
      .find({ where: { setId: set.id }, order: { position: 'ASC', id: 'ASC' } });
    const criteria = await manager
      .getRepository(Criterion)
      .find({ where: { setId: set.id }, order: { position: 'ASC', id: 'ASC' } });
    return {
      title: set.title,
      sourceNote: set.sourceNote,
      passMark: set.passMark,
      groups: groups.map((g) => ({
        code: g.code,
        name: g.name,
        minPoints: g.minPoints,
        criteria: criteria
          .filter((c) => c.groupId === g.id)
          .map((c) => ({
            code: c.code,
            title: c.title,
            description: c.description,
            points: c.points,
            evidence: c.evidence,
            rule: c.rule,
          })),
      })),
    };
  }

  /** The version as the evaluation engine reads it. */
  async snapshotOf(set: CriteriaSet, manager: EntityManager = this.sets.manager): Promise<SetSnapshot> {
    const content = await this.contentOf(set, manager);
    return {
      id: set.id,
      passMark: set.passMark,
      groups: content.groups.map((g) => ({
        code: g.code,
        name: g.name,
        minPoints: g.minPoints,
        criteria: g.criteria.map((c) => ({
          code: c.code,
          points: c.points,
          evidence: c.evidence,
          rule: c.rule,
        })),
      })),
    };
  }

  /** Codes and titles of the criteria of some versions, for pages that show old evaluations. */
  async criteriaOf(setIds: number[]): Promise<Criterion[]> {
    if (setIds.length === 0) return [];
    return this.criteria.find({ where: { setId: In(setIds) }, order: { position: 'ASC' } });
  }

  insertVersion(manager: EntityManager, head: VersionHead, content: CriteriaContent): Promise<CriteriaSet> {
    return insertCriteriaVersion(manager, head, content);
  }

  /**
   * Claims a draft for a change inside the caller's transaction: the row is locked and its status
   * read again, so an edit and an activation of the same version never interleave. False when the
   * version is not (or no longer) a draft.
   */
  async lockDraft(manager: EntityManager, id: number): Promise<boolean> {
    const result = await manager
      .getRepository(CriteriaSet)
      .update({ id, status: CriteriaSetStatus.Draft }, { updatedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Replaces a draft's settings, groups and criteria. */
  async replaceContent(manager: EntityManager, id: number, content: CriteriaContent): Promise<void> {
    await manager
      .getRepository(CriteriaSet)
      .update({ id }, { title: content.title, sourceNote: content.sourceNote, passMark: content.passMark });
    await manager.getRepository(Criterion).delete({ setId: id });
    await manager.getRepository(CriteriaGroup).delete({ setId: id });
    await insertContent(manager, id, content);
  }

  /** Retires the active version of a code (if any) and makes the draft active, in the caller's transaction. */
  async activate(manager: EntityManager, id: number, code: string, by: number, at: Date): Promise<boolean> {
    const repo = manager.getRepository(CriteriaSet);
    await repo.update(
      { code, status: CriteriaSetStatus.Active },
      { status: CriteriaSetStatus.Retired, retiredAt: at },
    );
    const result = await repo.update(
      { id, status: CriteriaSetStatus.Draft },
      { status: CriteriaSetStatus.Active, activatedAt: at, activatedBy: by },
    );
    return (result.affected ?? 0) > 0;
  }

  async deleteDraft(manager: EntityManager, id: number): Promise<void> {
    await manager.getRepository(Criterion).delete({ setId: id });
    await manager.getRepository(CriteriaGroup).delete({ setId: id });
    await manager.getRepository(CriteriaSet).delete({ id, status: CriteriaSetStatus.Draft });
  }
}
