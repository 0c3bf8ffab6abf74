import { FormError } from '../../common/errors/form-error';
import { QuestionKind } from './entities/survey.entity';
import {
  answersFromForm,
  AnswerableQuestion,
  refuseFields,
  strayFields,
  validateAnswers,
} from './survey-answers';

const QUESTIONS: AnswerableQuestion[] = [
  { id: 1, kind: QuestionKind.Single, required: true, choices: ['A', 'B', 'C'] },
  { id: 2, kind: QuestionKind.Multiple, required: true, choices: ['X', 'Y', 'Z'] },
  { id: 3, kind: QuestionKind.Scale, required: true, choices: [] },
  { id: 4, kind: QuestionKind.Text, required: false, choices: [] },
];

describe('survey answers', () => {
  it('turns a complete form into one row per choice, the text trimmed', () => {
    const { raw, unknown } = answersFromForm(
      { _csrf: 't', q_1: '2', q_2: ['0', '2', '2'], q_3: '5', q_4: '  Học buổi tối  ' },
      QUESTIONS,
    );
    expect(unknown).toEqual([]);
    const { rows, errors } = validateAnswers(QUESTIONS, raw);
    expect(errors).toEqual({});
    expect(rows).toEqual([
      { questionId: 1, choice: 2, text: null },
      { questionId: 2, choice: 0, text: null },
      { questionId: 2, choice: 2, text: null },
      { questionId: 3, choice: 5, text: null },
      { questionId: 4, choice: null, text: 'Học buổi tối' },
    ]);
  });

  it('names missing required answers, choices out of range and a second single choice', () => {
    const { raw } = answersFromForm({ q_1: ['0', '1'], q_2: '3', q_4: '' }, QUESTIONS);
    const { errors } = validateAnswers(QUESTIONS, raw);
    expect(Object.keys(errors).sort()).toEqual(['q_1', 'q_2', 'q_3']);
    expect(errors.q_1.key).toBe('surveys.error.oneChoice');
    expect(errors.q_2.key).toBe('surveys.error.badChoice');
    expect(errors.q_3.key).toBe('surveys.error.answerRequired');
  });

  it('refuses a scale value outside 1–5 and text that is no number', () => {
    const { errors } = validateAnswers(
      QUESTIONS,
      new Map([
        [1, ['x']],
        [2, ['1']],
        [3, ['0']],
      ]),
    );
    expect(errors.q_1.key).toBe('surveys.error.badChoice');
    expect(errors.q_3.key).toBe('surveys.error.badChoice');
  });

  it('finds fields that are no question of the survey, and refuses them by name', () => {
    expect(strayFields({ _csrf: 'x', q_1: '1', role: 'SYSTEM_ADMIN' })).toEqual(['role']);
    expect(answersFromForm({ q_1: '1', q_99: '1' }, QUESTIONS).unknown).toEqual(['q_99']);
    expect(() => refuseFields([])).not.toThrow();
    try {
      refuseFields(['role']);
      fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(FormError);
      expect((error as FormError).fieldErrors.role).toEqual({
        key: 'validation.unknownField',
        params: { field: 'role' },
      });
    }
  });
});
