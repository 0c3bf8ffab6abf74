import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config as loadDotEnv } from 'dotenv';
import { PRIVATE_FILE_MODE, privateDir, privateFileIfExists } from './private-files';

/**
 * The only module that reads process.env. Every setting is parsed here with a rule that names the
 * variable when its value is wrong, so a bad deployment stops at start-up instead of at first use.
 */
let dotEnvLoaded = false;

export type Env = Record<string, string | undefined>;

export function readEnv(): Env {
  if (!dotEnvLoaded) {
    loadDotEnv({ quiet: true });
    dotEnvLoaded = true;
  }
  return process.env;
}

/**
 * Fixes settings for this process before the configuration is read, as if they had been set in
 * the environment. For what an entry point decides itself: the seed CLI seeds explicitly, so it
 * turns seeding at start-up off.
 */
export function setEnv(values: Env): void {
  const env = readEnv();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function str(env: Env, name: string, fallback?: string): string {
  const value = raw(env, name) ?? fallback;
  if (value === undefined) throw new ConfigError(name, 'is required');
  return value;
}

export function optionalStr(env: Env, name: string): string | undefined {
  return raw(env, name);
}

export function int(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be a whole number, got "${value}"`);
  const parsed = Number(value);
  if (parsed < range.min || parsed > range.max) {
    throw new ConfigError(name, `must be between ${range.min} and ${range.max}, got ${parsed}`);
  }
  return parsed;
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export function url(env: Env, name: string, protocols: readonly string[]): URL | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`);
  }
  return parsed;
}

export function isProduction(env: Env): boolean {
  return oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
}

export function dataDir(env: Env): string {
  return resolve(str(env, 'DATA_DIR', './data'));
}

/**
 * Secrets for the embedded default: generated once and kept in DATA_DIR so that `npm start` works
 * with no configuration and sessions survive a restart. Production must set them explicitly.
 */
export function secret(env: Env, name: string, bytes = 32): string {
  const value = raw(env, name);
  if (value !== undefined) return value;
  if (isProduction(env)) throw new ConfigError(name, 'is required when NODE_ENV=production');
  const file = resolve(dataDir(env), 'secrets.json');
  // A file written readable by others by an earlier version is tightened before it is read.
  privateFileIfExists(file);
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored[name]) {
    stored[name] = randomBytes(bytes).toString('base64');
    privateDir(dirname(file));
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: PRIVATE_FILE_MODE });
    privateFileIfExists(file);
  }
  return stored[name];
}
