import { join } from 'node:path';
import { registerAs } from '@nestjs/config';
import { dataDir, Env, int, optionalStr, readEnv } from './env';

export interface UploadsConfig {
  dir: string;
  maxFileBytes: number;
}

export function parseUploadsConfig(env: Env): UploadsConfig {
  return {
    dir: optionalStr(env, 'UPLOAD_DIR') ?? join(dataDir(env), 'uploads'),
    maxFileBytes: int(env, 'UPLOAD_MAX_MB', 50, { min: 1, max: 2048 }) * 1024 * 1024,
  };
}

export const uploadsConfig = registerAs('uploads', (): UploadsConfig => parseUploadsConfig(readEnv()));
