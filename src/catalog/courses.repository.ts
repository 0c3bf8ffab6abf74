import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { foldVietnamese, likeContains } from '../common/text/vietnamese';
import { dateTime } from '../database/dialect';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { orderByDomain } from '../learning-records/domain-order';
import { DomainCode } from '../learning-records/learning-domains';
import { TrainingInstitution } from '../organisations/entities/training-institution.entity';
import { Course, CourseLevel, CourseStatus, Licence } from './entities/course.entity';
import { LessonStatus } from './entities/lesson.entity';
import { PublishedInstitutionsCache } from './published-institutions.cache';

/** Which courses a list shows: some institutions' (an editor's) or all (the federation admin's). */
export interface CourseFilter {
  institutionIds: number[] | 'all';
  status?: CourseStatus;
  q?: string;
  domain?: DomainCode;
}

/** A course as lists show it. */
export interface CourseSummary {
  id: number;
  title: string;
  summary: string | null;
  level: CourseLevel;
  estimatedHours: number;
  language: string;
  licence: Licence;
  status: CourseStatus;
  institutionId: number;
  institutionName: string;
  coverFileId: number | null;
  domains: DomainCode[];
  /** Active lessons. */
  lessonCount: number;
  publishedAt: Date | null;
  updatedAt: Date;
}

export type CourseFields = Pick<
  Course,
  'title' | 'searchKey' | 'summary' | 'level' | 'estimatedHours' | 'language' | 'licence'
>;

