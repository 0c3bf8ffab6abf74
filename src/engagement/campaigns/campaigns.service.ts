import { ForbiddenException, Injectable } from '@nestjs/common';
import { CatalogService } from '../../catalog/catalog.service';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { Page, pageOf, pageWindow } from '../../common/http/pagination';
import { thisYearInVietnam, todayInVietnam } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { SessionsService } from '../../activities/sessions.service';
import { RecordSource } from '../../learning-records/entities/learning-record.entity';
import { RecordOrigins } from '../../learning-records/learning-records.repository';
import { LearningRecordsService } from '../../learning-records/learning-records.service';
import { MaterialsService } from '../../materials/materials.service';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { CAMPAIGN_READERS, CAMPAIGN_WRITERS, PARTICIPATION_READERS } from './campaigns.access';
import { campaignScope, sharedUnitPaths } from './campaign-scope';
import { CampaignsRepository, NewCampaign } from './campaigns.repository';
import { CampaignDto, CampaignListQuery } from './dto/campaign.dto';
import { CampaignItem, CampaignItemKind } from './entities/campaign-item.entity';
import { Campaign } from './entities/campaign.entity';
import { BookLogsRepository } from './book-logs.repository';

/** A campaign as lists, pages and the API show it. */
export interface CampaignView {
  id: number;
  title: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  reading: boolean;
  units: { id: number; name: string }[];
  items: { kind: CampaignItemKind; itemId: number; title: string }[];
}

/** One enterprise's participation in a campaign (a row of the page and of its files). */
export interface ParticipationRow {
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  unitId: number | null;
  unitName: string;
  workers: number;
}

export interface CommuneParticipation {
  unitId: number | null;
  unitName: string;
  enterprises: number;
  workers: number;
}

export interface Participation {
  campaign: CampaignView;
  /** Distinct workers in all (a worker of two enterprises counts once). */
  total: number;
  confirmedBookLogs: number;
  enterprises: ParticipationRow[];
  communes: CommuneParticipation[];
}

/** What a worker sees of their own part in a campaign. */
export interface OwnParticipation {
  records: { title: string; occurredOn: string; hours: number; source: RecordSource }[];
  bookLogs: { id: number; title: string; readOn: string; status: string }[];
}

/** Links that count as participation: the records of its courses and sessions, and book logs. */
export function participationOrigins(
  campaign: Pick<Campaign, 'reading'>,
  items: CampaignItem[],
): RecordOrigins[] {
  const refs = (kind: CampaignItemKind, prefix: string) =>
    items.filter((i) => i.kind === kind).map((i) => `${prefix}:${i.itemId}`);
  const origins: RecordOrigins[] = [
    { source: RecordSource.Course, refs: refs(CampaignItemKind.Course, 'course') },
    { source: RecordSource.Session, refs: refs(CampaignItemKind.Session, 'session') },
  ];
  if (campaign.reading) origins.push({ source: RecordSource.BookLog });
  return origins.filter((o) => !o.refs || o.refs.length > 0);
}

