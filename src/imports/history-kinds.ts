import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
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

/**
 * The kinds of history import, and the rules they share: each applied run is written to the audit
 * trail as a history import, whatever its kind.
 */
@Injectable()
export class HistoryKinds {
  private readonly kinds: HistoryKind[] = [];

  constructor(
    private readonly pipeline: ImportPipeline,
    private readonly audit: AuditLog,
  ) {}

  register(kind: HistoryKind): void {
    this.pipeline.register({
      kind: kind.kind,
      open: (run) => kind.open(run),
      completed: (run) => this.audited(run),
    });
    this.kinds.push(kind);
  }

  private audited(run: ImportRun & ImportCounts): Promise<void> {
    return this.audit.write(
      { userId: run.uploadedBy },
      { action: 'history.imported', subjectType: 'import', subjectId: run.id, details: historyDetails(run) },
    );
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

/** The audit trail's facts of an applied history import. */
function historyDetails(run: ImportRun & ImportCounts): Record<string, unknown> {
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
