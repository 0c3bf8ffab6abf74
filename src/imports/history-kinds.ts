import { Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { ImportRun } from './entities/import-run.entity';
import { ImportKindHandler, ImportPipeline } from './import-pipeline';
import { ImportCounts } from './import-runs.repository';
import { CellValue } from './spreadsheet/cells';
import { SheetTemplate } from './spreadsheet/sheet-template';

/**
 * One kind of history import (titles, trainings, results of 2023–2025): the pipeline's handler of
 * its sheet, plus what the history pages need to offer it. The domain that owns the rows registers
 * it; the history pages (src/history) list what is registered and know no kind.
 */
export interface HistoryKind extends ImportKindHandler {
  /** In the pages' addresses: /history/<slug>. */
  readonly slug: string;
  /** Message keys: the kind's name, and what its sheet holds and how it is counted. */
  readonly titleKey: string;
  readonly introKey: string;
  /** The template's file name, e.g. mau-lich-su-tap-huan.xlsx, and its sheet (also a sheet of the workbook's). */
  readonly templateName: string;
  readonly template: SheetTemplate<string>;
  /** Whether a row is this kind's header (a workbook's sheets are told apart by their headers). */
  recognises(cells: CellValue[]): boolean;
  /** Who may import this kind (the federation admin always; the association's province branch for titles). */
  mayImport(actor: Actor): Promise<boolean>;
}

@Injectable()
export class HistoryKinds {
  private readonly kinds: HistoryKind[] = [];

  constructor(private readonly pipeline: ImportPipeline) {}

  register(kind: HistoryKind): void {
    this.pipeline.register(kind);
    this.kinds.push(kind);
  }

  /** In the order of the pages: titles, trainings, results. */
  list(): HistoryKind[] {
    const order = ['titles', 'trainings', 'results'];
    return [...this.kinds].sort((a, b) => order.indexOf(a.slug) - order.indexOf(b.slug));
  }

  bySlug(slug: string): HistoryKind | null {
    return this.kinds.find((k) => k.slug === slug) ?? null;
  }
}

/** The audit trail's facts of an applied history import (written by each kind's `completed`). */
export function historyDetails(run: ImportRun & ImportCounts): Record<string, unknown> {
  return {
    kind: run.kind,
    file: run.originalName,
    rows: run.totalRows,
    created: run.createdCount,
    updated: run.updatedCount,
    unchanged: run.unchangedCount,
    errors: run.errorCount,
  };
}
