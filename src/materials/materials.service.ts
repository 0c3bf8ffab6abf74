import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  canEditInstitution,
  canViewInstitution,
  editorInstitutionIds,
  visibleInstitutions,
} from '../catalog/catalog.access';
import { CoursesRepository } from '../catalog/courses.repository';
import { CourseStatus } from '../catalog/entities/course.entity';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { FieldErrors, FormError } from '../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { appConfig, AppConfig } from '../config';
import { StoredFile } from '../files/entities/stored-file.entity';
import { LEARNING_FILE_KINDS } from '../files/file-kinds';
import { TempUpload } from '../files/file-upload';
import { FilesService } from '../files/files.service';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { HarvestQuery, MaterialDto, MaterialListQuery, PublicMaterialQuery } from './dto/material.dto';
import { AuthorType, LearningMaterial, MaterialKind } from './entities/learning-material.entity';
import { learningResource } from './materials.lrmi';
import { MaterialFields, MaterialRow, MaterialsRepository, splitKeywords } from './materials.repository';

export const MATERIAL_OWNER = 'MATERIAL';

/** What a download leads to: a kept file, or the address of a linked material. */
export type MaterialDownload = { file: StoredFile; url?: undefined } | { file?: undefined; url: string };

/**
 * Open learning materials (học liệu mở): institution editors share files or links with a licence,
 * author, domains and keywords; anyone may browse and download the published ones, and other
 * portals harvest them as LRMI.
 */
@Injectable()
export class MaterialsService {
  constructor(
    private readonly materials: MaterialsRepository,
    private readonly courses: CoursesRepository,
    private readonly files: FilesService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  // --- editors --------------------------------------------------------------------------------------

  async page(actor: Actor, query: MaterialListQuery): Promise<Page<MaterialRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.materials.page(
      {
        institutionIds: visibleInstitutions(actor),
        statuses: query.status ? [query.status] : undefined,
        q: query.q,
      },
      skip,
      size,
    );
    return pageOf(items, total, page, size);
  }

  institutionsOf(actor: Actor): Promise<{ id: number; name: string }[]> {
    return this.courses.institutionsByIds(editorInstitutionIds(actor));
  }

  domains(): Promise<LearningDomain[]> {
    return this.courses.allDomains();
  }

  async viewable(actor: Actor, id: number): Promise<LearningMaterial> {
    const material = await this.materials.findById(id);
    if (!material) throw new NotFoundException();
    if (!canViewInstitution(actor, material.institutionId)) throw new OutOfScopeException();
    return material;
  }

  async editable(actor: Actor, id: number, manager?: Transaction): Promise<LearningMaterial> {
    const material = await this.materials.findById(id, manager);
    if (!material) throw new NotFoundException();
    if (!canEditInstitution(actor, material.institutionId)) throw new OutOfScopeException();
    return material;
  }

  /** The material's row as lists show it, for a material the actor may read. */
  async editorRow(actor: Actor, id: number): Promise<MaterialRow> {
    await this.viewable(actor, id);
    return (await this.materials.row(id))!;
  }

  /**
   * A new draft. A FILE material takes the uploaded file (documents, video, images, checked by
   * their bytes); a LINK material an https address. Nothing is kept when anything is refused.
   */
  async create(actor: Actor, dto: MaterialDto, upload?: TempUpload): Promise<LearningMaterial> {
    const institutions = editorInstitutionIds(actor);
    const institutionId = dto.institutionId ?? (institutions.length === 1 ? institutions[0] : undefined);
    if (institutionId === undefined) throw FormError.field('institutionId', 'validation.required');
    if (!institutions.includes(institutionId))
      throw FormError.field('institutionId', 'catalog.institution.outOfScope');
    const fields = fieldsOf(dto);
    const insert = (fileId: number | null, manager: Transaction) =>
      this.materials.insert(
        { ...fields, institutionId, fileId, createdBy: actor.userId },
        dto.domains ?? [],
        manager,
      );
    if (dto.kind === MaterialKind.Link) return this.unitOfWork.run((manager) => insert(null, manager));
    let created: LearningMaterial | undefined;
    await this.files.store(upload, this.storeOptions(actor), async (file, manager) => {
      created = await insert(file.id, manager);
      await this.files.setOwner(file.id, created.id, manager);
    });
    return created!;
  }

  /** Saves the details; a new file (optional) replaces the old one, which is then deleted. */
  async update(actor: Actor, id: number, dto: MaterialDto, upload?: TempUpload): Promise<LearningMaterial> {
    const material = await this.editable(actor, id);
    const fields = fieldsOf(dto, upload !== undefined || material.fileId !== null);
    const save = async (fileId: number | null, manager: Transaction) => {
      await this.materials.update(id, { ...fields, fileId }, manager);
      await this.materials.setDomains(id, dto.domains ?? [], manager);
      await this.assertStillPublishable(id, manager);
    };
    const old = material.fileId;
    if (dto.kind === MaterialKind.File && upload) {
      await this.files.store(upload, { ...this.storeOptions(actor), ownerId: id }, (file, manager) =>
        save(file.id, manager),
      );
    } else {
      const keep = dto.kind === MaterialKind.File ? old : null;
      await this.unitOfWork.run((manager) => save(keep, manager));
      if (old === keep) return (await this.materials.findById(id))!;
    }
    if (old !== null) await this.files.remove(await this.files.findByIds([old]));
    return (await this.materials.findById(id))!;
  }

