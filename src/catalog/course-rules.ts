import { FieldErrors } from '../common/errors/form-error';
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

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  explanation?: string | null;
  options: { label?: string | null; correct: boolean }[];
}

/** The options worth keeping: those with a label, trimmed. */
export function filledOptions(input: QuestionInput): { label: string; correct: boolean }[] {
  return input.options
    .map((o) => ({ label: (o.label ?? '').trim(), correct: !!o.correct }))
    .filter((o) => o.label !== '');
}

/**
 * A question needs two to ten options; a single-choice question exactly one correct option, a
 * multiple-choice question at least one. An option marked correct needs a label.
 */
export function questionProblems(input: QuestionInput): FieldErrors {
  const problems: FieldErrors = {};
  if (!input.prompt?.trim()) problems.prompt = { key: 'validation.required' };
  if (input.options.some((o) => o.correct && !(o.label ?? '').trim()))
    problems.correct = { key: 'catalog.question.correctBlank' };
  const options = filledOptions(input);
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
  before: { kind: QuestionKind; options: { label: string; correct: boolean }[] },
  after: { kind: QuestionKind; options: { label: string; correct: boolean }[] },
): boolean {
  return (
    before.kind === after.kind &&
    before.options.length === after.options.length &&
    before.options.every(
      (o, i) => o.label === after.options[i].label && o.correct === after.options[i].correct,
    )
  );
}
