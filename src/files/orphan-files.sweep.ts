import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { appConfig, AppConfig, uploadsConfig, UploadsConfig } from '../config';
import { FilesRepository } from './files.repository';
import { FILES_DIR } from './files.service';

/** A file in files/ is an orphan only once it has sat there this long without a row. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** How often each process looks; the first look is a minute after start. */
export const ORPHAN_SWEEP_MS = 6 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Deletes kept bytes that no stored_files row names. FilesService deletes rows first and bytes after
 * commit, and moves an upload into place just before its transaction commits, so a process that
 * dies between the two leaves bytes behind: an anonymised person's evidence file, say, which must
 * not outlive its row. Only FilesService writes files/, so a file there without a row is an orphan
 * — once its inode has not changed for ORPHAN_AGE_MS (the move into place sets it), so that a store
 * still inside its transaction is never touched. Every process sweeps; deleting twice is harmless.
 * Nothing runs by itself under NODE_ENV=test: tests call sweep().
 */
@Injectable()
export class OrphanFilesSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Files');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly files: FilesRepository,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.app.env === 'test') return;
    const run = () =>
      void this.sweep().catch((error: Error) =>
        this.logger.warn({ error: error.message }, 'orphan file sweep failed'),
      );
    this.timers = [setTimeout(run, 60_000), setInterval(run, ORPHAN_SWEEP_MS)];
    for (const timer of this.timers) timer.unref();
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Deletes the orphans older than ORPHAN_AGE_MS at `now`; returns how many. */
  async sweep(now = Date.now()): Promise<number> {
    const dir = join(this.uploads.dir, FILES_DIR);
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    let removed = 0;
    for (let i = 0; i < names.length; i += BATCH) {
      const batch = names.slice(i, i + BATCH);
      const kept = await this.files.existingStoredNames(batch.map((name) => `${FILES_DIR}/${name}`));
      for (const name of batch) {
        if (kept.has(`${FILES_DIR}/${name}`)) continue;
        const path = join(dir, name);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile() || now - info.ctimeMs < ORPHAN_AGE_MS) continue;
        if (
          await unlink(path).then(
            () => true,
            () => false,
          )
        )
          removed++;
      }
    }
    if (removed > 0) this.logger.log({ event: 'orphan_files_deleted', count: removed });
    return removed;
  }
}
