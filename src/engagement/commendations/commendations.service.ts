import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { AuditLog } from '../../audit/audit-log.service';
import { Transaction, UnitOfWork } from '../../database/unit-of-work';
import { StoredFile } from '../../files/entities/stored-file.entity';
import { TempUpload } from '../../files/file-upload';
import { FileKind } from '../../files/file-kinds';
import { FilesService } from '../../files/files.service';
import { NoticesService } from '../../notices/notices.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { NOMINATION_READERS, OWNER_EVIDENCE } from './commendations.access';
import { CommendationRow, CommendationsRepository } from './commendations.repository';
import { Decision, DecisionDto, NominationDto, NominationEditDto } from './dto/commendation.dto';
import { Commendation, CommendationKind, CommendationStatus } from './entities/commendation.entity';

export const EVIDENCE_KINDS: readonly FileKind[] = [
  FileKind.Pdf,
  FileKind.Docx,
  FileKind.Png,
  FileKind.Jpeg,
  FileKind.Webp,
];

/** A nomination as lists, the honour roll and the API show it: names, never CCCD or date of birth. */
export interface NominationView {
  id: number;
  year: number;
  kind: CommendationKind;
  status: CommendationStatus;
  enterpriseId: number;
  enterpriseName: string;
  unitId: number | null;
  unitName: string | null;
  workerId: number;
  /** The worker's name; for a child, the parent's. */
  workerName: string;
  /** Who is honoured: the worker, or the child. */
  honoureeName: string;
  childBirthYear: number | null;
  childSchool: string | null;
  achievement: string;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** What the honour roll shows of an approved commendation. */
export interface HonourRollEntry {
  kind: CommendationKind;
  honoureeName: string;
  workerName: string;
  childSchool: string | null;
  enterpriseName: string;
  unitName: string | null;
  achievement: string;
}

/**
 * Commendations (issue 15, item 4): a union officer nominates a worker of their roster, or a
 * worker's child, for a year with achievements and evidence files; the federation admin approves,
 * or declines with a reason; the nominating officer is told and sees the decision. Nominations and
 * their files are visible only to officers of the enterprise and the federation (404 to anyone
 * else); approved ones are on the honour roll every signed-in user can read.
 */
@Injectable()
export class CommendationsService {
  constructor(
    private readonly repo: CommendationsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprisesService: EnterprisesService,
    private readonly workforce: Workforce,
    private readonly workers: WorkersService,
    private readonly files: FilesService,
    private readonly notices: NoticesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  /** The enterprises the actor nominates for (an officer's own), by name. */
  async enterprises(actor: Actor): Promise<{ id: number; name: string }[]> {
    const ids = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    const names = await this.enterprisesService.namesOf(ids);
    return ids
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)!.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** Workers employed today at the enterprise, by name (an optional name fragment), for the form. */
  async roster(enterpriseId: number, q: string | undefined, size: number) {
    const [members] = await this.workforce.page(enterpriseId, todayInVietnam(), q, 0, size);
    return members;
  }

  /**
   * Nominates: the worker must be employed at the officer's enterprise today; a child needs a name;
   * a worker has one open nomination for themselves per year. The evidence file, when sent, is kept
   * in the same transaction as the nomination: a refused file saves nothing.
   */
  async nominate(actor: Actor, dto: NominationDto, upload?: TempUpload): Promise<Commendation> {
    const own = await this.enterprises(actor);
    if (own.length === 0) throw new ForbiddenException();
    const enterpriseId = dto.enterpriseId ?? (own.length === 1 ? own[0].id : undefined);
    if (enterpriseId === undefined) throw FormError.field('enterpriseId', 'validation.required');
    if (!own.some((e) => e.id === enterpriseId)) throw new OutOfScopeException();
    const employed = await this.workforce.employedAmong(enterpriseId, todayInVietnam(), [dto.workerId]);
    if (!employed.has(dto.workerId)) throw FormError.field('workerId', 'commendations.notOnRoster');
    const child = dto.kind === CommendationKind.Child;
    const childName = dto.childName?.trim() || null;
    if (child && !childName) throw FormError.field('childName', 'commendations.childNameRequired');
    if (!child && (await this.repo.findOpenOfWorker(dto.workerId, dto.year)))
      throw FormError.field('workerId', 'commendations.alreadyNominated', { year: dto.year });
    const row: Partial<Commendation> = {
      year: dto.year,
      kind: dto.kind,
      enterpriseId,
      workerId: dto.workerId,
      childName: child ? childName : null,
      childBirthYear: child ? (dto.childBirthYear ?? null) : null,
      childSchool: child ? dto.childSchool?.trim() || null : null,
      achievement: dto.achievement.trim(),
      status: CommendationStatus.Pending,
      nominatedBy: actor.userId,
    };
    if (!upload) return this.unitOfWork.run((manager) => this.repo.insert(manager, row));
    let created: Commendation | undefined;
    await this.files.store(upload, this.storeOptions(actor), async (file, manager) => {
      created = await this.repo.insert(manager, row);
      await this.repo.addFile(manager, created.id, file.id);
      await this.files.setOwner(file.id, created.id, manager);
    });
    return created!;
  }

  /** Adds an evidence file to a pending nomination of the officer's enterprise. */
  async addEvidence(actor: Actor, id: number, upload: TempUpload | undefined): Promise<StoredFile> {
    await this.editable(actor, id);
    return this.files.store(upload, { ...this.storeOptions(actor), ownerId: id }, (file, manager) =>
      this.attachEvidence(actor, manager, id, file.id),
    );
  }

  /**
   * Edits a pending nomination: the achievement and, for a child, the child's details; with `upload`,
   * an evidence file is added in the same transaction. `whole` (the page's form, which sends every
   * field) clears the child's optional details left empty; the API changes only what it sends.
   * Refused once the nomination is decided: the federation's decision stays tied to what it saw.
   */
  async edit(
    actor: Actor,
    id: number,
    dto: NominationEditDto,
    options: { whole?: boolean; upload?: TempUpload } = {},
  ): Promise<Commendation> {
    const current = await this.editable(actor, id);
    const changes = nominationChanges(current, dto, options.whole ?? false);
    const fields = (Object.keys(changes) as (keyof Commendation)[]).filter((f) => changes[f] !== current[f]);
    const save = async (manager: Transaction) => {
      if (!(await this.repo.updatePending(manager, id, pick(changes, fields)))) throw notEditable();
      if (fields.length > 0)
        await this.audit.write(
          actor,
          {
            action: 'commendation.edited',
            subjectType: 'commendation',
            subjectId: id,
            // Which fields only: their values are personal data that anonymisation must be able to
            // forget, and the audit trail is never rewritten.
            details: { fields: fields.join(', ') },
          },
          manager,
        );
    };
    if (options.upload)
      await this.files.store(
        options.upload,
        { ...this.storeOptions(actor), ownerId: id },
        async (file, manager) => {
          await save(manager);
          await this.attachEvidence(actor, manager, id, file.id);
        },
      );
    else if (fields.length > 0) await this.unitOfWork.run(save);
    return (await this.repo.findById(id))!;
  }

  /** Removes an evidence file from a pending nomination: its link and row, then its bytes after commit. */
  async removeEvidence(actor: Actor, id: number, fileId: number): Promise<void> {
    await this.editable(actor, id);
    const ids = await this.repo.fileIdsOf(id);
    const file = ids.includes(fileId) ? await this.files.findById(fileId) : null;
    if (!file) throw new OutOfScopeException();
    await this.files.remove([file], async (manager) => {
      if (!(await this.repo.updatePending(manager, id, {}))) throw notEditable();
      await this.repo.removeFile(manager, id, fileId);
      await this.audit.write(
        actor,
        {
          action: 'commendation.evidence.removed',
          subjectType: 'commendation',
          subjectId: id,
          details: { fileId },
        },
        manager,
      );
    });
  }

  /**
   * A nomination the actor may edit: of an enterprise they nominate for (404 otherwise, as for one
   * they cannot read — an officer whose scope no longer has the enterprise included), and pending
   * (a clear refusal once it is decided).
   */
  async editable(actor: Actor, id: number): Promise<Commendation> {
    const commendation = await this.get(actor, id);
    const own = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    if (!own.includes(commendation.enterpriseId)) throw new OutOfScopeException();
    if (commendation.status !== CommendationStatus.Pending) throw notEditable();
    return commendation;
  }

  private async attachEvidence(actor: Actor, manager: Transaction, id: number, fileId: number) {
    if (!(await this.repo.updatePending(manager, id, {}))) throw notEditable();
    await this.repo.addFile(manager, id, fileId);
    await this.audit.write(
      actor,
      {
        action: 'commendation.evidence.added',
        subjectType: 'commendation',
        subjectId: id,
        details: { fileId },
      },
      manager,
    );
  }

  /** A nomination the actor may read; 404 outside their scope. */
  async get(actor: Actor, id: number): Promise<Commendation> {
    const found = await this.repo.findInScope(id, await this.readScope(actor));
    if (!found) throw new OutOfScopeException();
    return found;
  }

  async detail(actor: Actor, id: number): Promise<{ nomination: NominationView; files: StoredFile[] }> {
    const commendation = await this.get(actor, id);
    const [view] = await this.views([
      {
        commendation,
        enterpriseName: (await this.enterprisesService.namesOf([commendation.enterpriseId])).get(
          commendation.enterpriseId,
        )!.name,
        unitId: null,
        unitName: null,
      },
    ]);
    return { nomination: view, files: await this.files.findByIds(await this.repo.fileIdsOf(id)) };
  }

  /** An evidence file of a nomination the actor may read; 404 for anything else. */
  async evidence(actor: Actor, id: number, fileId: number): Promise<StoredFile> {
    await this.get(actor, id);
    const ids = await this.repo.fileIdsOf(id);
    const file = ids.includes(fileId) ? await this.files.findById(fileId) : null;
    if (!file) throw new OutOfScopeException();
    return file;
  }

  /** Nominations in the actor's scope, optionally of a year and a status. */
  async list(
    actor: Actor,
    filter: { year?: number; status?: CommendationStatus },
  ): Promise<NominationView[]> {
    return this.views(await this.repo.list(await this.readScope(actor), filter));
  }

  /**
   * The federation's decision on a pending nomination: approved, or declined with a reason. The
   * officer who nominated is told. A decided nomination is not decided again.
   */
  async decide(actor: Actor, id: number, dto: DecisionDto): Promise<Commendation> {
    if (!actor.has(Role.FederationAdmin)) throw new ForbiddenException();
    const commendation = await this.get(actor, id);
    const reason = dto.reason?.trim() || null;
    if (dto.decision === Decision.Decline && !reason)
      throw FormError.field('reason', 'commendations.reasonRequired');
    if (commendation.status !== CommendationStatus.Pending)
      throw FormError.field('decision', 'commendations.alreadyDecided');
    const status =
      dto.decision === Decision.Approve ? CommendationStatus.Approved : CommendationStatus.Declined;
    await this.unitOfWork.run(async (manager) => {
      if (!(await this.repo.decide(manager, id, status, reason, actor.userId, new Date())))
        throw FormError.field('decision', 'commendations.alreadyDecided');
      await this.notices.notifyMany(manager, [
        {
          userId: commendation.nominatedBy,
          messageKey: `commendations.notice.${status}`,
          params: { year: commendation.year },
          link: `/engagement/commendations/${id}`,
          dedupeKey: `commendation-decided:${id}`,
        },
      ]);
    });
    return (await this.repo.findById(id))!;
  }

  /** Approved commendations of a year, in the province or in one unit's subtree (names, no identity numbers). */
  async honourRoll(year: number, unitId: number | null): Promise<HonourRollEntry[]> {
    const scope: EnterpriseScope =
      unitId === null
        ? { all: true, enterpriseIds: [], unitPaths: [] }
        : { all: false, enterpriseIds: [], unitPaths: await this.scopes.subtreePaths([unitId]) };
    const views = await this.views(
      await this.repo.list(scope, { year, status: CommendationStatus.Approved }),
    );
    return views.map((v) => ({
      kind: v.kind,
      honoureeName: v.honoureeName,
      workerName: v.workerName,
      childSchool: v.childSchool,
      enterpriseName: v.enterpriseName,
      unitName: v.unitName,
      achievement: v.achievement,
    }));
  }

  /** The communes that have approved commendations in the year, for the honour roll's filter. */
  async honourRollUnits(year: number): Promise<{ id: number; name: string }[]> {
    const rows = await this.repo.list(
      { all: true, enterpriseIds: [], unitPaths: [] },
      { year, status: CommendationStatus.Approved },
    );
    const units = new Map<number, string>();
    for (const r of rows) if (r.unitId !== null && r.unitName) units.set(r.unitId, r.unitName);
    return [...units].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  private readScope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...NOMINATION_READERS);
  }

