import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { DataSource } from 'typeorm';
import { appConfig, AppConfig, uploadsConfig, UploadsConfig } from '../../config';
import { dbDateTime } from '../personal-data/personal-data.repository';

/** Tables of uploaded files that hold CCCD numbers, each row naming its file under the upload directory. */
export const IMPORT_TABLES = ['roster_imports', 'attendance_imports'] as const;
const FINISHED = ['COMPLETED', 'FAILED'];
export const SWEEP_MS = 60_000;

/** The moment before which a finished import's file is due for deletion. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * Deletes uploaded roster and attendance files once their import has finished and the retention
 * period (IMPORT_FILE_RETENTION_DAYS) has passed, and marks the import so its page says so. The
 * results and error reports stay. Every process sweeps once a minute; deleting twice is harmless.
 * Nothing runs by itself under NODE_ENV=test: tests call sweep().
 */
@Injectable()
export class ImportFileRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** Deletes every file that is due; returns how many imports were marked. */
  async sweep(now = new Date()): Promise<number> {
    const days = this.uploads.importFileRetentionDays;
    const manager = this.dataSource.manager;
    let marked = 0;
    for (const table of IMPORT_TABLES) {
      const due: { id: number; stored_name: string }[] = await manager.query(
        `SELECT id, stored_name FROM ${table}
         WHERE file_deleted_at IS NULL AND status IN (${FINISHED.map(() => '?').join(', ')})
         ${days > 0 ? 'AND updated_at <= ?' : ''} ORDER BY id LIMIT 500`,
        [...FINISHED, ...(days > 0 ? [dbDateTime(manager, retentionCutoff(now, days))] : [])],
      );
      for (const row of due) {
        await this.remove(row.stored_name);
        await manager.query(
          `UPDATE ${table} SET file_deleted_at = ? WHERE id = ? AND file_deleted_at IS NULL`,
          [dbDateTime(manager, now), row.id],
        );
        marked++;
      }
    }
    if (marked > 0) this.logger.log({ event: 'import_files_deleted', count: marked });
    return marked;
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
