import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { ExportColumn } from '../common/export/table-export';
import { Page } from '../common/http/pagination';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatDate, formatHours, formatNumber } from '../common/views/view-helpers';
import { DOMAIN_CODES, DomainCode } from '../learning-records/learning-domains';
import { QuestionKind } from '../catalog/entities/quiz.entity';
import { CourseCard } from '../catalog/learner-catalog.repository';
import { CoursePage } from './learner-catalog.service';
import { LearnerCatalogQuery } from './dto/learning.dto';
import { QuizAnswer } from './entities/quiz-attempt.entity';
import { chosenIds } from './learning.rules';
import { AttemptFeedback, FeedbackQuestion, LessonView, QuizQuestionView } from './learning.service';
import { HistoryItem } from './my-learning.service';

/** What the learner's templates draw, prepared once here so pages, exports and the API agree. */

export function domainLabels(locale: Locale, codes: DomainCode[]): string[] {
  return codes.map((code) => translate(locale, `domain.${code}`));
}

/** "2,4 MB", "830 KB", for attachments. */
export function sizeText(locale: Locale, bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), locale, 1)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

/** Only web addresses become links (a stored "javascript:" URL must never be clickable). */
export function webUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value) ? value : null;
}

export function cardView(locale: Locale, card: CourseCard) {
  return {
    ...card,
    hoursText: formatHours(card.estimatedHours, locale),
    domainLabels: domainLabels(locale, card.domains),
    levelLabel: translate(locale, `learning.level.${card.level}`),
  };
}

export function catalogView(
  locale: Locale,
  query: LearnerCatalogQuery,
  page: Page<CourseCard>,
  institutions: { id: number; name: string }[],
) {
  const filters = { q: query.q, domain: query.domain, institution: query.institution };
  const chip = (code: DomainCode | undefined) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.institution) params.set('institution', String(query.institution));
    if (code) params.set('domain', code);
    const qs = params.toString();
    return {
      code: code ?? '',
      label: code ? translate(locale, `domain.${code}`) : translate(locale, 'common.all'),
      active: (query.domain ?? undefined) === code,
      href: qs ? `/courses?${qs}` : '/courses',
    };
  };
  return {
    query: filters,
    chips: [chip(undefined), ...DOMAIN_CODES.map(chip)],
    institutions: institutions.map((i) => ({ ...i, selected: i.id === query.institution })),
    page: { ...page, items: page.items.map((c) => cardView(locale, c)) },
    filtered: !!(query.q || query.domain || query.institution),
  };
}

export function coursePageView(locale: Locale, page: CoursePage, actor: Actor | undefined) {
  const rule = (l: CoursePage['lessons'][number]) =>
    l.completionRule === 'TIME_SPENT'
      ? translate(locale, 'learning.rule.TIME_SPENT', { minutes: l.minMinutes ?? 0 })
      : translate(locale, `learning.rule.${l.completionRule}`);
  const isWorker = !!actor?.workerId && actor.has(Role.Worker);
  return {
    course: page.course,
    institutionName: page.institutionName,
    domainLabels: domainLabels(locale, page.domains),
    levelLabel: translate(locale, `learning.level.${page.course.level}`),
    hoursText: formatHours(page.course.estimatedHours, locale),
    licenceLabel: translate(locale, `learning.licence.${page.course.licence}`),
    licenceUrl: page.licenceUrl,
    lessons: page.lessons.map((l) => ({ ...l, ruleLabel: rule(l) })),
    finalQuiz: page.finalQuiz,
    standing: page.standing,
    isWorker,
    signedIn: !!actor,
  };
}

export function historyColumns(locale: Locale): ExportColumn<HistoryItem>[] {
  return [
    { header: 'learning.history.date', value: (r) => formatDate(r.occurredOn), width: 14 },
    { header: 'learning.history.titleColumn', value: (r) => r.title, width: 50 },
    {
      header: 'learning.history.domains',
      value: (r) => domainLabels(locale, r.domains).join('; '),
      width: 40,
    },
    { header: 'learning.history.hours', value: (r) => r.hours, width: 10 },
    { header: 'learning.history.source', value: (r) => translate(locale, `source.${r.source}`), width: 28 },
    { header: 'learning.history.certificate', value: (r) => r.certificateCode ?? '', width: 24 },
  ];
}

