import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ReportSection,
  ReportSectionProvider,
  ReportSectionQuery,
  ReportSections,
} from '../../common/report-sections/report-sections';
import { CommendationsService } from './commendations.service';
import { CommendationKind } from './entities/commendation.entity';
import { GoodModelsService } from './good-models.service';

/**
 * The annual report's section on commendations: approved commendations of the year counted per
 * commune (workers, children), the honour roll itself, and the good models published that year
 * (the province's in the province report; a unit's report shows its own enterprises only).
 */
@Injectable()
export class CommendationsReportSection implements ReportSectionProvider, OnModuleInit {
  readonly key = 'commendations';
  readonly order = 40;

  constructor(
    private readonly sections: ReportSections,
    private readonly commendations: CommendationsService,
    private readonly models: GoodModelsService,
  ) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async section({ year, unitId }: ReportSectionQuery): Promise<ReportSection | null> {
    const roll = await this.commendations.honourRoll(year, unitId);
    const models = await this.models.publishedIn(year, unitId);
    if (roll.length === 0 && models.length === 0) return null;
    const perCommune = new Map<string, { workers: number; children: number }>();
    for (const r of roll) {
      const key = r.unitName ?? '—';
      const counts = perCommune.get(key) ?? { workers: 0, children: 0 };
      if (r.kind === CommendationKind.Child) counts.children++;
      else counts.workers++;
      perCommune.set(key, counts);
    }
    const totals = [...perCommune.values()].reduce(
      (t, c) => ({ workers: t.workers + c.workers, children: t.children + c.children }),
      { workers: 0, children: 0 },
    );
    const tables: ReportSection['tables'] = [];
    if (roll.length > 0) {
      tables.push(
        {
          caption: 'commendations.report.countsCaption',
          columns: [
            { label: 'commendations.col.commune' },
            { label: 'commendations.report.workers', numeric: true },
            { label: 'commendations.report.children', numeric: true },
          ],
          rows: [
            ...[...perCommune].map(([commune, c]) => [commune, c.workers, c.children]),
            ['Tổng cộng', totals.workers, totals.children],
          ],
        },
        {
          caption: 'commendations.report.rollCaption',
          columns: [
            { label: 'commendations.col.honouree' },
            { label: 'commendations.col.kind' },
            { label: 'commendations.col.enterprise' },
            { label: 'commendations.col.achievement' },
          ],
          rows: roll.map((r) => [
            r.honoureeName,
            r.kind === CommendationKind.Child ? 'Con CNLĐ học giỏi' : 'Người lao động học tập tiêu biểu',
            r.enterpriseName,
            r.achievement,
          ]),
        },
      );
    }
    if (models.length > 0) {
      tables.push({
        caption: 'commendations.report.modelsCaption',
        columns: [{ label: 'models.col.title' }, { label: 'commendations.col.enterprise' }],
        rows: models.map((m) => [m.title, m.enterpriseName]),
      });
    }
    return { key: this.key, title: 'commendations.report.title', note: 'commendations.report.note', tables };
  }
}
