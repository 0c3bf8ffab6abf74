import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { appConfig, AppConfig, uploadsConfig, UploadsConfig } from '../config';
import { ImportRunsRepository } from './import-runs.repository';

export const SWEEP_MS = 60_000;

/** The moment before which a finished import's file is due for deletion. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * Deletes uploaded sheets (they hold CCCD numbers) once their import has finished and the retention
 * period (IMPORT_FILE_RETENTION_DAYS) has passed, and marks the run so its page says so. The
 * results and error reports stay. Every process sweeps once a minute; deleting twice is harmless.
 * Nothing runs by itself under NODE_ENV=test: tests call sweep().
 */
@Injectable()
export class ImportFileRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runs: ImportRunsRepository,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.app.env === 'test') return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) =>
        this.logger.warn({ error: error.message }, 'file retention sweep failed'),
      );
    }, SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Deletes every file that is due; returns how many runs were marked. */
  async sweep(now = new Date()): Promise<number> {
    const days = this.uploads.importFileRetentionDays;
    const due = await this.runs.dueForFileDeletion(days > 0 ? retentionCutoff(now, days) : null);
    for (const run of due) {
      await this.remove(run.storedName);
      await this.runs.markFileDeleted(run.id, now);
    }
    if (due.length > 0) this.logger.log({ event: 'import_files_deleted', count: due.length });
    return due.length;
  }

  private async remove(storedName: string): Promise<void> {
    const root = resolve(this.uploads.dir);
    const path = resolve(join(root, storedName));
    if (!path.startsWith(root + sep)) return; // never outside the upload store
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