export function historyItemView(locale: Locale, item: HistoryItem) {
  return {
    ...item,
    domainLabels: domainLabels(locale, item.domains),
    hoursText: formatHours(item.hours, locale),
    sourceLabel: translate(locale, `source.${item.source}`),
  };
}

/** Years a worker can filter the history by: from the plan's start to this year, newest first. */
export function historyYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let y = currentYear; y >= 2022; y--) years.push(y);
  return years;
}

/** "Đã học 1 phút 5 giây": time credited in a lesson. */
export function spentText(locale: Locale, seconds: number): string {
  return translate(locale, 'learning.lesson.spent', {
    minutes: Math.floor(seconds / 60),
    seconds: seconds % 60,
  });
}

/** The lesson page: the lesson with the worker's progress, or the offer to enrol when not enrolled. */
export function lessonPage(locale: Locale, view: LessonView) {
  const { course, lesson, outcome } = view;
  const progress = outcome?.progress.get(lesson.id);
  return {
    title: lesson.title,
    course,
    lesson,
    position: view.position,
    count: view.count,
    enrolled: outcome !== null,
    previous: view.previous,
    next: view.next,
    attachments: view.attachments.map((a) => ({ ...a, sizeText: sizeText(locale, a.sizeBytes) })),
    videoUrl: webUrl(lesson.videoUrl),
    quiz: view.quiz,
    done: view.done,
    percent: outcome?.state.percent ?? 0,
    completed: !!outcome?.enrolment.completedAt,
    nextAction: `/learn/courses/${course.id}/lessons/${lesson.id}/next`,
    timed: outcome !== null && lesson.completionRule === 'TIME_SPENT' && !view.done,
    secondsSpent: progress?.secondsSpent ?? 0,
    spentText: spentText(locale, progress?.secondsSpent ?? 0),
    // The page's script writes the live count with the same words.
    spentTemplate: translate(locale, 'learning.lesson.spent'),
    openUrl: `/api/v1/learning/courses/${course.id}/lessons/${lesson.id}/open`,
    heartbeatUrl: `/api/v1/learning/courses/${course.id}/lessons/${lesson.id}/heartbeat`,
    domainLabels: domainLabels(
      locale,
      course.domains.map((d) => d.code),
    ),
  };
}

/**
 * A lesson through the API, as the page shows it: its text (with its video blocks) and files for an
 * enrolled worker; for one not enrolled yet only where it stands, as the page offers to enrol.
 */
export function lessonJson(view: LessonView) {
  const { course, lesson, outcome } = view;
  const enrolled = outcome !== null;
  return {
    id: lesson.id,
    courseId: course.id,
    title: lesson.title,
    position: view.position,
    count: view.count,
    required: lesson.required,
    completionRule: lesson.completionRule,
    minMinutes: lesson.minMinutes,
    enrolled,
    done: view.done,
    secondsSpent: outcome?.progress.get(lesson.id)?.secondsSpent ?? 0,
    bodyHtml: enrolled ? lesson.bodyHtml : null,
    videoUrl: enrolled ? webUrl(lesson.videoUrl) : null,
    attachments: enrolled
      ? view.attachments.map((a) => ({
          id: a.fileId,
          name: a.name,
          mime: a.mime,
          sizeBytes: a.sizeBytes,
          url: `/catalog/files/${a.fileId}`,
        }))
      : [],
    quizId: view.quiz?.id ?? null,
    previousLessonId: view.previous?.id ?? null,
    nextLessonId: view.next?.id ?? null,
  };
}

/**
 * What an option of an answered question is known to be, and no more: before the right options
 * are given (passed, or no attempt left), only what the question's verdict already tells — every
 * choice in a right question is right, the one choice in a wrong single-choice question is wrong —
 * so a right choice in a wrong multiple-choice question is just "your choice", never shown as wrong.
 */
export type OptionMark = 'right' | 'rightChoice' | 'wrongChoice' | 'choice' | null;

export function optionMark(question: FeedbackQuestion, optionId: number, revealed: boolean): OptionMark {
  const chosen = question.chosen.includes(optionId);
  const right = revealed ? question.correctOptionIds.includes(optionId) : chosen && question.correct;
  const wrong = chosen && (revealed ? !right : !question.correct && question.kind !== QuestionKind.Multiple);
  if (right) return chosen ? 'rightChoice' : 'right';
  if (wrong) return 'wrongChoice';
  return chosen ? 'choice' : null;
}

