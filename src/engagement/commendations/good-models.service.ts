import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { AuditLog } from '../../audit/audit-log.service';
import { Transaction, UnitOfWork } from '../../database/unit-of-work';
import { StoredFile } from '../../files/entities/stored-file.entity';
import { TempUpload } from '../../files/file-upload';
import { IMAGE_KINDS } from '../../files/file-kinds';
import { FilesService } from '../../files/files.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { OWNER_MODEL_IMAGE } from './commendations.access';
import { CommendationsRepository, GoodModelRow } from './commendations.repository';
import { GoodModelDto, GoodModelEditDto } from './dto/commendation.dto';
import { GoodModel, GoodModelStatus } from './entities/good-model.entity';

/** A good model as pages and the API show it. */
export interface GoodModelView {
  id: number;
  title: string;
  body: string;
  /** The body's paragraphs (blank lines apart), shown as text, never as HTML. */
  paragraphs: string[];
  enterpriseId: number;
  enterpriseName: string;
  status: GoodModelStatus;
  hasImage: boolean;
  publishedAt: Date | null;
}

/**
 * Good models ("mô hình tốt, cách làm hay"): an officer writes the story of their enterprise's
 * model (the federation may write one for any enterprise), with an optional photo; the federation
 * publishes it; published models are read by every signed-in user, drafts only by the federation
 * and the enterprise's officers.
 */
