import { FieldErrors, FormError } from '../../common/errors/form-error';
import { QuestionKind } from './entities/survey.entity';

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const TEXT_MAX = 1000;

/** A question as answering needs it. */
export interface AnswerableQuestion {
  id: number;
  kind: QuestionKind;
  required: boolean;
  choices: string[];
}

/** One answer row to store: a choice index or scale value, or a short text. */
export interface AnswerRow {
  questionId: number;
  choice: number | null;
  text: string | null;
}

/** Answers as the API sends them, or as gathered from a form's q_<id> fields. */
export type RawAnswers = Map<number, string[]>;

/** Fields of an answer form that are not q_<id>: refused before anything is looked up. */
export function strayFields(body: Record<string, unknown> | undefined): string[] {
  // A body the parsers could not read (text/plain, broken multipart) arrives as undefined.
  return Object.keys(body ?? {}).filter((f) => f !== '_csrf' && !/^q_\d{1,9}$/.test(f));
}

/** The form field of a question. */
export const fieldOf = (questionId: number) => `q_${questionId}`;

/**
 * Reads the answers of a form: only q_<id> fields of the survey's questions (besides the CSRF
 * token and, for a code, the code); any other field is refused, since no DTO can list them.
 */
export function answersFromForm(
  posted: Record<string, unknown> | undefined,
  questions: AnswerableQuestion[],
  allowed: string[] = [],
): { raw: RawAnswers; unknown: string[] } {
  const body = posted ?? {};
  const ids = new Set(questions.map((q) => q.id));
  const raw: RawAnswers = new Map();
  const unknown: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    if (field === '_csrf' || allowed.includes(field)) continue;
    const m = /^q_(\d{1,9})$/.exec(field);
    if (!m || !ids.has(Number(m[1]))) {
      unknown.push(field);
      continue;
    }
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    raw.set(Number(m[1]), values);
  }
  return { raw, unknown };
}

/**
 * Checks the answers against the questions and turns them into rows: a single choice or scale
 * value once, multiple choices each once, text trimmed. Errors are keyed by the question's field.
 */
export function validateAnswers(
  questions: AnswerableQuestion[],
  raw: RawAnswers,
): { rows: AnswerRow[]; errors: FieldErrors } {
  const rows: AnswerRow[] = [];
  const errors: FieldErrors = {};
  for (const q of questions) {
    const field = fieldOf(q.id);
    const values = (raw.get(q.id) ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (q.required) errors[field] = { key: 'surveys.error.answerRequired' };
      continue;
    }
    if (q.kind === QuestionKind.Text) {
      const text = values.join(' ');
      if (text.length > TEXT_MAX) errors[field] = { key: 'validation.maxLength', params: { max: TEXT_MAX } };
      else rows.push({ questionId: q.id, choice: null, text });
      continue;
    }
    const numbers = values.map((v) => (/^\d{1,3}$/.test(v) ? Number(v) : NaN));
    const [min, max] = q.kind === QuestionKind.Scale ? [SCALE_MIN, SCALE_MAX] : [0, q.choices.length - 1];
    if (numbers.some((n) => !(n >= min && n <= max))) {
      errors[field] = { key: 'surveys.error.badChoice' };
      continue;
    }
    const distinct = [...new Set(numbers)];
    if (q.kind !== QuestionKind.Multiple && distinct.length > 1) {
      errors[field] = { key: 'surveys.error.oneChoice' };
      continue;
    }
    for (const choice of distinct.sort((a, b) => a - b)) rows.push({ questionId: q.id, choice, text: null });
  }
  return { rows, errors };
}

/** Refuses a form that carries fields it should not, naming each. */
export function refuseFields(fields: string[]): void {
  if (fields.length > 0)
    throw new FormError(
      Object.fromEntries(
        fields.map((field) => [field, { key: 'validation.unknownField', params: { field } }]),
      ),
    );
}