const MARK_CLASSES: Record<Exclude<OptionMark, null>, string> = {
  right: 'right',
  rightChoice: 'right chosen',
  wrongChoice: 'wrong chosen',
  choice: 'chosen',
};

/**
 * The sign before each mark's words: on the page only (the words are messages, and the PDF fonts,
 * which draw every message, have no ✓ or ✗).
 */
const MARK_GLYPHS: Record<keyof typeof MARK_CLASSES, string> = {
  right: '✓ ',
  rightChoice: '✓ ',
  wrongChoice: '✗ ',
  choice: '',
};

/**
 * The lines under a question on the feedback page, each with its colour class and its words (✓ /
 * ✗): the options of a choice question; the text typed for a short answer (then, once revealed, the
 * accepted answers); each pair chosen for a matching question (once revealed, each pair judged and
 * the right match of a wrong one; before, only a right question's pairs are marked right).
 */
function feedbackRows(locale: Locale, q: FeedbackQuestion, revealed: boolean) {
  const row = (label: string, mark: OptionMark, extra = '') => ({
    label,
    className: mark ? MARK_CLASSES[mark] : '',
    cue: [mark ? `${MARK_GLYPHS[mark]}${translate(locale, `learning.feedback.mark.${mark}`)}` : '', extra]
      .filter(Boolean)
      .join(' · '),
  });
  if (q.kind === QuestionKind.ShortAnswer)
    return [
      row(
        `${translate(locale, 'learning.feedback.typed')}: ${q.text ?? ''}`,
        q.correct ? 'rightChoice' : 'wrongChoice',
      ),
      ...(revealed
        ? [
            row(
              `${translate(locale, 'learning.feedback.accepted')}: ${q.acceptedAnswers.join(' / ')}`,
              'right',
            ),
          ]
        : []),
    ];
  if (q.kind === QuestionKind.Matching)
    return q.options.map((o) => {
      const picked = q.pairs[String(o.id)] ?? '';
      const label = `${o.label} → ${picked}`;
      if (q.correct) return row(label, 'rightChoice');
      if (!revealed) return row(label, 'choice');
      const right = q.correctPairs[String(o.id)] ?? '';
      return picked === right
        ? row(label, 'rightChoice')
        : row(label, 'wrongChoice', translate(locale, 'learning.feedback.pairShould', { match: right }));
    });
  return q.options.map((o) => ({ ...o, ...row(o.label, optionMark(q, o.id, revealed)) }));
}

/** The feedback page of an attempt: each option with its colour class and its words (✓ / ✗). */
export function feedbackPage(locale: Locale, feedback: AttemptFeedback) {
  const { course, quiz, revealed } = feedback;
  return {
    title: quiz.title,
    ...feedback,
    correctCount: feedback.questions.filter((q) => q.correct).length,
    questions: feedback.questions.map((q) => ({ ...q, options: feedbackRows(locale, q, revealed) })),
    answersHidden: !revealed && feedback.questions.some((q) => !q.correct),
    canRetry: !feedback.attempt.passed && feedback.attemptsLeft !== 0,
    quizUrl: `/learn/courses/${course.id}/quizzes/${quiz.id}`,
  };
}

/**
 * One question of the quiz form with what the worker had answered (the form shown again after an
 * error): the kind's hint, ticks, the typed text, the pairs chosen.
 */
export function quizQuestionFields(
  locale: Locale,
  q: QuizQuestionView,
  number: number,
  answer: QuizAnswer | undefined,
) {
  const chosen = chosenIds(answer);
  const text = answer && !Array.isArray(answer) && 'text' in answer ? answer.text : '';
  const pairs = answer && !Array.isArray(answer) && 'pairs' in answer ? answer.pairs : {};
  return {
    ...q,
    number,
    multiple: q.kind === QuestionKind.Multiple,
    shortAnswer: q.kind === QuestionKind.ShortAnswer,
    matching: q.kind === QuestionKind.Matching,
    hint: translate(locale, `learning.quiz.hint.${q.kind}`),
    text,
    options: q.options.map((o) => ({
      ...o,
      checked: chosen.includes(o.id),
      choices: q.choices.map((c) => ({ value: c, selected: pairs[String(o.id)] === c })),
    })),
  };
}
