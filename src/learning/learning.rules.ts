import { createHash, randomInt } from 'node:crypto';
import { CompletionRule, LessonStatus } from '../catalog/entities/lesson.entity';
import { QuestionKind } from '../catalog/entities/quiz.entity';
import { foldVietnamese } from '../common/text/vietnamese';
import { QuizAnswer, QuizAnswers } from './entities/quiz-attempt.entity';

/**
 * The rules of online learning as plain functions: when a lesson and a course count as done, how a
 * quiz is scored, how much time a heartbeat earns, how a holder's name is shown in public. The
 * services apply them inside the transaction of each event.
 */

export interface RuleLesson {
  id: number;
  required: boolean;
  status: LessonStatus;
  completionRule: CompletionRule;
  minMinutes: number | null;
}

export interface RuleProgress {
  openedAt: Date | null;
  secondsSpent: number;
  quizPassedAt: Date | null;
}

/**
 * A lesson is done when it was opened (OPENED), when enough time was spent in it (TIME_SPENT), or
 * when its quiz was passed (QUIZ_MASTERED). A lesson with a quiz rule but no quiz counts as opened.
 */
export function lessonRuleMet(lesson: RuleLesson, progress: RuleProgress, hasQuiz: boolean): boolean {
  if (!progress.openedAt) return false;
  switch (lesson.completionRule) {
    case CompletionRule.TimeSpent:
      return progress.secondsSpent >= (lesson.minMinutes ?? 0) * 60;
    case CompletionRule.QuizMastered:
      return hasQuiz ? progress.quizPassedAt !== null : true;
    default:
      return true;
  }
}

export interface CourseState {
  /** Requirements met: required active lessons done, plus the final quiz when passed. */
  done: number;
  total: number;
  percent: number;
  complete: boolean;
}

/**
 * A course is done when every ACTIVE required lesson is done and its final quiz (if any) is passed.
 * Removed lessons count for nothing either way. A course without requirements (no required lesson,
 * no final quiz) asks for its active lessons instead.
 */
export function courseState(
  lessons: RuleLesson[],
  doneLessonIds: ReadonlySet<number>,
  finalQuiz: { exists: boolean; passed: boolean },
): CourseState {
  const active = lessons.filter((l) => l.status === LessonStatus.Active);
  let counted = active.filter((l) => l.required);
  if (counted.length === 0 && !finalQuiz.exists) counted = active;
  const total = counted.length + (finalQuiz.exists ? 1 : 0);
  const done = counted.filter((l) => doneLessonIds.has(l.id)).length + (finalQuiz.passed ? 1 : 0);
  if (total === 0) return { done: 0, total: 0, percent: 0, complete: false };
  return { done, total, percent: Math.floor((done * 100) / total), complete: done === total };
}

export interface ScoredQuestion {
  id: number;
  kind: QuestionKind;
  /**
   * Choice kinds: the options with their correct flag. SHORT_ANSWER: each label an accepted answer.
   * MATCHING: each option a pair, label on the left and matchLabel on the right.
   */
  options: { id: number; correct: boolean; label?: string; matchLabel?: string | null }[];
}

export interface QuestionResult {
  questionId: number;
  correct: boolean;
  /** The options chosen (choice kinds). */
  chosen: number[];
  /** SHORT_ANSWER: the text typed. */
  text?: string;
  /** MATCHING: the right-hand side chosen per left option id. */
  pairs?: Record<string, string>;
}

export interface QuizScore {
  results: QuestionResult[];
  correctCount: number;
  scorePercent: number;
}

/** An answer's option ids, whatever its shape (none for a text or pairs). */
export function chosenIds(answer: QuizAnswer | undefined): number[] {
  return Array.isArray(answer) ? [...new Set(answer)] : [];
}

/** Two short answers match after trimming, collapsing spaces, case-folding and dropping diacritics (đ → d). */
export function sameShortAnswer(given: string, accepted: string): boolean {
  const folded = foldVietnamese(given);
  return folded !== '' && folded === foldVietnamese(accepted);
}

/**
 * One question's mark, all or nothing. Single choice and true/false: the one option chosen is the
 * correct one. Multiple choice: the options chosen are exactly the correct ones. Short answer: the
 * text matches an accepted answer (see sameShortAnswer). Matching: every left item is given its own
 * right-hand side (the sides of one question differ, so the text names one).
 */
export function markQuestion(question: ScoredQuestion, answer: QuizAnswer | undefined): QuestionResult {
  const base = { questionId: question.id };
  switch (question.kind) {
    case QuestionKind.ShortAnswer: {
      const text = answer && !Array.isArray(answer) && 'text' in answer ? String(answer.text) : '';
      const correct = question.options.some((o) => sameShortAnswer(text, o.label ?? ''));
      return { ...base, correct, chosen: [], text };
    }
    case QuestionKind.Matching: {
      const pairs = answer && !Array.isArray(answer) && 'pairs' in answer ? answer.pairs : {};
      const correct =
        question.options.length > 0 &&
        question.options.every((left) => !!left.matchLabel && pairs[String(left.id)] === left.matchLabel);
      return { ...base, correct, chosen: [], pairs };
    }
    default: {
      const chosen = chosenIds(answer);
      const correctIds = question.options.filter((o) => o.correct).map((o) => o.id);
      const correct =
        chosen.length === correctIds.length &&
        chosen.every((id) => correctIds.includes(id)) &&
        (question.kind === QuestionKind.Multiple || chosen.length === 1);
      return { ...base, correct, chosen };
    }
  }
}

