import {
  attemptDeadline,
  drawQuestions,
  isLate,
  markAttempt,
  rankEntries,
  SUBMIT_GRACE_SECONDS,
} from './contest-kinds';

describe('contest rules', () => {
  it('ends an attempt at its limit, but never after the round closes', () => {
    const start = new Date('2026-04-21T02:00:00Z');
    expect(attemptDeadline(start, 15, new Date('2026-04-21T10:00:00Z')).toISOString()).toBe(
      '2026-04-21T02:15:00.000Z',
    );
    expect(attemptDeadline(start, 15, new Date('2026-04-21T02:05:00Z')).toISOString()).toBe(
      '2026-04-21T02:05:00.000Z',
    );
  });

  it('accepts a submission within the grace and refuses one after it', () => {
    const deadline = new Date('2026-04-21T02:15:00Z');
    expect(isLate(deadline, new Date(deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000))).toBe(false);
    expect(isLate(deadline, new Date(deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000 + 1))).toBe(true);
  });

  it('marks a question right only when exactly the correct options are chosen', () => {
    const questions = [
      { id: 1, correct: '2' },
      { id: 2, correct: '0,3' },
      { id: 3, correct: '1' },
    ];
    expect(markAttempt(questions, { '1': [2], '2': [3, 0], '3': [0] })).toEqual({ score: 2, maxScore: 3 });
    expect(markAttempt(questions, { '2': [0], '9': [1] })).toEqual({ score: 0, maxScore: 3 });
  });

  it('ranks by score, then by time taken, sharing a rank on a tie', () => {
    const ranked = rankEntries([
      { workerId: 1, score: 8, durationSeconds: 300, rank: null },
      { workerId: 2, score: 9, durationSeconds: 500, rank: null },
      { workerId: 3, score: 8, durationSeconds: 200, rank: null },
      { workerId: 4, score: 8, durationSeconds: 300, rank: null },
    ]);
    expect(ranked.map((r) => [r.workerId, r.position])).toEqual([
      [2, 1],
      [3, 2],
      [1, 3],
      [4, 3],
    ]);
  });

  it('puts ranks given by the organiser first', () => {
    const ranked = rankEntries([
      { workerId: 1, score: 95, durationSeconds: null, rank: 2 },
      { workerId: 2, score: 90, durationSeconds: null, rank: 1 },
    ]);
    expect(ranked.map((r) => r.workerId)).toEqual([2, 1]);
  });

  it('draws the asked number of distinct questions', () => {
    const drawn = drawQuestions([1, 2, 3, 4, 5], 3);
    expect(drawn).toHaveLength(3);
    expect(new Set(drawn).size).toBe(3);
    expect(drawQuestions([1, 2, 3], null).sort()).toEqual([1, 2, 3]);
  });
});
