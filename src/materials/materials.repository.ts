import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { dateTime } from '../database/dialect';
import { CourseStatus, Licence } from '../catalog/entities/course.entity';
import { foldVietnamese, likeContains } from '../common/text/vietnamese';
import { StoredFile } from '../files/entities/stored-file.entity';
import { orderByDomain } from '../learning-records/domain-order';
import { DomainCode } from '../learning-records/learning-domains';
import { TrainingInstitution } from '../organisations/entities/training-institution.entity';
import { AuthorType, LearningMaterial, MaterialKind } from './entities/learning-material.entity';

export interface MaterialFilter {
  /** Whose materials: some institutions' (editors), or everyone's. */
  institutionIds: number[] | 'all';
  statuses?: CourseStatus[];
  q?: string;
  domain?: DomainCode;
  /** Changed at or after this moment (harvesting). */
  updatedSince?: Date;
}

/** A material with what lists, pages and harvesters show of it. */
export interface MaterialRow {
  id: number;
  title: string;
  description: string | null;
  kind: MaterialKind;
  url: string | null;
  licence: Licence;
  author: string;
  authorType: AuthorType;
  language: string;
  keywords: string[];
  status: CourseStatus;
  downloadCount: number;
  institutionId: number;
  institutionName: string;
  institutionWebsite: string | null;
  domains: DomainCode[];
  file: { id: number; kind: string; mime: string; sizeBytes: number; originalName: string } | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type MaterialFields = Pick<
  LearningMaterial,
  | 'title'
  | 'searchKey'
  | 'description'
  | 'kind'
  | 'url'
  | 'licence'
  | 'author'
  | 'authorType'
  | 'language'
  | 'keywords'
>;

@Injectable()
export class MaterialsRepository {
  constructor(@InjectRepository(LearningMaterial) private readonly materials: Repository<LearningMaterial>) {}

  findById(id: number, manager: EntityManager = this.materials.manager): Promise<LearningMaterial | null> {
    return manager.getRepository(LearningMaterial).findOne({ where: { id }, relations: { domains: true } });
  }

  async row(id: number): Promise<MaterialRow | null> {
    const rows = await this.rows(this.materials.createQueryBuilder('m').where('m.id = :id', { id }), 0, 1);
    return rows[0] ?? null;
  }

  async page(
    filter: MaterialFilter,
    skip: number,
    take: number,
    order: 'recent' | 'updated' = 'recent',
  ): Promise<[MaterialRow[], number]> {
    const total = await this.filtered(filter).getCount();
    if (total === 0) return [[], 0];
    return [await this.rows(this.filtered(filter), skip, take, order), total];
  }

  /** Institutions that have published materials, for the public filter. */
  publishingInstitutions(): Promise<{ id: number; name: string }[]> {
    return this.materials.manager
      .getRepository(TrainingInstitution)
      .createQueryBuilder('i')
      .select(['i.id AS id', 'i.name AS name'])
      .where(
        'EXISTS (SELECT 1 FROM learning_materials m WHERE m.institution_id = i.id AND m.status = :status)',
        {
          status: CourseStatus.Published,
        },
      )
      .orderBy('i.search_key', 'ASC')
      .getRawMany<{ id: number; name: string }>()
      .then((rows) => rows.map((r) => ({ id: Number(r.id), name: String(r.name) })));
  }

  async insert(
    data: MaterialFields & Pick<LearningMaterial, 'institutionId' | 'fileId' | 'createdBy'>,
    domains: DomainCode[],
    manager: EntityManager,
  ): Promise<LearningMaterial> {
    const repo = manager.getRepository(LearningMaterial);
    const material = await repo.save(
      repo.create({ ...data, status: CourseStatus.Draft, downloadCount: 0, publishedAt: null }),
    );
    await this.setDomains(material.id, domains, manager);
    return material;
  }

  async update(
    id: number,
    data: Partial<MaterialFields & Pick<LearningMaterial, 'fileId' | 'status' | 'publishedAt'>>,
    manager: EntityManager = this.materials.manager,
  ): Promise<void> {
    await manager.getRepository(LearningMaterial).update({ id }, data);
  }