/**
 * Campaigns: the federation writes them; workers and officers see those whose target units hold
 * their enterprise; the federation and department viewers see all of them. Participation is the
 * number of workers with a learning record of the campaign's origins (its courses and sessions,
 * and confirmed book logs for a reading campaign) inside its period, made while employed at an
 * enterprise inside both the campaign's territory and the reader's scope.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly bookLogs: BookLogsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprises: EnterprisesService,
    private readonly units: AdminUnitsService,
    private readonly workers: WorkersService,
    private readonly catalog: CatalogService,
    private readonly materials: MaterialsService,
    private readonly sessions: SessionsService,
    private readonly learningRecords: LearningRecordsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Campaigns overlapping the year that the actor may see, latest first. */
  async list(actor: Actor, query: CampaignListQuery): Promise<Page<CampaignView>> {
    const { page, size, skip } = pageWindow(query);
    const year = query.year ?? thisYearInVietnam();
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    if (this.seesAll(actor)) {
      const [rows, total] = await this.campaigns.overlapping(from, to, skip, size);
      return pageOf(await this.views(rows), total, page, size);
    }
    const [candidates] = await this.campaigns.overlapping(from, to);
    const visible = await this.visibleAmong(actor, candidates);
    return pageOf(await this.views(visible.slice(skip, skip + size)), visible.length, page, size);
  }

  /** A campaign the actor may see, or 404. */
  async get(actor: Actor, id: number): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign) throw new OutOfScopeException();
    if (!this.seesAll(actor) && (await this.visibleAmong(actor, [campaign])).length === 0)
      throw new OutOfScopeException();
    return campaign;
  }

  async detail(actor: Actor, id: number): Promise<CampaignView> {
    const [view] = await this.views([await this.get(actor, id)]);
    return view;
  }

  /** Reading campaigns running on a day that the worker's enterprises take part in (the book form's choices). */
  async readingFor(actor: Actor, day: string): Promise<CampaignView[]> {
    const [candidates] = await this.campaigns.overlapping(day, day);
    return this.views(
      await this.visibleAmong(
        actor,
        candidates.filter((c) => c.reading),
      ),
    );
  }

  async create(actor: Actor, dto: CampaignDto): Promise<Campaign> {
    this.assertWriter(actor);
    const row = await this.validated(actor, dto);
    return this.unitOfWork.run((manager) => this.campaigns.insert(manager, row));
  }

  async update(actor: Actor, id: number, dto: CampaignDto): Promise<Campaign> {
    this.assertWriter(actor);
    await this.get(actor, id);
    const row = await this.validated(actor, dto);
    await this.unitOfWork.run((manager) => this.campaigns.update(manager, id, row));
    return (await this.campaigns.findById(id))!;
  }

  /** The actor's own records and book logs that count for the campaign (a worker's page). */
  async ownParticipation(actor: Actor, id: number): Promise<OwnParticipation | null> {
    if (actor.workerId === null) return null;
    const campaign = await this.get(actor, id);
    const items = await this.campaigns.itemsOf(id);
    const origins = participationOrigins(campaign, items);
    const year = Number(campaign.startsOn.slice(0, 4));
    const records: OwnParticipation['records'] = [];
    for (let y = year; y <= Number(campaign.endsOn.slice(0, 4)); y++) {
      const page = await this.learningRecords.rowsOf(actor.workerId, { year: y }, 1, 200);
      for (const r of page.items) {
        const counts = origins.some(
          (o) => o.source === r.source && (!o.refs || o.refs.includes(r.sourceRef)),
        );
        if (counts && r.occurredOn >= campaign.startsOn && r.occurredOn <= campaign.endsOn)
          records.push({ title: r.title, occurredOn: r.occurredOn, hours: r.hours, source: r.source });
      }
    }
    const logs = campaign.reading ? await this.bookLogs.ofWorker(actor.workerId) : [];
    return {
      records,
      bookLogs: logs
        .filter((l) => l.readOn >= campaign.startsOn && l.readOn <= campaign.endsOn)
        .map((l) => ({ id: l.id, title: l.title, readOn: l.readOn, status: l.status })),
    };
  }

  /** Participation per enterprise and commune, inside the campaign's territory and the reader's scope. */
  async participation(actor: Actor, id: number): Promise<Participation> {
    if (!actor.has(...PARTICIPATION_READERS)) throw new ForbiddenException();
    const campaign = await this.get(actor, id);
    const [view] = await this.views([campaign]);
    const scope = await this.readerScopeWithin(
      actor,
      view.units.map((u) => u.id),
    );
    return this.participationIn(campaign, view, scope);
  }

  /** Participation inside a given scope (the annual report's, the page's). */
  async participationIn(
    campaign: Campaign,
    view: CampaignView,
    scope: EnterpriseScope,
  ): Promise<Participation> {
    const items = await this.campaigns.itemsOf(campaign.id);
    const [{ byEnterprise, total }, confirmedBookLogs] = await Promise.all([
      this.learningRecords.participants(
        participationOrigins(campaign, items),
        campaign.startsOn,
        campaign.endsOn,
        scope,
      ),
      campaign.reading
        ? this.bookLogs.countConfirmed(scope, campaign.startsOn, campaign.endsOn)
        : Promise.resolve(0),
    ]);
    const ids = [...byEnterprise.keys()];
    const [names, enterprises] = await Promise.all([
      this.enterprises.namesOf(ids),
      Promise.all(ids.map((eid) => this.enterprises.findById(eid))),
    ]);
    const unitIds = enterprises.map((e) => e?.unitId ?? null);
    const unitNames = await this.units.namesByIds(unitIds.filter((u): u is number => u !== null));
    const rows: ParticipationRow[] = ids
      .map((eid, i) => ({
        enterpriseId: eid,
        enterpriseName: names.get(eid)?.name ?? '',
        taxCode: names.get(eid)?.taxCode ?? '',
        unitId: unitIds[i],
        unitName: unitIds[i] !== null ? (unitNames.get(unitIds[i]!) ?? '') : '',
        workers: byEnterprise.get(eid)!,
      }))
      .sort((a, b) => b.workers - a.workers || a.enterpriseName.localeCompare(b.enterpriseName, 'vi'));
    const communes = new Map<string, CommuneParticipation>();
    for (const r of rows) {
      const key = String(r.unitId);
      const c = communes.get(key) ?? { unitId: r.unitId, unitName: r.unitName, enterprises: 0, workers: 0 };
      c.enterprises += 1;
      c.workers += r.workers;
      communes.set(key, c);
    }
    return {
      campaign: view,
      total,
      confirmedBookLogs,
      enterprises: rows,
      communes: [...communes.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    };
  }

  /** Campaigns overlapping a year, with their views (the annual report). */
  async ofYear(year: number): Promise<{ campaign: Campaign; view: CampaignView }[]> {
    const [rows] = await this.campaigns.overlapping(`${year}-01-01`, `${year}-12-31`);
    const views = await this.views(rows);
    return rows.map((campaign, i) => ({ campaign, view: views[i] }));
  }

  /** The units a campaign can target: those in force today, as the form lists them. */
  async unitChoices(today = todayInVietnam()): Promise<{ id: number; name: string }[]> {
    const units = await this.units.unitsInForceOn(today);
    return units.map((u) => ({ id: u.id, name: u.name }));
  }

  /** The courses, materials and sessions a campaign can link to (the form's choices). */
  async linkChoices(actor: Actor) {
    const [courses, materials, sessions] = await Promise.all([
      this.catalog.searchPublished({ size: 100 }),
      this.materials.publicPage({ size: 100 }),
      this.sessions.list(actor, { size: 100 }),
    ]);
    return {
      courses: courses.items.map((c) => ({ id: c.id, title: c.title })),
      materials: materials.items.map((m) => ({ id: m.id, title: m.title })),
      sessions: sessions.items.map((s) => ({ id: s.id, title: `${s.title} — ${s.enterpriseName}` })),
    };
  }

  canWrite(actor: Actor): boolean {
    return actor.has(...CAMPAIGN_WRITERS);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The federation (and system) administrators and department viewers see every campaign. */
  private seesAll(actor: Actor): boolean {
    return actor.has(Role.FederationAdmin, Role.DepartmentViewer, Role.SystemAdmin);
  }

  private assertWriter(actor: Actor): void {
    if (!actor.has(...CAMPAIGN_WRITERS)) throw new ForbiddenException();
  }

  /** The enterprises that put the actor in a campaign's targets: their officer's, or where they work today. */
  private async ownEnterpriseIds(actor: Actor): Promise<number[]> {
    const ids = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    if (actor.workerId !== null && actor.has(Role.Worker))
      ids.push(...(await this.workers.currentEnterpriseIds(actor.workerId)));
    return [...new Set(ids)];
  }

  private async visibleAmong(actor: Actor, candidates: Campaign[]): Promise<Campaign[]> {
    if (this.seesAll(actor)) return candidates;
    if (!actor.has(...CAMPAIGN_READERS)) return [];
    const enterpriseIds = await this.ownEnterpriseIds(actor);
    if (enterpriseIds.length === 0 || candidates.length === 0) return [];
    const unitsOf = await this.campaigns.unitsOf(candidates.map((c) => c.id));
    const visible: Campaign[] = [];
    for (const c of candidates) {
      const scope = campaignScope(await this.scopes.subtreePaths(unitsOf.get(c.id) ?? []));
      for (const eid of enterpriseIds)
        if (await this.enterprises.isInScope(eid, scope)) {
          visible.push(c);
          break;
        }
    }
    return visible;
  }

  /** The campaign's territory narrowed to what the reader reaches. */
  private async readerScopeWithin(actor: Actor, unitIds: number[]): Promise<EnterpriseScope> {
    const paths = await this.scopes.subtreePaths(unitIds);
    const reader = await this.scopes.scopeOf(actor, ...PARTICIPATION_READERS);
    if (reader.all) return campaignScope(paths);
    const enterpriseIds: number[] = [];
    for (const eid of reader.enterpriseIds)
      if (await this.enterprises.isInScope(eid, campaignScope(paths))) enterpriseIds.push(eid);
    return { all: false, enterpriseIds, unitPaths: sharedUnitPaths(reader.unitPaths, paths) };
  }

  private async views(campaigns: Campaign[]): Promise<CampaignView[]> {
    const unitsOf = await this.campaigns.unitsOf(campaigns.map((c) => c.id));
    const unitNames = await this.units.namesByIds([...unitsOf.values()].flat());
    const items = await Promise.all(campaigns.map((c) => this.campaigns.itemsOf(c.id)));
    return campaigns.map((c, i) => ({
      id: c.id,
      title: c.title,
      theme: c.theme,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      reading: c.reading,
      units: (unitsOf.get(c.id) ?? []).map((id) => ({ id, name: unitNames.get(id) ?? '' })),
      items: items[i].map((it) => ({ kind: it.kind, itemId: it.itemId, title: it.title })),
    }));
  }

  /** Checks the form: the period, that the units exist and each linked item is published (or reachable). */
  private async validated(actor: Actor, dto: CampaignDto): Promise<NewCampaign> {
    if (dto.endsOn < dto.startsOn) throw FormError.field('endsOn', 'campaigns.error.endsBeforeStart');
    const unitIds = [...new Set(dto.unitIds)];
    const unitNames = await this.units.namesByIds(unitIds);
    if (unitIds.some((u) => !unitNames.has(u))) throw FormError.field('unitIds', 'campaigns.error.unit');
    const items: NewCampaign['items'] = [];
    for (const courseId of new Set(dto.courseIds ?? [])) {
      const course = await this.catalog.publishedCourse(courseId);
      if (!course) throw FormError.field('courseIds', 'campaigns.error.course');
      items.push({ kind: CampaignItemKind.Course, itemId: courseId, title: course.course.title });
    }
    for (const materialId of new Set(dto.materialIds ?? [])) {
      const material = await this.materials.published(materialId).catch(() => null);
      if (!material) throw FormError.field('materialIds', 'campaigns.error.material');
      items.push({ kind: CampaignItemKind.Material, itemId: materialId, title: material.title });
    }
    for (const sessionId of new Set(dto.sessionIds ?? [])) {
      const session = await this.sessions.get(actor, sessionId).catch(() => null);
      if (!session) throw FormError.field('sessionIds', 'campaigns.error.session');
      items.push({ kind: CampaignItemKind.Session, itemId: sessionId, title: session.title });
    }
    return {
      campaign: {
        title: dto.title,
        theme: dto.theme,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        reading: dto.reading ?? false,
        createdBy: actor.userId,
      },
      unitIds,
      items,
    };
  }
}
