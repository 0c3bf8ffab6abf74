import { defineMessages } from '../common/i18n/messages';

export const filesMessages = defineMessages({});