  async setDomains(materialId: number, domains: DomainCode[], manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('material_domains')
      .where('material_id = :materialId', { materialId })
      .execute();
    if (domains.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into('material_domains', ['material_id', 'domain_code'])
      .values([...new Set(domains)].map((code) => ({ material_id: materialId, domain_code: code })))
      .execute();
  }

  /**
   * Counts one download of a published material in a single statement (no read-modify-write, so
   * concurrent downloads are all counted). updated_at — what harvesters follow — is kept as it was.
   * False when there is no such published material.
   */
  async countDownload(id: number): Promise<boolean> {
    const result = await this.materials
      .createQueryBuilder()
      .update(LearningMaterial)
      .set({ downloadCount: () => 'download_count + 1', updatedAt: () => 'updated_at' })
      .where('id = :id AND status = :status', { id, status: CourseStatus.Published })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  // --- queries ------------------------------------------------------------------------------------

  private filtered(filter: MaterialFilter): SelectQueryBuilder<LearningMaterial> {
    const query = this.materials.createQueryBuilder('m');
    if (filter.institutionIds !== 'all') {
      if (filter.institutionIds.length === 0) return query.where('1 = 0');
      query.andWhere('m.institution_id IN (:...institutionIds)', { institutionIds: filter.institutionIds });
    }
    if (filter.statuses?.length) query.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    const folded = filter.q ? foldVietnamese(filter.q) : '';
    if (folded) query.andWhere("m.search_key LIKE :search ESCAPE '!'", { search: likeContains(folded) });
    if (filter.domain)
      query.andWhere(
        'EXISTS (SELECT 1 FROM material_domains md WHERE md.material_id = m.id AND md.domain_code = :domain)',
        { domain: filter.domain },
      );
    if (filter.updatedSince) query.andWhere('m.updated_at >= :since', { since: filter.updatedSince });
    return query;
  }

  private async rows(
    query: SelectQueryBuilder<LearningMaterial>,
    skip: number,
    take: number,
    order: 'recent' | 'updated' = 'recent',
  ): Promise<MaterialRow[]> {
    query
      .innerJoin(TrainingInstitution, 'i', 'i.id = m.institution_id')
      .leftJoin(StoredFile, 'f', 'f.id = m.file_id')
      .select([
        'm.id AS id',
        'm.title AS title',
        'm.description AS description',
        'm.kind AS kind',
        'm.url AS url',
        'm.licence AS licence',
        'm.author AS author',
        'm.author_type AS authorType',
        'm.language AS language',
        'm.keywords AS keywords',
        'm.status AS status',
        'm.download_count AS downloadCount',
        'm.institution_id AS institutionId',
        'i.name AS institutionName',
        'i.website AS institutionWebsite',
        'f.id AS fileId',
        'f.kind AS fileKind',
        'f.mime AS fileMime',
        'f.size_bytes AS fileSize',
        'f.original_name AS fileName',
        'm.published_at AS publishedAt',
        'm.created_at AS createdAt',
        'm.updated_at AS updatedAt',
      ]);
    // Harvesters page through in the order of change, so nothing is skipped between two pages.
    if (order === 'updated') query.orderBy('m.updated_at', 'ASC').addOrderBy('m.id', 'ASC');
    else query.orderBy('m.published_at', 'DESC').addOrderBy('m.id', 'DESC');
    const rows = await query.offset(skip).limit(take).getRawMany<Record<string, unknown>>();
    if (rows.length === 0) return [];
    const linkQuery = this.materials.manager
      .createQueryBuilder()
      .select(['md.material_id AS material_id', 'md.domain_code AS domain_code'])
      .from('material_domains', 'md')
      .where('md.material_id IN (:...ids)', { ids: rows.map((r) => Number(r.id)) });
    const links: { material_id: number; domain_code: DomainCode }[] = await orderByDomain(
      linkQuery,
      'md.domain_code',
    ).getRawMany();
    return rows.map((r) => ({
      id: Number(r.id),
      title: String(r.title),
      description: (r.description as string | null) ?? null,
      kind: r.kind as MaterialKind,
      url: (r.url as string | null) ?? null,
      licence: r.licence as Licence,
      author: String(r.author),
      authorType: r.authorType as AuthorType,
      language: String(r.language),
      keywords: splitKeywords(r.keywords as string | null),
      status: r.status as CourseStatus,
      downloadCount: Number(r.downloadCount),
      institutionId: Number(r.institutionId),
      institutionName: String(r.institutionName),
      institutionWebsite: (r.institutionWebsite as string | null) ?? null,
      domains: links.filter((l) => Number(l.material_id) === Number(r.id)).map((l) => l.domain_code),
      file:
        r.fileId === null || r.fileId === undefined
          ? null
          : {
              id: Number(r.fileId),
              kind: String(r.fileKind),
              mime: String(r.fileMime),
              sizeBytes: Number(r.fileSize),
              originalName: String(r.fileName),
            },
      publishedAt: dateTime(r.publishedAt),
      createdAt: dateTime(r.createdAt) ?? new Date(0),
      updatedAt: dateTime(r.updatedAt) ?? new Date(0),
    }));
  }
}

/** "an toàn lao động, bảo hộ; PCCC" → ["an toàn lao động", "bảo hộ", "PCCC"] */
export function splitKeywords(text: string | null | undefined): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  return text
    .split(/[,;\n]/)
    .map((k) => k.trim().replace(/\s+/g, ' '))
    .filter((k) => k && !seen.has(k.toLowerCase()) && seen.add(k.toLowerCase()));
}
