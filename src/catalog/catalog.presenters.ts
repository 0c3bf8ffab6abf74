import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { describeKinds, FileKind, GROUP_LIMIT_MB, megabytes } from '../files/file-kinds';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { COURSE_LANGUAGES } from './dto/course.dto';
import { CourseLevel, CourseStatus, Licence, LICENCE_URL } from './entities/course.entity';
import { CompletionRule } from './entities/lesson.entity';
import { QuestionKind } from './entities/quiz.entity';
import { parseVideoUrl } from './lesson-content';

export interface SelectOption {
  value: string | number;
  label: string;
}

const options = (locale: Locale, prefix: string, values: readonly string[]): SelectOption[] =>
  values.map((value) => ({ value, label: translate(locale, `${prefix}.${value}`) }));

export const levelOptions = (locale: Locale) => options(locale, 'level', Object.values(CourseLevel));
export const licenceOptions = (locale: Locale) => options(locale, 'licence', Object.values(Licence));
export const languageOptions = (locale: Locale) => options(locale, 'language', COURSE_LANGUAGES);
export const statusOptions = (locale: Locale) => options(locale, 'courseStatus', Object.values(CourseStatus));
export const completionRuleOptions = (locale: Locale) =>
  options(locale, 'completionRule', Object.values(CompletionRule));
export const questionKindOptions = (locale: Locale) =>
  options(locale, 'questionKind', Object.values(QuestionKind));

/** Learning domains as checkboxes, ticked as given. */
export function domainChecks(domains: LearningDomain[], locale: Locale, selected: unknown): object[] {
  const ticked = new Set((Array.isArray(selected) ? selected : selected ? [selected] : []).map(String));
  return domains.map((d) => ({
    code: d.code,
    label: locale === 'en' ? d.nameEn : d.nameVi,
    checked: ticked.has(d.code),
  }));
}

/** A licence for a page: its name and, for open licences, the link to its text. */
export function licenceView(licence: string, locale: Locale) {
  return {
    code: licence,
    label: translate(locale, `licence.${licence}`),
    url: LICENCE_URL[licence as Licence] ?? null,
  };
}

/** The hint under a file field: the types it takes and the size limits. */
export function fileHint(locale: Locale, kinds: readonly FileKind[], maxUploadBytes: number) {
  const cap = (group: keyof typeof GROUP_LIMIT_MB) =>
    megabytes(Math.min(GROUP_LIMIT_MB[group] * 1024 * 1024, maxUploadBytes));
  return {
    accepts: translate(locale, 'files.accepts', { allowed: describeKinds(kinds) }),
    limits: translate(locale, 'files.limits', {
      image: cap('image'),
      document: cap('document'),
      video: cap('video'),
    }),
  };
}

/** The video of a lesson, for a privacy-friendly link. */
export function videoView(url: string | null) {
  return url ? parseVideoUrl(url) : null;
}

/** A file size in MB with one decimal, at least 0.1. */
export function sizeMb(bytes: number): number {
  return Math.max(0.1, megabytes(bytes));
}
