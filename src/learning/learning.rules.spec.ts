import { CompletionRule, LessonStatus } from '../catalog/entities/lesson.entity';
import { QuestionKind } from '../catalog/entities/quiz.entity';
import {
  certificateCode,
  courseState,
  heartbeatCredit,
  normaliseCertificateCode,
  RuleLesson,
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
