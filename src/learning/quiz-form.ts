import { QuizAnswers } from './entities/quiz-attempt.entity';
import { QuizSubmission } from './learning.service';

/**
 * Reads a quiz form: one field per question, named q<questionId>, holding the chosen option ids
 * (a radio group sends one, checkboxes send the name again for each). Anything else is ignored;
 * the service checks the answers against the quiz.
 */
export function quizSubmissionFromForm(body: unknown): QuizSubmission {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const answers: QuizAnswers = {};
  for (const [name, value] of Object.entries(fields)) {
    const match = /^q(\d{1,9})$/.exec(name);
    if (!match) continue;
    const values = (Array.isArray(value) ? value : [value])
      .map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN))
      .filter((n) => Number.isInteger(n));
    if (values.length > 0) answers[match[1]] = values;
  }
  const key = fields.submissionKey;
  return { submissionKey: typeof key === 'string' ? key : '', answers };
}

/** The API's list of answers as the same map. */
export function answersFromList(list: { questionId: number; optionIds: number[] }[]): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const a of list)
    answers[String(a.questionId)] = [...(answers[String(a.questionId)] ?? []), ...a.optionIds];
  return answers;
}