/** An answer markQuestion marks right (for seeding demo attempts): the right options, the first accepted text, every pair. */
export function rightAnswer(question: ScoredQuestion): QuizAnswer {
  if (question.kind === QuestionKind.ShortAnswer) return { text: question.options[0]?.label ?? '' };
  if (question.kind === QuestionKind.Matching)
    return { pairs: Object.fromEntries(question.options.map((o) => [String(o.id), o.matchLabel ?? ''])) };
  return question.options.filter((o) => o.correct).map((o) => o.id);
}

/** One point per question (see markQuestion); the score is the share of points, rounded down. */
export function scoreQuiz(questions: ScoredQuestion[], answers: QuizAnswers): QuizScore {
  const results = questions.map((q) => markQuestion(q, answers[String(q.id)]));
  const correctCount = results.filter((r) => r.correct).length;
  const scorePercent = questions.length === 0 ? 0 : Math.floor((correctCount * 100) / questions.length);
  return { results, correctCount, scorePercent };
}

const cryptoRandom = () => randomInt(2 ** 32) / 2 ** 32;

/**
 * `count` distinct questions picked at random from `ids` (all of them, shuffled, when there are
 * fewer); `random` returns a number in [0, 1).
 */
export function drawQuestions(ids: number[], count: number, random: () => number = cryptoRandom): number[] {
  const pool = [...new Set(ids)];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, Math.max(0, count));
}

/** The most one heartbeat can earn; the page sends one every 15 seconds of visible time. */
export const HEARTBEAT_MAX_SECONDS = 60;

/**
 * Seconds a heartbeat earns: what the page says it was visible, but never more than the wall time
 * since the previous open or heartbeat, nor more than a minute. A replay earns (almost) nothing.
 * `seenAt` is where the next heartbeat counts from: when the wall time was the limit, only the
 * whole seconds credited are used up (so a beat arriving at 29.9 s loses nothing), which keeps the
 * total credited within the wall time however the beats are timed; otherwise it is now.
 */
export function heartbeatCredit(
  lastSeenAt: Date | null,
  now: Date,
  claimedSeconds: number,
): { seconds: number; seenAt: Date } {
  if (!lastSeenAt || now.getTime() <= lastSeenAt.getTime()) return { seconds: 0, seenAt: lastSeenAt ?? now };
  const elapsed = (now.getTime() - lastSeenAt.getTime()) / 1000;
  const limit = Math.min(HEARTBEAT_MAX_SECONDS, Math.max(0, claimedSeconds));
  if (elapsed < limit) {
    const seconds = Math.floor(elapsed);
    return { seconds, seenAt: new Date(lastSeenAt.getTime() + seconds * 1000) };
  }
  return { seconds: Math.floor(limit), seenAt: now };
}

/**
 * Where a lesson opened again counts its heartbeats from. After a pause it is now, so the pause
 * earns nothing. Within a minute of the previous open or heartbeat it stays there: the page being
 * left ("Tiếp tục", a reload) sends its last seconds by a beacon that may arrive after this very
 * opening, and they are still credited, within the same wall time since the previous one.
 */
export function seenAtOnOpen(lastSeenAt: Date | null, now: Date): Date {
  if (!lastSeenAt || lastSeenAt.getTime() > now.getTime()) return now;
  return now.getTime() - lastSeenAt.getTime() < HEARTBEAT_MAX_SECONDS * 1000 ? lastSeenAt : now;
}

/**
 * A name shown on the public verification page: the family name whole, every other word as its
 * first letter and a star per further letter ("Nguyễn Việt Anh" → "Nguyễn V*** A**").
 */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const hide = (word: string) => {
    const letters = Array.from(word);
    return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
  };
  if (words.length === 0) return '';
  if (words.length === 1) return hide(words[0]);
  return [words[0], ...words.slice(1).map(hide)].join(' ');
}

/**
 * Fisher–Yates with a generator seeded by a string, so one attempt (its submission key) always
 * shows the same order: on the form, and again on its feedback page.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const digest = createHash('sha256').update(seed).digest();
  let state = digest.readUInt32LE(0) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A certificate code: 16 characters from 32 (80 random bits), grouped by four for reading aloud. */
export function certificateCode(randomIndex: (max: number) => number): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** A code as typed or scanned: upper case, dashes where they belong; null when it cannot be one. */
export function normaliseCertificateCode(value: string): string | null {
  const plain = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (plain.length !== 16 || [...plain].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return [0, 4, 8, 12].map((i) => plain.slice(i, i + 4)).join('-');
}
