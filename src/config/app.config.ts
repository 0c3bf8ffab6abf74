import { registerAs } from '@nestjs/config';
import { bool, dataDir, Env, int, oneOf, readEnv, secret, str, url } from './env';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  trustProxy: number;
  cookieSecure: boolean;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemoOnStart: boolean;
  /** The OpenAPI document and its viewer (/api/docs) for anyone; by default signed-in callers only. */
  apiDocsPublic: boolean;
  throttle: { loginFailuresPerAccount: number; loginFailuresPerAddress: number; lockMinutes: number };
}

export function parseAppConfig(env: Env): AppConfig {
  const publicUrl = url(env, 'PUBLIC_URL', ['http', 'https']);
  const port = int(env, 'PORT', 3000, { min: 1, max: 65535 });
  const resolvedPublicUrl = (publicUrl?.toString() ?? `http://localhost:${port}/`).replace(/\/$/, '');
  return {
    env: oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development'),
    host: str(env, 'HOST', '0.0.0.0'),
    port,
    publicUrl: resolvedPublicUrl,
    dataDir: dataDir(env),
    trustProxy: int(env, 'TRUST_PROXY', 0, { min: 0, max: 10 }),
    cookieSecure: bool(env, 'COOKIE_SECURE', resolvedPublicUrl.startsWith('https://')),
    sessionSecret: secret(env, 'SESSION_SECRET'),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, { min: 1, max: 24 * 60 }),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, { min: 1, max: 24 * 30 }),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    seedDemoOnStart: bool(env, 'SEED_DEMO', !env.DATABASE_URL),
    apiDocsPublic: bool(env, 'API_DOCS_PUBLIC', false),
    throttle: {
      loginFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, { min: 1, max: 1000 }),
      loginFailuresPerAddress: int(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 30, { min: 1, max: 100000 }),
      lockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, { min: 1, max: 24 * 60 }),
    },
  };
}

export const appConfig = registerAs('app', (): AppConfig => parseAppConfig(readEnv()));
