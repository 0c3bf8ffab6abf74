import { Injectable, OnModuleInit } from '@nestjs/common';
import { translate } from '../../common/i18n/i18n';
import {
  ReportSection,
  ReportSectionProvider,
  ReportSectionQuery,
  ReportSections,
} from '../../common/report-sections/report-sections';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { sharedUnitPaths } from '../campaigns/campaign-scope';
import { ContestsRepository } from './contests.repository';

/**
 * The annual report's "Phong trào, hội thi" section: the year's contests with their registrations,
 * participants and prizes. The province report lists them all; a commune's, those organised by
 * enterprises located in it and those the federation aimed at communes overlapping it, with the
 * registrations and participants of its enterprises only.
 */
@Injectable()
export class ContestsReportSection implements ReportSectionProvider, OnModuleInit {
  readonly key = 'contests';
  readonly order = 30;

  constructor(
    private readonly sections: ReportSections,
    private readonly contests: ContestsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprises: EnterprisesService,
    private readonly units: AdminUnitsService,
  ) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async section({ year, unitId }: ReportSectionQuery): Promise<ReportSection | null> {
    const scope =
      unitId === null
        ? null
        : { all: false, enterpriseIds: [], unitPaths: await this.scopes.subtreePaths([unitId]) };
    if (scope && scope.unitPaths.length === 0) return null;
    const targeted: number[] = [];
    if (scope)
      for (const [contestId, unitIds] of await this.contests.targeted(year))
        if (sharedUnitPaths(scope.unitPaths, await this.scopes.subtreePaths(unitIds)).length > 0)
          targeted.push(contestId);
    const rows = await this.contests.ofYear(year, scope, targeted);
    if (rows.length === 0) return null;
    const names = await this.enterprises.namesByIds(
      rows.map((r) => r.contest.enterpriseId).filter((e): e is number => e !== null),
    );
    const communesOf = await this.contests.unitsOf(rows.map((r) => r.contest.id));
    const communeNames = await this.units.namesByIds([...new Set([...communesOf.values()].flat())]);
    const organiser = (r: (typeof rows)[number]) => {
      if (r.contest.enterpriseId !== null) return names.get(r.contest.enterpriseId) ?? '';
      const communes = (communesOf.get(r.contest.id) ?? []).map((u) => communeNames.get(u) ?? '');
      return communes.length > 0
        ? translate('vi', 'contests.forCommunes', { communes: communes.join(', ') })
        : translate('vi', 'contests.provinceWide');
    };
    return {
      key: this.key,
      title: 'contests.report.title',
      note: 'contests.report.note',
      tables: [
        {
          caption: 'contests.report.caption',
          columns: [
            { label: 'contests.field.title' },
            { label: 'contests.field.kind' },
            { label: 'contests.field.organiser' },
            { label: 'contests.registrations', numeric: true },
            { label: 'contests.participants', numeric: true },
            { label: 'contests.prizes', numeric: true },
          ],
          rows: rows.map((r) => [
            r.contest.title,
            translate('vi', `contests.kind.${r.contest.kind}`),
            organiser(r),
            r.registrations,
            r.participants,
            r.prizes,
          ]),
        },
      ],
    };
  }
}
