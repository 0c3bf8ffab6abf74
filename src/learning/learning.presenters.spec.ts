import '../messages';
import { QuestionKind } from '../catalog/entities/quiz.entity';
import { feedbackPage, optionMark } from './learning.presenters';
import { AttemptFeedback } from './learning.service';
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
    choices: [],
    correct,
    chosen,
    text: null,
    pairs: {},
    correctOptionIds: revealed ? [1, 3] : [],
    acceptedAnswers: [],
    correctPairs: {},
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

describe('feedbackPage', () => {
  const page = (questions: FeedbackQuestion[], revealed: boolean) =>
    feedbackPage('vi', {
      course: { id: 1 },
      quiz: { id: 2, title: 'Kiểm tra' },
      attempt: { passed: revealed },
      questions,
      revealed,
      attemptsLeft: null,
    } as unknown as AttemptFeedback);
  const base = { prompt: 'Câu hỏi', choices: [], chosen: [], correctOptionIds: [], explanation: null };

  it('shows the text of a short answer, and the accepted answers only once revealed', () => {
    const q: FeedbackQuestion = {
      ...base,
      id: 5,
      kind: QuestionKind.ShortAnswer,
      options: [],
      correct: false,
      text: 'cầu chì',
      pairs: {},
      acceptedAnswers: [],
      correctPairs: {},
    };
    const hidden = page([q], false).questions[0].options;
    expect(hidden).toEqual([
      expect.objectContaining({ label: 'Bạn trả lời: cầu chì', className: 'wrong chosen' }),
    ]);
    const shown = page([{ ...q, acceptedAnswers: ['Cầu dao', 'aptomat'] }], true).questions[0].options;
    expect(shown[1]).toMatchObject({ label: 'Đáp án được chấp nhận: Cầu dao / aptomat', className: 'right' });
    expect(shown[1].cue).toContain('✓');
  });

  it('judges each pair of a matching question once revealed, and gives the right match of a wrong one', () => {
    const q: FeedbackQuestion = {
      ...base,
      id: 6,
      kind: QuestionKind.Matching,
      options: [
        { id: 61, label: 'Đỏ' },
        { id: 62, label: 'Xanh' },
      ],
      correct: false,
      text: null,
      pairs: { '61': 'Dừng', '62': 'Chậm lại' },
      acceptedAnswers: [],
      correctPairs: {},
    };
    expect(page([q], false).questions[0].options.map((o) => o.className)).toEqual(['chosen', 'chosen']);
    const shown = page([{ ...q, correctPairs: { '61': 'Dừng', '62': 'Đi' } }], true).questions[0].options;
    expect(shown.map((o) => [o.label, o.className])).toEqual([
      ['Đỏ → Dừng', 'right chosen'],
      ['Xanh → Chậm lại', 'wrong chosen'],
    ]);
    expect(shown[1].cue).toContain('✗');
    expect(shown[1].cue).toContain('Vế đúng: Đi');
  });
});
