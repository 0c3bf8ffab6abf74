import { ExportColumn } from '../../common/export/table-export';
import { QuestionKind } from './entities/survey.entity';
import { fieldOf, SCALE_MAX, SCALE_MIN } from './survey-answers';
import { AnswerForm } from './survey-answering.service';
import { QuestionResult } from './survey-results';
import { RateRow, ResultLine } from './survey-results.service';

/** The answer form's questions, ready for the template; `body` is what was typed, on a form shown again. */
export function answerFormView(form: AnswerForm, body: Record<string, unknown> = {}) {
  return {
    survey: form.survey,
    answered: form.answered,
    questions: form.questions.map((q) => {
      const field = fieldOf(q.id);
      const typed = body[field];
      const chosen = new Set((Array.isArray(typed) ? typed : typed === undefined ? [] : [typed]).map(String));
      const options =
        q.kind === QuestionKind.Scale
          ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i).map((v) => ({
              value: v,
              label: String(v),
              id: `${field}-${v}`,
              checked: chosen.has(String(v)),
            }))
          : q.choices.map((label, i) => ({
              value: i,
              label,
              id: `${field}-${i}`,
              checked: chosen.has(String(i)),
            }));
      return {
        ...q,
        field,
        options,
        isSingle: q.kind === QuestionKind.Single,
        isMultiple: q.kind === QuestionKind.Multiple,
        isScale: q.kind === QuestionKind.Scale,
        isText: q.kind === QuestionKind.Text,
        text: q.text,
        typedText: typeof typed === 'string' ? typed : '',
      };
    }),
  };
}

/** A question's bar chart: the share of each answer, the same numbers as the table beside it. */
export function chartOf(q: QuestionResult, valueLabel: string) {
  if (q.kind === QuestionKind.Text || q.answered === 0) return null;
  return { labels: q.choices.map((c) => c.label), values: q.choices.map((c) => c.share), valueLabel };
}

/** The participation table and its files. */
export function rateColumns(): ExportColumn<RateRow>[] {
  return [
    { header: 'surveys.field.enterprise', value: (r) => r.enterpriseName, width: 40 },
    { header: 'surveys.field.unit', value: (r) => r.unitName, width: 28 },
    { header: 'surveys.field.roster', value: (r) => r.roster },
    { header: 'surveys.field.respondents', value: (r) => r.respondents },
    { header: 'surveys.field.rate', value: (r) => r.rate },
  ];
}

/** The results' file: one line per answer of each question, as the tables on the page. */
export function resultColumns(): ExportColumn<ResultLine>[] {
  return [
    { header: 'surveys.field.group', value: (r) => r.group, width: 30 },
    { header: 'surveys.field.questionNumber', value: (r) => r.question },
    { header: 'surveys.field.question', value: (r) => r.questionText, width: 50 },
    { header: 'surveys.field.answered', value: (r) => r.answered },
    { header: 'surveys.field.answer', value: (r) => r.answer, width: 30 },
    { header: 'surveys.field.count', value: (r) => r.count },
    { header: 'surveys.field.share', value: (r) => r.share },
    { header: 'surveys.field.mean', value: (r) => r.mean },
  ];
}
