import { Locale } from '../common/i18n/messages';
import { readSeed } from '../common/seed-files';

export interface NoticeText {
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
}

/** The privacy notice people consent to (seeds/privacy/notice.json). A new version asks everyone again. */
export interface PrivacyNotice {
  version: number;
  effectiveFrom: string;
  vi: NoticeText;
  en: NoticeText;
}

export const NOTICE_FILE = 'privacy/notice.json';

/** Checks the file's shape, so a bad edit stops start-up instead of showing an empty page. */
export function parseNotice(value: unknown): PrivacyNotice {
  const notice = value as PrivacyNotice;
  const textOk = (t: NoticeText | undefined) =>
    !!t &&
    typeof t.title === 'string' &&
    t.title.trim() !== '' &&
    Array.isArray(t.sections) &&
    t.sections.length > 0 &&
    t.sections.every(
      (s) =>
        typeof s.heading === 'string' &&
        Array.isArray(s.paragraphs) &&
        s.paragraphs.every((p) => typeof p === 'string' && p.trim() !== ''),
    );
  if (
    !notice ||
    !Number.isInteger(notice.version) ||
    notice.version < 1 ||
    !/^\d{4}-\d{2}-\d{2}$/.test(String(notice.effectiveFrom)) ||
    !textOk(notice.vi) ||
    !textOk(notice.en)
  )
    throw new Error(`seeds/${NOTICE_FILE}: needs a version ≥ 1, effectiveFrom (yyyy-mm-dd) and vi/en texts`);
  return notice;
}

export function loadNotice(): PrivacyNotice {
  return parseNotice(readSeed(NOTICE_FILE));
}

export function noticeText(notice: PrivacyNotice, locale: Locale): NoticeText {
  return notice[locale] ?? notice.vi;
}
