export * from './messages';
export * from './i18n';
export { commonMessages } from './common.messages';