@Injectable()
export class CoursesRepository {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(LearningDomain) private readonly domains: Repository<LearningDomain>,
    private readonly published: PublishedInstitutionsCache,
  ) {}

  /** Titles of some courses, by id. */
  async titlesOf(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.courses.find({ where: { id: In(ids) }, select: { id: true, title: true } });
    return new Map(found.map((c) => [c.id, c.title]));
  }

  findById(id: number, manager: EntityManager = this.courses.manager): Promise<Course | null> {
    return manager.getRepository(Course).findOne({ where: { id }, relations: { domains: true } });
  }

  /** The learning domains, in the plan's order, for checkboxes and filters. */
  allDomains(): Promise<LearningDomain[]> {
    return this.domains.find({ order: { sortOrder: 'ASC' } });
  }

  async institutionName(id: number): Promise<string | null> {
    const row = await this.courses.manager
      .getRepository(TrainingInstitution)
      .findOne({ select: { id: true, name: true }, where: { id } });
    return row?.name ?? null;
  }

  /** The id of an institution by its exact name (demo seeding). */
  async institutionIdByName(
    name: string,
    manager: EntityManager = this.courses.manager,
  ): Promise<number | null> {
    const row = await manager
      .getRepository(TrainingInstitution)
      .findOne({ select: { id: true }, where: { name } });
    return row?.id ?? null;
  }

  async existsWithTitle(institutionId: number, title: string, manager: EntityManager): Promise<boolean> {
    return (await manager.getRepository(Course).count({ where: { institutionId, title } })) > 0;
  }

  async institutionsByIds(ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return [];
    return this.courses.manager
      .getRepository(TrainingInstitution)
      .find({ select: { id: true, name: true }, where: { id: In(ids) }, order: { name: 'ASC' } });
  }

  /**
   * One page and the number of matches in one statement (`COUNT(*) OVER ()`, SQLite 3.25+, MySQL
   * 8, MariaDB 10.2+); a page past the end has no row to carry the count, so only then is it
   * counted apart.
   */
  async page(filter: CourseFilter, skip: number, take: number): Promise<[CourseSummary[], number]> {
    const rows = await this.summaries(this.filtered(filter))
      .addSelect('COUNT(*) OVER ()', 'matches')
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    if (rows.length === 0) return [[], skip > 0 ? await this.filtered(filter).getCount() : 0];
    return [await this.withDomains(rows), Number(rows[0].matches)];
  }

  async insert(
    data: CourseFields & Pick<Course, 'institutionId' | 'status' | 'createdBy'>,
    domains: DomainCode[],
    manager: EntityManager = this.courses.manager,
  ): Promise<Course> {
    const repo = manager.getRepository(Course);
    const course = await repo.save(
      repo.create({ ...data, coverFileId: null, publishedAt: null, archivedAt: null }),
    );
    await this.setDomains(course.id, domains, manager);
    return course;
  }

  async update(
    id: number,
    data: Partial<CourseFields & Pick<Course, 'status' | 'publishedAt' | 'archivedAt' | 'coverFileId'>>,
    manager: EntityManager = this.courses.manager,
  ): Promise<void> {
    await manager.getRepository(Course).update({ id }, data);
    if (data.status !== undefined) this.published.clear();
  }

  /** Marks the course changed (lists show recently edited courses first; harvesters see updates). */
  async touch(id: number, manager: EntityManager = this.courses.manager): Promise<void> {
    await manager.getRepository(Course).update({ id }, { updatedAt: new Date() });
  }

  async setDomains(courseId: number, domains: DomainCode[], manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('course_domains')
      .where('course_id = :courseId', { courseId })
      .execute();
    if (domains.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into('course_domains', ['course_id', 'domain_code'])
      .values([...new Set(domains)].map((code) => ({ course_id: courseId, domain_code: code })))
      .execute();
  }

  // --- queries ------------------------------------------------------------------------------------

  private filtered(filter: CourseFilter): SelectQueryBuilder<Course> {
    const query = this.courses.createQueryBuilder('c');
    if (filter.institutionIds !== 'all') {
      if (filter.institutionIds.length === 0) return query.where('1 = 0');
      query.andWhere('c.institution_id IN (:...institutionIds)', { institutionIds: filter.institutionIds });
    }
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    const folded = filter.q ? foldVietnamese(filter.q) : '';
    if (folded) query.andWhere("c.search_key LIKE :search ESCAPE '!'", { search: likeContains(folded) });
    if (filter.domain)
      query.andWhere(
        'EXISTS (SELECT 1 FROM course_domains cd WHERE cd.course_id = c.id AND cd.domain_code = :domain)',
        { domain: filter.domain },
      );
    return query;
  }

  private summaries(query: SelectQueryBuilder<Course>): SelectQueryBuilder<Course> {
    return query
      .innerJoin(TrainingInstitution, 'i', 'i.id = c.institution_id')
      .select([
        'c.id AS id',
        'c.title AS title',
        'c.summary AS summary',
        'c.level AS level',
        'c.estimated_hours AS estimatedHours',
        'c.language AS language',
        'c.licence AS licence',
        'c.status AS status',
        'c.institution_id AS institutionId',
        'i.name AS institutionName',
        'c.cover_file_id AS coverFileId',
        'c.published_at AS publishedAt',
        'c.updated_at AS updatedAt',
      ])
      .addSelect(
        (sub) =>
          sub
            .select('COUNT(*)')
            .from('lessons', 'l')
            .where('l.course_id = c.id')
            .andWhere('l.status = :activeLesson', { activeLesson: LessonStatus.Active }),
        'lessonCount',
      );
  }

  /** The domains of some courses, each list in the plan's order. */
  async domainsOf(courseIds: number[]): Promise<Map<number, DomainCode[]>> {
    const domains = new Map<number, DomainCode[]>();
    if (courseIds.length === 0) return domains;
    const query = this.courses.manager
      .createQueryBuilder()
      .select(['cd.course_id AS course_id', 'cd.domain_code AS domain_code'])
      .from('course_domains', 'cd')
      .where('cd.course_id IN (:...ids)', { ids: courseIds });
    const links: { course_id: number; domain_code: DomainCode }[] = await orderByDomain(
      query,
      'cd.domain_code',
    ).getRawMany();
    for (const link of links) {
      const id = Number(link.course_id);
      domains.set(id, [...(domains.get(id) ?? []), link.domain_code]);
    }
    return domains;
  }

  private async withDomains(rows: Record<string, unknown>[]): Promise<CourseSummary[]> {
    const domains = await this.domainsOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => ({
      id: Number(r.id),
      title: String(r.title),
      summary: (r.summary as string | null) ?? null,
      level: r.level as CourseLevel,
      estimatedHours: Number(r.estimatedHours),
      language: String(r.language),
      licence: r.licence as Licence,
      status: r.status as CourseStatus,
      institutionId: Number(r.institutionId),
      institutionName: String(r.institutionName),
      coverFileId: r.coverFileId === null || r.coverFileId === undefined ? null : Number(r.coverFileId),
      domains: domains.get(Number(r.id)) ?? [],
      lessonCount: Number(r.lessonCount ?? 0),
      publishedAt: dateTime(r.publishedAt),
      updatedAt: dateTime(r.updatedAt) ?? new Date(0),
    }));
  }
}
