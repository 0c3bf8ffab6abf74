import { QuestionKind } from '../catalog/entities/quiz.entity';
import { optionMark } from './learning.presenters';
import { FeedbackQuestion } from './learning.service';

/** Options 1 and 3 are right; the worker chose `chosen`. */
function question(
  kind: QuestionKind,
  chosen: number[],
  correct: boolean,
  revealed: boolean,
): FeedbackQuestion {
  return {
    id: 1,
    kind,
    prompt: 'Dấu hiệu lừa đảo?',
    options: [1, 2, 3].map((id) => ({ id, label: `Lựa chọn ${id}` })),
    correct,
    chosen,
    correctOptionIds: revealed ? [1, 3] : [],
    explanation: null,
  };
}

const marks = (q: FeedbackQuestion, revealed: boolean) => q.options.map((o) => optionMark(q, o.id, revealed));

describe('optionMark', () => {
  it('once revealed, marks every right option right and a wrong choice wrong', () => {
    const q = question(QuestionKind.Multiple, [1, 2], false, true);
    expect(marks(q, true)).toEqual(['rightChoice', 'wrongChoice', 'right']);
  });

  it('before, never shows a right choice of a wrong multiple-choice question as wrong', () => {
    const q = question(QuestionKind.Multiple, [1], false, false);
    expect(marks(q, false)).toEqual(['choice', null, null]);
  });

  it('before, tells no more than the verdict: the one choice of a wrong single-choice question is wrong', () => {
    expect(marks(question(QuestionKind.Single, [2], false, false), false)).toEqual([
      null,
      'wrongChoice',
      null,
    ]);
    expect(marks(question(QuestionKind.Multiple, [1, 3], true, false), false)).toEqual([
      'rightChoice',
      null,
      'rightChoice',
    ]);
  });
});
