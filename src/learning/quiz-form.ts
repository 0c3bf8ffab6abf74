import { QuizAnswers } from './entities/quiz-attempt.entity';
import { QuizSubmission } from './learning.service';

const ID = /^\d{1,9}$/;

/**
 * Reads a quiz form: for a choice question a field q<questionId> holding the chosen option ids (a
 * radio group sends one, checkboxes send the name again for each); for a short answer a field
 * t<questionId> with the text; for a matching question one select m<questionId>_<leftOptionId>
 * per left item, holding the right-hand side chosen. Anything else is ignored; the service
 * checks the answers against the quiz.
 */
export function quizSubmissionFromForm(body: unknown): QuizSubmission {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const answers: QuizAnswers = {};
  for (const [name, value] of Object.entries(fields)) {
    const choice = /^q(\d{1,9})$/.exec(name);
    if (choice) {
      const values = (Array.isArray(value) ? value : [value])
        .map((v) => (typeof v === 'string' && ID.test(v) ? Number(v) : NaN))
        .filter((n) => Number.isInteger(n));
      if (values.length > 0) answers[choice[1]] = values;
      continue;
    }
    const text = /^t(\d{1,9})$/.exec(name);
    if (text && typeof value === 'string') {
      answers[text[1]] = { text: value };
      continue;
    }
    const pair = /^m(\d{1,9})_(\d{1,9})$/.exec(name);
    if (pair && typeof value === 'string' && value !== '') {
      const current = answers[pair[1]];
      const pairs = current && !Array.isArray(current) && 'pairs' in current ? current.pairs : {};
      answers[pair[1]] = { pairs: { ...pairs, [pair[2]]: value } };
    }
  }
  const key = fields.submissionKey;
  return { submissionKey: typeof key === 'string' ? key : '', answers };
}

/** One answer of the API: option ids, a text, or matching pairs. */
export interface ApiAnswer {
  questionId: number;
  optionIds?: number[];
  text?: string;
  pairs?: { optionId: number; match: string }[];
}

/** The API's list of answers as the same map. */
export function answersFromList(list: ApiAnswer[]): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const a of list) {
    const key = String(a.questionId);
    const current = answers[key];
    if (a.text !== undefined) answers[key] = { text: a.text };
    else if (a.pairs !== undefined) {
      const before = current && !Array.isArray(current) && 'pairs' in current ? current.pairs : {};
      answers[key] = {
        pairs: { ...before, ...Object.fromEntries(a.pairs.map((p) => [String(p.optionId), p.match])) },
      };
    } else answers[key] = [...(Array.isArray(current) ? current : []), ...(a.optionIds ?? [])];
  }
  return answers;
}
