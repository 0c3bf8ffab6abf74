import { CompletionRule, LessonStatus } from '../catalog/entities/lesson.entity';
import { QuestionKind } from '../catalog/entities/quiz.entity';
import {
  certificateCode,
  courseState,
  heartbeatCredit,
  normaliseCertificateCode,
  drawQuestions,
  markQuestion,
  rightAnswer,
  RuleLesson,
  sameShortAnswer,
  scoreQuiz,
  seededShuffle,
  seenAtOnOpen,
} from './learning.rules';

const lesson = (id: number, extra: Partial<RuleLesson> = {}): RuleLesson => ({
  id,
  required: true,
  status: LessonStatus.Active,
  completionRule: CompletionRule.Opened,
  minMinutes: null,
  ...extra,
});

describe('learning rules', () => {
  it('counts required active lessons and the final quiz toward the percentage', () => {
    const lessons = [
      lesson(1),
      lesson(2),
      lesson(3, { required: false }),
      lesson(4, { status: LessonStatus.Removed }),
    ];
    expect(courseState(lessons, new Set([1, 4]), { exists: true, passed: false })).toEqual({
      done: 1,
      total: 3,
      percent: 33,
      complete: false,
    });
    expect(courseState(lessons, new Set([1, 2]), { exists: true, passed: true }).complete).toBe(true);
    // Without required lessons or a final quiz, the active lessons are what counts.
    expect(
      courseState([lesson(1, { required: false })], new Set(), { exists: false, passed: false }),
    ).toMatchObject({
      total: 1,
      complete: false,
    });
  });

  it('scores a multiple-choice question right only for exactly the right options', () => {
    const questions = [
      {
        id: 1,
        kind: QuestionKind.Multiple,
        options: [
          { id: 1, correct: true },
          { id: 2, correct: true },
          { id: 3, correct: false },
        ],
      },
      {
        id: 2,
        kind: QuestionKind.Single,
        options: [
          { id: 4, correct: true },
          { id: 5, correct: false },
        ],
      },
    ];
    expect(scoreQuiz(questions, { '1': [1, 2], '2': [4] }).scorePercent).toBe(100);
    expect(scoreQuiz(questions, { '1': [1], '2': [4] }).scorePercent).toBe(50);
    expect(scoreQuiz(questions, { '1': [1, 2, 3], '2': [5] }).scorePercent).toBe(0);
    expect(scoreQuiz(questions, { '2': [4, 5] }).scorePercent).toBe(0);
  });

  it('marks a true/false question right only on its one correct option', () => {
    const q = {
      id: 7,
      kind: QuestionKind.TrueFalse,
      options: [
        { id: 70, correct: false },
        { id: 71, correct: true },
      ],
    };
    expect(markQuestion(q, [71]).correct).toBe(true);
    expect(markQuestion(q, [70]).correct).toBe(false);
    expect(markQuestion(q, [70, 71]).correct).toBe(false);
    expect(markQuestion(q, undefined).correct).toBe(false);
  });

  it('marks a short answer against every accepted answer, folded', () => {
    const q = {
      id: 8,
      kind: QuestionKind.ShortAnswer,
      options: [
        { id: 80, correct: true, label: 'Cầu dao điện' },
        { id: 81, correct: true, label: 'aptomat' },
      ],
    };
    expect(markQuestion(q, { text: '  cau   DAO dien ' }).correct).toBe(true);
    expect(markQuestion(q, { text: 'Áptômát' }).correct).toBe(true);
    expect(markQuestion(q, { text: 'cầu chì' })).toEqual({
      questionId: 8,
      correct: false,
      chosen: [],
      text: 'cầu chì',
    });
    expect(markQuestion(q, { text: '   ' }).correct).toBe(false);
    expect(markQuestion(q, [80]).correct).toBe(false);
  });

  it('folds short answers: case, spaces, tones, marks and đ', () => {
    expect(sameShortAnswer('ĐIỆN ÁP', 'dien ap')).toBe(true);
    expect(sameShortAnswer('Điện\táp', 'điện áp')).toBe(true);
    expect(sameShortAnswer('Tiê\u0301ng Viê\u0323t', 'tieng viet')).toBe(true);
    expect(sameShortAnswer('dien ap', 'dien')).toBe(false);
    expect(sameShortAnswer('', '')).toBe(false);
  });

  it('marks a matching question right only when every pair is right', () => {
    const q = {
      id: 9,
      kind: QuestionKind.Matching,
      options: [
        { id: 90, correct: true, label: 'Đỏ', matchLabel: 'Dừng' },
        { id: 91, correct: true, label: 'Xanh', matchLabel: 'Đi' },
        { id: 92, correct: true, label: 'Vàng', matchLabel: 'Chậm lại' },
      ],
    };
    expect(markQuestion(q, { pairs: { '90': 'Dừng', '91': 'Đi', '92': 'Chậm lại' } }).correct).toBe(true);
    expect(markQuestion(q, { pairs: { '90': 'Đi', '91': 'Dừng', '92': 'Chậm lại' } }).correct).toBe(false);
    expect(markQuestion(q, { pairs: { '90': 'Dừng', '91': 'Đi' } }).correct).toBe(false);
    expect(markQuestion(q, { pairs: { '90': 'Dừng', '91': 'Đi', '92': 'Nhanh' } }).correct).toBe(false);
    expect(markQuestion(q, [90]).correct).toBe(false);
  });

  it('gives an answer that every kind marks right', () => {
    const questions = [
      {
        id: 1,
        kind: QuestionKind.TrueFalse,
        options: [
          { id: 11, correct: false },
          { id: 12, correct: true },
        ],
      },
      { id: 2, kind: QuestionKind.ShortAnswer, options: [{ id: 21, correct: true, label: 'Ngắt điện' }] },
      {
        id: 3,
        kind: QuestionKind.Matching,
        options: [
          { id: 31, correct: true, label: 'Mũ', matchLabel: 'Đầu' },
          { id: 32, correct: true, label: 'Găng', matchLabel: 'Tay' },
        ],
      },
    ];
    for (const q of questions) expect(markQuestion(q, rightAnswer(q)).correct).toBe(true);
  });

  it('draws distinct questions, never more than the bank holds', () => {
    const bank = [1, 2, 3, 4, 5, 6, 7, 8];
    for (let seed = 0; seed < 20; seed++) {
      let n = seed;
      const random = () => (n = (n * 9301 + 49297) % 233280) / 233280;
      const drawn = drawQuestions(bank, 5, random);
      expect(drawn).toHaveLength(5);
      expect(new Set(drawn).size).toBe(5);
      expect(drawn.every((id) => bank.includes(id))).toBe(true);
    }
    expect(drawQuestions([3, 3, 4], 5).sort()).toEqual([3, 4]);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) drawQuestions(bank, 1).forEach((id) => seen.add(id));
    expect(seen.size).toBe(bank.length);
  });

  it('credits a heartbeat no more than the time elapsed, the time claimed and a minute', () => {
    const last = new Date('2025-01-01T00:00:00Z');
    const after = (s: number) => new Date(last.getTime() + s * 1000);
    expect(heartbeatCredit(last, after(30.9), 30)).toEqual({ seconds: 30, seenAt: after(30.9) });
    expect(heartbeatCredit(last, after(900), 900)).toEqual({ seconds: 60, seenAt: after(900) });
    expect(heartbeatCredit(last, after(-5), 30)).toEqual({ seconds: 0, seenAt: last });
    expect(heartbeatCredit(null, after(30), 30)).toEqual({ seconds: 0, seenAt: after(30) });
    // Limited by the wall time: the part of a second not credited is kept for the next beat.
    expect(heartbeatCredit(last, after(29.9), 30)).toEqual({ seconds: 29, seenAt: after(29) });
  });

  it('counts from the previous beat when a lesson is opened again within a minute, else from now', () => {
    const last = new Date('2025-01-01T00:00:00Z');
    const after = (s: number) => new Date(last.getTime() + s * 1000);
    expect(seenAtOnOpen(last, after(20))).toEqual(last);
    expect(seenAtOnOpen(last, after(60))).toEqual(after(60));
    expect(seenAtOnOpen(last, after(-5))).toEqual(after(-5));
    expect(seenAtOnOpen(null, after(5))).toEqual(after(5));
  });

  it('never credits more than the wall time, however fast the beats come', () => {
    const last = new Date('2025-01-01T00:00:00Z');
    let seenAt = last;
    let total = 0;
    for (let ms = 700; ms <= 100_000; ms += 700) {
      const credit = heartbeatCredit(seenAt, new Date(last.getTime() + ms), 60);
      total += credit.seconds;
      seenAt = credit.seenAt;
      expect(total * 1000).toBeLessThanOrEqual(ms);
    }
    expect(total).toBeGreaterThanOrEqual(99);
  });

  it('shuffles the same way for the same seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(seededShuffle(items, 'k1')).toEqual(seededShuffle(items, 'k1'));
    expect(seededShuffle(items, 'k1')).not.toEqual(items);
    expect([...seededShuffle(items, 'k2')].sort((a, b) => a - b)).toEqual(items);
  });

  it('writes certificate codes that read back however they are typed', () => {
    let n = 0;
    const code = certificateCode((max) => n++ % max);
    expect(code).toBe('ABCD-EFGH-JKLM-NPQR');
    expect(normaliseCertificateCode('abcdefghjklmnpqr')).toBe(code);
    expect(normaliseCertificateCode('ABCD-EFGH-JKLM-NPQ1')).toBeNull();
  });
});
