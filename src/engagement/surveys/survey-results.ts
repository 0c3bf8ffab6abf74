import { QuestionKind } from './entities/survey.entity';
import { SCALE_MAX, SCALE_MIN } from './survey-answers';

/** Fewer answers than this are never shown to an officer: a small group's answers could be told apart. */
export const MIN_GROUP = 5;

export interface QuestionForResults {
  id: number;
  position: number;
  kind: QuestionKind;
  text: string;
  choices: string[];
  lowLabel: string | null;
  highLabel: string | null;
}

/** How many answers chose each choice (or scale value) of each question, and how many answered it. */
export interface AnswerCounts {
  /** question id → choice → count */
  choices: Map<number, Map<number, number>>;
  /** question id → how many responses answered it */
  answered: Map<number, number>;
}

export interface ChoiceResult {
  label: string;
  count: number;
  /** Share of those who answered the question, in percent with one decimal. */
  share: number;
}

export interface QuestionResult {
  id: number;
  number: number;
  kind: QuestionKind;
  text: string;
  answered: number;
  choices: ChoiceResult[];
  /** Mean of a scale question, two decimals; null otherwise or without answers. */
  mean: number | null;
}

export const percent = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;

/** Labels of a question's choices: its options, or 1–5 with the labelled ends for a scale. */
export function choiceLabels(q: Pick<QuestionForResults, 'kind' | 'choices' | 'lowLabel' | 'highLabel'>) {
  if (q.kind !== QuestionKind.Scale) return q.choices.map((label, index) => ({ value: index, label }));
  const labels = [];
  for (let v = SCALE_MIN; v <= SCALE_MAX; v++) {
    const end = v === SCALE_MIN ? q.lowLabel : v === SCALE_MAX ? q.highLabel : null;
    labels.push({ value: v, label: end ? `${v} — ${end}` : String(v) });
  }
  return labels;
}

/**
 * The per-question results of one group of responses: for each choice its count and share of those
 * who answered the question (multiple choice shares add up to more than 100%), the mean of a scale.
 * Text questions have no choices here; their answers are listed apart, for the federation only.
 */
export function questionResults(questions: QuestionForResults[], counts: AnswerCounts): QuestionResult[] {
  return questions.map((q, i) => {
    const answered = counts.answered.get(q.id) ?? 0;
    const byChoice = counts.choices.get(q.id) ?? new Map<number, number>();
    const choices =
      q.kind === QuestionKind.Text
        ? []
        : choiceLabels(q).map(({ value, label }) => {
            const count = byChoice.get(value) ?? 0;
            return { label, count, share: percent(count, answered) };
          });
    let mean: number | null = null;
    if (q.kind === QuestionKind.Scale && answered > 0) {
      let sum = 0;
      for (const [value, count] of byChoice) sum += value * count;
      mean = Math.round((sum / answered) * 100) / 100;
    }
    return { id: q.id, number: i + 1, kind: q.kind, text: q.text, answered, choices, mean };
  });
}

/** The most chosen answers of a choice question, most first (ties in the question's order). */
export function topChoices(result: QuestionResult, count: number): ChoiceResult[] {
  return result.choices
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.count > 0)
    .sort((a, b) => b.c.count - a.c.count || a.i - b.i)
    .slice(0, count)
    .map(({ c }) => c);
}
