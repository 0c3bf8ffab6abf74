import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { copyFile, unlink } from 'node:fs/promises';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Page } from '../common/http/pagination';
import { TempUpload } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportRun } from '../imports/entities/import-run.entity';
import { HistoryKind, HistoryKinds } from '../imports/history-kinds';
import { ImportRunsService } from '../imports/import-runs.service';
import { HEADER_SEARCH_ROWS } from '../imports/spreadsheet/columns';
import { detectSpreadsheetKind } from '../imports/spreadsheet/spreadsheet-kind';
import {
  countSheets,
  readSpreadsheet,
  SpreadsheetError,
  SpreadsheetKind,
} from '../imports/spreadsheet/spreadsheet-reader';
import { FormError } from '../common/errors/form-error';

/** History runs have no single target: every run is filed under target 0 (the whole province). */
export const WHOLE_PROVINCE = 0;

/**
 * Bringing in 2023–2025 history: each upload is first a dry run (every row checked and saved in a
 * transaction rolled back, with the per-row report), then applied as a run of its own over a copy
 * of the same file. Which kinds exist and who may import each is the owning domains' (HistoryKinds).
 */
@Injectable()
export class HistoryImportsService {
  constructor(
    private readonly kinds: HistoryKinds,
    private readonly runs: ImportRunsService,
  ) {}

  /** The kinds this actor may import, in page order. */
  async kindsFor(actor: Actor): Promise<HistoryKind[]> {
    const allowed: HistoryKind[] = [];
    for (const kind of this.kinds.list()) if (await kind.mayImport(actor)) allowed.push(kind);
    return allowed;
  }

  /** The kind named in an address, if the actor may import it: 404 when unknown, 403 when not theirs. */
  async kindFor(actor: Actor, slug: string): Promise<HistoryKind> {
    const kind = this.kinds.bySlug(slug);
    if (!kind) throw new NotFoundException();
    if (!(await kind.mayImport(actor))) throw new ForbiddenException();
    return kind;
  }

  /** Keeps the upload and queues its dry run. */
  async dryRun(actor: Actor, slug: string, upload: TempUpload | undefined): Promise<ImportRun> {
    const kind = await this.kindFor(actor, slug);
    return this.runs.start(actor, kind.kind, WHOLE_PROVINCE, upload, { dryRun: true });
  }

  /**
   * A workbook of several kinds at once: its sheets are read up to their header rows, and each
   * sheet whose header a kind the actor may import recognises becomes that kind's dry run (the
   * first such sheet, over a copy of the file each). A CSV is one sheet. Nothing recognised: the
   * form says which headers were expected.
   */
  async dryRunWorkbook(actor: Actor, upload: TempUpload | undefined): Promise<ImportRun[]> {
    if (!upload) throw FormError.field('file', 'import.upload.required');
    try {
      const fileKind = await detectSpreadsheetKind(upload.path, upload.size);
      const found = await this.sheetsOf(upload.path, fileKind, await this.kindsFor(actor));
      if (found.length === 0) throw FormError.field('file', 'history.workbook.nothing');
      const runs: ImportRun[] = [];
      for (const [i, { kind, sheetIndex }] of found.entries()) {
        // Each run keeps its own copy of the file: start() moves the upload it is given.
        const copy: TempUpload = i === found.length - 1 ? upload : { ...upload, path: `${upload.path}.${i}` };
        if (copy !== upload) await copyFile(upload.path, copy.path);
        runs.push(
          await this.runs.start(actor, kind.kind, WHOLE_PROVINCE, copy, { dryRun: true, sheetIndex }),
        );
      }
      return runs;
    } finally {
      await unlink(upload.path).catch(() => undefined);
    }
  }

  /** Which sheet each kind is on: the first whose first rows hold the kind's header. */
  private async sheetsOf(
    path: string,
    fileKind: SpreadsheetKind,
    kinds: HistoryKind[],
  ): Promise<{ kind: HistoryKind; sheetIndex: number }[]> {
    const found: { kind: HistoryKind; sheetIndex: number }[] = [];
    const sheets = await countSheets(path, fileKind);
    for (let sheetIndex = 0; sheetIndex < sheets; sheetIndex++) {
      try {
        for await (const row of readSpreadsheet(path, fileKind, undefined, sheetIndex)) {
          const kind = kinds.find((k) => !found.some((f) => f.kind === k) && k.recognises(row.cells));
          if (kind) {
            found.push({ kind, sheetIndex });
            break;
          }
          if (row.rowNumber >= HEADER_SEARCH_ROWS) break;
        }
      } catch (error) {
        if (!(error instanceof SpreadsheetError)) throw error;
        throw FormError.field('file', error.key, error.params);
      }
    }
    return found.sort((a, b) => this.kinds.list().indexOf(a.kind) - this.kinds.list().indexOf(b.kind));
  }

  /** Applies a finished dry run (again: the run that already applies it). */
  async apply(actor: Actor, importId: number): Promise<ImportRun> {
    const { run } = await this.find(actor, importId);
    return this.runs.apply(actor, run);
  }

  page(kind: HistoryKind, page: number, size: number): Promise<Page<ImportRun>> {
    return this.runs.page(kind.kind, [WHOLE_PROVINCE], page, size);
  }

  /** A history run of a kind the actor may import, with its kind; 404 for anything else. */
  async find(actor: Actor, importId: number): Promise<{ run: ImportRun; kind: HistoryKind }> {
    for (const kind of await this.kindsFor(actor)) {
      const run = await this.runs.find(kind.kind, importId, [WHOLE_PROVINCE]).catch((error) => {
        if (error instanceof OutOfScopeException) return null;
        throw error;
      });
      if (run) return { run, kind };
    }
    throw new OutOfScopeException();
  }

  /** The run that applied a dry run, or the dry run an applying run came from. */
  appliedBy(preview: ImportRun): Promise<ImportRun | null> {
    return preview.dryRun ? this.runs.applyOf(preview.id) : Promise.resolve(null);
  }

  errorsPage(importId: number, page: number, size: number): Promise<Page<ImportRowError>> {
    return this.runs.errorsPage(importId, page, size);
  }

  errors(importId: number): AsyncGenerator<ImportRowError> {
    return this.runs.errors(importId);
  }
}