  private storeOptions(actor: Actor) {
    return {
      ownerType: OWNER_EVIDENCE,
      ownerId: 0,
      allowed: EVIDENCE_KINDS,
      uploadedBy: actor.userId,
      field: 'file',
    };
  }

  private async views(rows: CommendationRow[]): Promise<NominationView[]> {
    const names = await this.workers.namesOf(rows.map((r) => r.commendation.workerId));
    return rows.map(({ commendation: c, enterpriseName, unitId, unitName }) => {
      const workerName = names.get(c.workerId) ?? '';
      return {
        id: c.id,
        year: c.year,
        kind: c.kind,
        status: c.status,
        enterpriseId: c.enterpriseId,
        enterpriseName,
        unitId,
        unitName,
        workerId: c.workerId,
        workerName,
        honoureeName: c.kind === CommendationKind.Child ? (c.childName ?? '') : workerName,
        childBirthYear: c.childBirthYear,
        childSchool: c.childSchool,
        achievement: c.achievement,
        decisionReason: c.decisionReason,
        decidedAt: c.decidedAt,
        createdAt: c.createdAt,
      };
    });
  }
}

/** Said above the form and to the API as the answer's message: nothing on the form can fix it. */
const notEditable = () =>
  new FormError({ achievement: { key: 'commendations.notEditable' } }, { key: 'commendations.notEditable' });

function pick<T extends object>(row: Partial<T>, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Partial<T>;
}

/** The columns an edit sets (some may equal what is stored); child details only on a child's nomination. */
function nominationChanges(
  current: Commendation,
  dto: NominationEditDto,
  whole: boolean,
): Partial<Commendation> {
  const changes: Partial<Commendation> = {};
  if (dto.achievement !== undefined) {
    const achievement = dto.achievement.trim();
    if (!achievement) throw FormError.field('achievement', 'validation.required');
    changes.achievement = achievement;
  }
  const childFields = [dto.childName, dto.childBirthYear, dto.childSchool].some((v) => v !== undefined);
  if (current.kind !== CommendationKind.Child) {
    if (childFields) throw FormError.field('childName', 'commendations.childDetailsOfChild');
    return changes;
  }
  if (dto.childName !== undefined || whole) {
    const childName = dto.childName?.trim();
    if (!childName) throw FormError.field('childName', 'commendations.childNameRequired');
    changes.childName = childName;
  }
  if (dto.childBirthYear !== undefined || whole) changes.childBirthYear = dto.childBirthYear ?? null;
  if (dto.childSchool !== undefined || whole) changes.childSchool = dto.childSchool?.trim() || null;
  return changes;
}
