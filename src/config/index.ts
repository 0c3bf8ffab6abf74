export * from './app.config';
export * from './database.config';
export * from './private-files';
export * from './redis.config';
export * from './security.config';
export * from './uploads.config';
export { ConfigError } from './env';
