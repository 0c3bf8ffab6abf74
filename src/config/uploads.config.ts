import { join } from 'node:path';
import { registerAs } from '@nestjs/config';
import { dataDir, Env, int, optionalStr, readEnv } from './env';

export interface UploadsConfig {
  dir: string;
  maxFileBytes: number;
  /**
   * Days an uploaded roster or attendance file (it holds CCCD numbers) is kept after its import
   * finished; 0 deletes it at the next sweep. The import's results and error report stay.
   */
  importFileRetentionDays: number;
}

export function parseUploadsConfig(env: Env): UploadsConfig {
  return {
    dir: optionalStr(env, 'UPLOAD_DIR') ?? join(dataDir(env), 'uploads'),
    maxFileBytes: int(env, 'UPLOAD_MAX_MB', 50, { min: 1, max: 2048 }) * 1024 * 1024,
    importFileRetentionDays: int(env, 'IMPORT_FILE_RETENTION_DAYS', 7, { min: 0, max: 3650 }),
  };
}

export const uploadsConfig = registerAs('uploads', (): UploadsConfig => parseUploadsConfig(readEnv()));
