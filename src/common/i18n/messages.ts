export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

/** A text in both languages, side by side so a translator sees them together. */
export type Text = { vi: string; en: string };
export type MessageSet = Record<string, Text>;

/** Identity helper that keeps each domain's messages typed. */
export function defineMessages<T extends MessageSet>(messages: T): T {
  return messages;
}

/** A message to show later, in whichever language the reader uses. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
