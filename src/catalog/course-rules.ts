import { FieldErrors } from '../common/errors/form-error';
import { foldVietnamese } from '../common/text/vietnamese';
import { CompletionRule, LessonStatus } from './entities/lesson.entity';
import { QuestionKind } from './entities/quiz.entity';

/** What publishing looks at. */
export interface CourseSnapshot {
  estimatedHours: number;
  domains: string[];
  lessons: { id: number; title: string; completionRule: CompletionRule; status: LessonStatus }[];
  /** Every quiz of the course, with how many active questions it has. */
  quizzes: { lessonId: number | null; activeQuestions: number }[];
}

/**
 * Why a course cannot be published (or stay published), one message per missing item: at least one
 * active lesson, a quiz with a question for every lesson completed by passing one, estimated hours
 * above zero, at least one learning domain. Empty when it can.
 */
export function publishProblems(course: CourseSnapshot): FieldErrors {
  const problems: FieldErrors = {};
  const active = course.lessons.filter((l) => l.status === LessonStatus.Active);
  if (active.length === 0) problems.lessons = { key: 'catalog.publish.noLessons' };
  for (const lesson of active) {
    if (lesson.completionRule !== CompletionRule.QuizMastered) continue;
    const quiz = course.quizzes.find((q) => q.lessonId === lesson.id);
    if (!quiz || quiz.activeQuestions === 0)
      problems[`lesson.${lesson.id}`] = {
        key: 'catalog.publish.quizMissing',
        params: { title: lesson.title },
      };
  }
  if (!(course.estimatedHours > 0)) problems.estimatedHours = { key: 'catalog.publish.noHours' };
  if (course.domains.length === 0) problems.domains = { key: 'catalog.publish.noDomains' };
  return problems;
}

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
/** The two options of a TRUE_FALSE question, in this order. */
export const TRUE_FALSE_LABELS = ['Đúng', 'Sai'] as const;

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  explanation?: string | null;
  /**
   * Choice kinds: options with the right ones marked correct (TRUE_FALSE: two, "Đúng" then "Sai").
   * MATCHING: one per pair, label on the left, matchLabel on the right. SHORT_ANSWER: the accepted answers.
   */
  options: { label?: string | null; matchLabel?: string | null; correct: boolean }[];
}

export interface FilledOption {
  label: string;
  matchLabel: string | null;
  correct: boolean;
}

/**
 * The options worth keeping, trimmed: those with a label (MATCHING: with either side). A
 * TRUE_FALSE question always has the two fixed labels; a matching pair and an accepted short
 * answer are always "correct".
 */
export function filledOptions(input: QuestionInput): FilledOption[] {
  const trimmed = input.options.map((o) => ({
    label: (o.label ?? '').trim(),
    matchLabel: (o.matchLabel ?? '').trim(),
    correct: !!o.correct,
  }));
  switch (input.kind) {
    case QuestionKind.Matching:
      return trimmed
        .filter((o) => o.label !== '' || o.matchLabel !== '')
        .map((o) => ({ ...o, correct: true }));
    case QuestionKind.ShortAnswer:
      return trimmed.filter((o) => o.label !== '').map((o) => ({ ...o, matchLabel: null, correct: true }));
    case QuestionKind.TrueFalse:
      return trimmed
        .slice(0, 2)
        .map((o, i) => ({ label: TRUE_FALSE_LABELS[i], matchLabel: null, correct: o.correct }));
    default:
      return trimmed.filter((o) => o.label !== '').map((o) => ({ ...o, matchLabel: null }));
  }
}

/**
 * A choice question needs two to ten options; a single-choice question exactly one correct option,
 * a multiple-choice one at least one, and an option marked correct needs a label. A true/false
 * question says which of "Đúng" and "Sai" is right. A matching question has two to ten complete
 * pairs whose right-hand sides differ. A short-answer question has one to ten accepted answers.
 */
export function questionProblems(input: QuestionInput): FieldErrors {
  const problems: FieldErrors = {};
  if (!input.prompt?.trim()) problems.prompt = { key: 'validation.required' };
  const options = filledOptions(input);
  switch (input.kind) {
    case QuestionKind.TrueFalse:
      if (options.length !== 2 || options.filter((o) => o.correct).length !== 1)
        problems.truth = { key: 'catalog.question.truthNeeded' };
      return problems;
    case QuestionKind.ShortAnswer:
      if (options.length < 1 || options.length > MAX_OPTIONS)
        problems.options = { key: 'catalog.question.acceptedCount', params: { max: MAX_OPTIONS } };
      return problems;
    case QuestionKind.Matching: {
      if (options.some((o) => o.label === '' || o.matchLabel === ''))
        problems.options = { key: 'catalog.question.pairIncomplete' };
      else if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
        problems.options = {
          key: 'catalog.question.pairCount',
          params: { min: MIN_OPTIONS, max: MAX_OPTIONS },
        };
      else if (new Set(options.map((o) => foldVietnamese(o.matchLabel ?? ''))).size !== options.length)
        problems.options = { key: 'catalog.question.pairsDistinct' };
      return problems;
    }
  }
  if (input.options.some((o) => o.correct && !(o.label ?? '').trim()))
    problems.correct = { key: 'catalog.question.correctBlank' };
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
    problems.options = {
      key: 'catalog.question.optionCount',
      params: { min: MIN_OPTIONS, max: MAX_OPTIONS },
    };
  const correct = options.filter((o) => o.correct).length;
  if (!problems.correct) {
    if (input.kind === QuestionKind.Single && correct !== 1)
      problems.correct = { key: 'catalog.question.singleNeedsOne' };
    if (input.kind === QuestionKind.Multiple && correct < 1)
      problems.correct = { key: 'catalog.question.multipleNeedsOne' };
  }
  return problems;
}

/** True when a question keeps its kind and the very same options (so past answers still point at them). */
export function sameChoices(
  before: { kind: QuestionKind; options: { label: string; matchLabel?: string | null; correct: boolean }[] },
  after: { kind: QuestionKind; options: { label: string; matchLabel?: string | null; correct: boolean }[] },
): boolean {
  return (
    before.kind === after.kind &&
    before.options.length === after.options.length &&
    before.options.every(
      (o, i) =>
        o.label === after.options[i].label &&
        (o.matchLabel ?? null) === (after.options[i].matchLabel ?? null) &&
        o.correct === after.options[i].correct,
    )
  );
}
