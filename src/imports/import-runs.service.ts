import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { copyFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { FormError } from '../common/errors/form-error';
import { translateRef } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { Page, pageOf } from '../common/http/pagination';
import { uploadsConfig, UploadsConfig } from '../config';
import { TempUpload } from '../files/file-upload';
import { JobQueue } from '../jobs/job-queue';
import { ImportRowError } from './entities/import-row-error.entity';
import { ImportKind, ImportRun, ImportStatus } from './entities/import-run.entity';
import { ImportRunsRepository, NewImportRun } from './import-runs.repository';
import { IMPORT_UPLOAD_DIR } from './import-upload';
import { detectSpreadsheetKind } from './spreadsheet/spreadsheet-kind';

/**
 * Import runs for the domains that own their kinds: receiving an upload (checked by its bytes,
 * kept under a random name, queued as an 'import.run' job) and reading runs and their errors back.
 * Who may see which target (an enterprise, a session) is the calling domain's decision: it passes
 * the targets in scope.
 */
@Injectable()
export class ImportRunsService {
  constructor(
    private readonly runs: ImportRunsRepository,
    private readonly queue: JobQueue,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  /**
   * Keeps an uploaded sheet and queues its import (a dry run when asked); a refused file is
   * deleted at once.
   */
  async start(
    actor: Actor,
    kind: ImportKind,
    targetId: number,
    upload: TempUpload | undefined,
    options: { dryRun?: boolean; sheetIndex?: number } = {},
  ): Promise<ImportRun> {
    if (!upload) throw FormError.field('file', 'import.upload.required');
    let path = upload.path;
    try {
      const fileKind = await detectSpreadsheetKind(upload.path, upload.size);
      const storedName = `${IMPORT_UPLOAD_DIR}/${randomUUID()}.${fileKind}`;
      await rename(upload.path, join(this.uploads.dir, storedName));
      path = join(this.uploads.dir, storedName);
      return await this.queueRun(actor, {
        kind,
        targetId,
        uploadedBy: actor.userId,
        originalName: upload.originalName,
        storedName,
        sha256: upload.sha256,
        dryRun: options.dryRun ?? false,
        sheetIndex: options.sheetIndex ?? 0,
      });
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Applies a completed dry run: a new run of the same kind and target over a copy of its file
   * (each run's file then follows the retention rule on its own). Asked again, it returns the run
   * that already applies it.
   */
  async apply(actor: Actor, preview: ImportRun): Promise<ImportRun> {
    if (!preview.dryRun || preview.status !== ImportStatus.Completed)
      throw new FormError({}, { key: 'import.apply.notReady' });
    const applied = await this.runs.applyOf(preview.id);
    if (applied) return applied;
    if (preview.fileDeletedAt) throw new FormError({}, { key: 'import.apply.fileGone' });
    const storedName = `${IMPORT_UPLOAD_DIR}/${randomUUID()}.${preview.fileKind}`;
    const path = join(this.uploads.dir, storedName);
    try {
      await copyFile(this.pathOf(preview), path);
      return await this.queueRun(actor, {
        kind: preview.kind,
        targetId: preview.targetId,
        uploadedBy: actor.userId,
        originalName: preview.originalName,
        storedName,
        sha256: preview.sha256,
        previewOfId: preview.id,
        sheetIndex: preview.sheetIndex,
      });
    } catch (error) {
      await unlink(path).catch(() => undefined);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new FormError({}, { key: 'import.apply.fileGone' });
      throw error;
    }
  }

  /** The run that applied a dry run, if any. */
  applyOf(previewId: number): Promise<ImportRun | null> {
    return this.runs.applyOf(previewId);
  }

  private async queueRun(actor: Actor, data: NewImportRun): Promise<ImportRun> {
    const created = await this.runs.create(data);
    const job = await this.queue.enqueue(
      'import.run',
      { importId: created.id },
      { key: created.id, requestedBy: actor.userId },
    );
    await this.runs.setJobRun(created.id, job.id);
    return Object.assign(created, { jobRunId: job.id });
  }

  async page(
    kind: ImportKind,
    targetIds: number[] | null,
    page: number,
    size: number,
  ): Promise<Page<ImportRun>> {
    const [items, total] = await this.runs.page(kind, targetIds, (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  /** A run of this kind for one of these targets (null: any), else 404. */
  async find(kind: ImportKind, id: number, targetIds: number[] | null): Promise<ImportRun> {
    const run = await this.runs.findFor(id, kind, targetIds);
    if (!run) throw new OutOfScopeException();
    return run;
  }

  async errorsPage(importId: number, page: number, size: number): Promise<Page<ImportRowError>> {
    const [items, total] = await this.runs.errorsPage(importId, (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  async *errors(importId: number): AsyncGenerator<ImportRowError> {
    for await (const batch of this.runs.streamErrors(importId)) yield* batch;
  }

  errorRowNumbers(importId: number): Promise<Set<number>> {
    return this.runs.errorRowNumbers(importId);
  }

  /** When the latest run of a kind completed (the roll-up refreshes after bulk roster imports). */
  latestCompleted(kind: ImportKind): Promise<Date | null> {
    return this.runs.latestCompleted(kind);
  }

  pathOf(run: ImportRun): string {
    return join(this.uploads.dir, run.storedName);
  }
}

/** An error report line in the reader's language; the column is named as the file names it. */
export function describeImportError(locale: Locale, error: ImportRowError): string {
  return translateRef(locale, {
    key: error.messageKey,
    params: { column: error.columnName ?? '', ...(error.params ?? {}) },
  });
}