  /** Draft or archived → published, when it has its content and at least one domain. */
  async publish(actor: Actor, id: number): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      const material = await this.editable(actor, id, manager);
      if (material.status === CourseStatus.Published) return;
      const problems = publishProblems(material);
      if (Object.keys(problems).length > 0)
        throw new FormError(problems, { key: 'materials.publish.refused' });
      await this.materials.update(
        id,
        { status: CourseStatus.Published, publishedAt: material.publishedAt ?? new Date() },
        manager,
      );
    });
  }

  async archive(actor: Actor, id: number): Promise<void> {
    const material = await this.editable(actor, id);
    if (material.status !== CourseStatus.Published) throw FormError.field('status', 'materials.archiveDraft');
    await this.materials.update(id, { status: CourseStatus.Archived });
  }

  // --- everyone -------------------------------------------------------------------------------------

  async publicPage(query: PublicMaterialQuery): Promise<Page<MaterialRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.materials.page(
      {
        institutionIds: query.institutionId ? [query.institutionId] : 'all',
        statuses: [CourseStatus.Published],
        q: query.q,
        domain: query.domain,
      },
      skip,
      size,
    );
    return pageOf(items, total, page, size);
  }

  publishingInstitutions(): Promise<{ id: number; name: string }[]> {
    return this.materials.publishingInstitutions();
  }

  /** A published material, or 404. */
  async published(id: number): Promise<MaterialRow> {
    const row = await this.materials.row(id);
    if (!row || row.status !== CourseStatus.Published) throw new NotFoundException();
    return row;
  }

  /** Counts the download (one UPDATE), then says what to send: the file, or the link to follow. */
  async download(id: number): Promise<MaterialDownload> {
    if (!(await this.materials.countDownload(id))) throw new NotFoundException();
    const material = (await this.materials.findById(id))!;
    if (material.kind === MaterialKind.Link && material.url) return { url: material.url };
    const file = material.fileId ? await this.files.findById(material.fileId) : null;
    if (!file) throw new NotFoundException();
    return { file };
  }

  /** The material as a schema.org LearningResource (LRMI). */
  async lrmi(material: MaterialRow, locale: 'vi' | 'en' = 'vi'): Promise<Record<string, unknown>> {
    return learningResource(material, this.app.publicUrl, await this.domainNames(locale));
  }

  /**
   * Published materials for harvesting, in the order they changed. With `updatedSince`, archived
   * ones changed since then come too (creativeWorkStatus "Archived"), so harvesters can drop them.
   */
  async harvest(query: HarvestQuery): Promise<Page<Record<string, unknown>>> {
    const { page, size, skip } = pageWindow(query as PageQuery);
    const since = query.updatedSince ? new Date(query.updatedSince) : undefined;
    const [rows, total] = await this.materials.page(
      {
        institutionIds: 'all',
        statuses: since ? [CourseStatus.Published, CourseStatus.Archived] : [CourseStatus.Published],
        q: query.q,
        domain: query.domain,
        updatedSince: since,
      },
      skip,
      size,
      'updated',
    );
    const names = await this.domainNames('vi');
    return pageOf(
      rows.map((row) => learningResource(row, this.app.publicUrl, names)),
      total,
      page,
      size,
    );
  }

  private async domainNames(locale: 'vi' | 'en'): Promise<Map<DomainCode, string>> {
    return new Map(
      (await this.courses.allDomains()).map((d) => [d.code, locale === 'en' ? d.nameEn : d.nameVi]),
    );
  }

  private storeOptions(actor: Actor) {
    return { ownerType: MATERIAL_OWNER, ownerId: 0, allowed: LEARNING_FILE_KINDS, uploadedBy: actor.userId };
  }

  private async assertStillPublishable(id: number, manager: Transaction): Promise<void> {
    const material = await this.materials.findById(id, manager);
    if (material?.status !== CourseStatus.Published) return;
    const problems = publishProblems(material);
    if (Object.keys(problems).length > 0)
      throw new FormError(problems, { key: 'materials.published.wouldBreak' });
  }
}

/** What a material needs before it is published. */
export function publishProblems(
  material: Pick<LearningMaterial, 'kind' | 'fileId' | 'url' | 'domains'>,
): FieldErrors {
  const problems: FieldErrors = {};
  if (material.kind === MaterialKind.File && material.fileId === null)
    problems.file = { key: 'materials.publish.noFile' };
  if (material.kind === MaterialKind.Link && !material.url) problems.url = { key: 'materials.publish.noUrl' };
  if ((material.domains ?? []).length === 0) problems.domains = { key: 'materials.publish.noDomains' };
  return problems;
}

/** The fields of the form; a link needs its address, a file material needs a file (now or already). */
function fieldsOf(dto: MaterialDto, hasFile = true): MaterialFields {
  if (dto.kind === MaterialKind.Link && !dto.url) throw FormError.field('url', 'materials.url.required');
  if (dto.kind === MaterialKind.File && !hasFile) throw FormError.field('file', 'files.upload.required');
  const keywords = splitKeywords(dto.keywords);
  return {
    title: dto.title,
    searchKey: foldVietnamese([dto.title, ...keywords].join(' ')).slice(0, 600),
    description: dto.description ?? null,
    kind: dto.kind,
    url: dto.kind === MaterialKind.Link ? dto.url! : null,
    licence: dto.licence,
    author: dto.author,
    authorType: dto.authorType ?? AuthorType.Person,
    language: dto.language,
    keywords: keywords.length > 0 ? keywords.join(', ').slice(0, 500) : null,
  };
}