@Injectable()
export class GoodModelsService {
  constructor(
    private readonly repo: CommendationsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprisesService: EnterprisesService,
    private readonly files: FilesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async create(actor: Actor, dto: GoodModelDto, upload?: TempUpload): Promise<GoodModel> {
    const enterpriseId = await this.enterpriseFor(actor, dto.enterpriseId);
    const row: Partial<GoodModel> = {
      enterpriseId,
      title: dto.title.trim(),
      body: dto.body.trim(),
      status: GoodModelStatus.Draft,
      createdBy: actor.userId,
      imageFileId: null,
    };
    if (!upload) return this.unitOfWork.run((manager) => this.repo.saveModel(manager, row));
    let created: GoodModel | undefined;
    await this.files.store(
      upload,
      { ownerType: OWNER_MODEL_IMAGE, ownerId: 0, allowed: IMAGE_KINDS, uploadedBy: actor.userId },
      async (file, manager) => {
        created = await this.repo.saveModel(manager, { ...row, imageFileId: file.id });
        await this.files.setOwner(file.id, created.id, manager);
      },
    );
    return created!;
  }

  /**
   * Edits a model's title and story, and with `upload` replaces its photo (the old one's row goes in
   * the same transaction, its bytes after commit). A draft is edited by its enterprise's officers
   * (who wrote it) and the federation; a published model only by the federation, which published
   * it and answers for what readers see (an officer's change would otherwise go live unreviewed).
   */
  async edit(actor: Actor, id: number, dto: GoodModelEditDto, upload?: TempUpload): Promise<GoodModel> {
    const model = await this.editable(actor, id);
    const changes: Partial<GoodModel> = {};
    if (dto.title !== undefined && dto.title.trim() !== model.title) changes.title = dto.title.trim();
    if (dto.body !== undefined && dto.body.trim() !== model.body) changes.body = dto.body.trim();
    if (changes.title === '') throw FormError.field('title', 'validation.required');
    if (changes.body === '') throw FormError.field('body', 'validation.required');
    const fields = [...Object.keys(changes), ...(upload ? ['image'] : [])];
    if (fields.length === 0) return model;
    const save = async (manager: Transaction, imageFileId?: number) => {
      // An officer's change is saved only while the model is still a draft: a model published
      // meanwhile shows what the federation published.
      const draftOnly = !actor.has(Role.FederationAdmin);
      if (
        !(await this.repo.updateModel(
          manager,
          id,
          { ...changes, ...(imageFileId ? { imageFileId } : {}) },
          draftOnly,
        ))
      )
        throw publishedReadOnly();
      await this.audit.write(
        actor,
        {
          action: 'model.edited',
          subjectType: 'good_model',
          subjectId: id,
          details: { fields: fields.join(', ') },
        },
        manager,
      );
    };
    if (!upload) await this.unitOfWork.run((manager) => save(manager));
    else {
      const old = model.imageFileId ? await this.files.findById(model.imageFileId) : null;
      const afterCommit: (() => Promise<void>)[] = [];
      await this.files.store(
        upload,
        { ownerType: OWNER_MODEL_IMAGE, ownerId: id, allowed: IMAGE_KINDS, uploadedBy: actor.userId },
        async (file, manager) => {
          await save(manager, file.id);
          if (old) afterCommit.push(await this.files.removeRows([old], manager));
        },
      );
      for (const work of afterCommit) await work();
    }
    return (await this.repo.findModel(id))!;
  }

  /** A model the actor may edit; 404 when it is not theirs to see or write, a clear refusal once published for an officer. */
  async editable(actor: Actor, id: number): Promise<GoodModel> {
    const model = await this.get(actor, id);
    if (actor.has(Role.FederationAdmin)) return model;
    const own = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    if (!own.includes(model.enterpriseId)) throw new OutOfScopeException();
    if (model.status === GoodModelStatus.Published) throw publishedReadOnly();
    return model;
  }

  /** Whether the actor may edit the model (for the page's link). */
  async canEdit(actor: Actor, model: Pick<GoodModelView, 'status' | 'enterpriseId'>): Promise<boolean> {
    if (actor.has(Role.FederationAdmin)) return true;
    if (model.status === GoodModelStatus.Published) return false;
    return (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds.includes(model.enterpriseId);
  }

  async publish(actor: Actor, id: number): Promise<GoodModel> {
    if (!actor.has(Role.FederationAdmin)) throw new ForbiddenException();
    const model = await this.get(actor, id);
    if (model.status !== GoodModelStatus.Published) await this.repo.publishModel(id, new Date());
    return (await this.repo.findModel(id))!;
  }

  /** Published models, and the drafts the actor may see. */
  async list(actor: Actor): Promise<GoodModelView[]> {
    return (await this.repo.listModels(await this.draftScope(actor))).map(view);
  }

  /** Models published in a year (Vietnam time), in the province or one unit's subtree, for the annual report. */
  async publishedIn(year: number, unitId: number | null): Promise<GoodModelView[]> {
    const scope: EnterpriseScope =
      unitId === null
        ? { all: true, enterpriseIds: [], unitPaths: [] }
        : { all: false, enterpriseIds: [], unitPaths: await this.scopes.subtreePaths([unitId]) };
    return (await this.repo.publishedIn(year, scope)).map(view);
  }

  async detail(actor: Actor, id: number): Promise<GoodModelView> {
    const model = await this.get(actor, id);
    const names = await this.enterprisesService.namesOf([model.enterpriseId]);
    return view({ model, enterpriseName: names.get(model.enterpriseId)?.name ?? '' });
  }

  async image(actor: Actor, id: number): Promise<StoredFile> {
    const model = await this.get(actor, id);
    const file = model.imageFileId ? await this.files.findById(model.imageFileId) : null;
    if (!file) throw new OutOfScopeException();
    return file;
  }

  canPublish(actor: Actor, model: Pick<GoodModelView, 'status'>): boolean {
    return actor.has(Role.FederationAdmin) && model.status === GoodModelStatus.Draft;
  }

  /** The enterprises the actor may write a model for: an officer's own (null for the federation: any). */
  async ownEnterprises(actor: Actor): Promise<{ id: number; name: string }[] | null> {
    if (actor.has(Role.FederationAdmin)) return null;
    const ids = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    const names = await this.enterprisesService.namesOf(ids);
    return ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)!.name }));
  }

  /** The enterprises to choose from in the form: an officer's own, or (the federation) up to 200 found by name. */
  async enterpriseChoices(actor: Actor, q: string | undefined): Promise<{ id: number; name: string }[]> {
    const own = await this.ownEnterprises(actor);
    if (own !== null) return own;
    const page = await this.enterprisesService.page(actor, { q, size: 200 });
    return page.items.map((e) => ({ id: e.id, name: e.name }));
  }

  /** A model the actor may read: published, or a draft in their draft scope; 404 otherwise. */
  private async get(actor: Actor, id: number): Promise<GoodModel> {
    const model = await this.repo.findModel(id);
    if (!model) throw new OutOfScopeException();
    if (model.status === GoodModelStatus.Published) return model;
    const scope = await this.draftScope(actor);
    if (scope.all || scope.enterpriseIds.includes(model.enterpriseId)) return model;
    throw new OutOfScopeException();
  }

  private async draftScope(actor: Actor): Promise<EnterpriseScope> {
    if (actor.has(Role.FederationAdmin)) return { all: true, enterpriseIds: [], unitPaths: [] };
    return {
      all: false,
      enterpriseIds: (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds,
      unitPaths: [],
    };
  }

  private async enterpriseFor(actor: Actor, requested: number | undefined): Promise<number> {
    const own = await this.ownEnterprises(actor);
    if (own === null) {
      if (requested === undefined) throw FormError.field('enterpriseId', 'validation.required');
      if (!(await this.enterprisesService.findById(requested)))
        throw FormError.field('enterpriseId', 'models.unknownEnterprise');
      return requested;
    }
    if (own.length === 0) throw new ForbiddenException();
    const id = requested ?? (own.length === 1 ? own[0].id : undefined);
    if (id === undefined) throw FormError.field('enterpriseId', 'validation.required');
    if (!own.some((e) => e.id === id)) throw new OutOfScopeException();
    return id;
  }
}

/** Said above the form and to the API as the answer's message: nothing on the form can fix it. */
const publishedReadOnly = () =>
  new FormError({ title: { key: 'models.publishedReadOnly' } }, { key: 'models.publishedReadOnly' });

function view({ model, enterpriseName }: GoodModelRow): GoodModelView {
  return {
    id: model.id,
    title: model.title,
    body: model.body,
    paragraphs: model.body
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    enterpriseId: model.enterpriseId,
    enterpriseName,
    status: model.status,
    hasImage: model.imageFileId !== null,
    publishedAt: model.publishedAt,
  };
}
