import { DomainCode } from '../../learning-records/learning-domains';

/** The movements and contests the plan names; each counts in one learning domain. */
export enum ContestKind {
  /** Thi thợ giỏi: an in-person skilled-worker contest, results entered by the organiser. */
  SkillsContest = 'SKILLS_CONTEST',
  /** Phong trào ôn luyện lý thuyết, thực hành tay nghề: in-person, results entered by the organiser. */
  TheoryReview = 'THEORY_REVIEW',
  /** Cuộc thi trực tuyến tìm hiểu pháp luật: an online quiz from the contest's bank, marked by the server. */
  LawQuiz = 'LAW_QUIZ',
}

export const CONTEST_KINDS = Object.values(ContestKind);

export const CONTEST_DOMAIN: Record<ContestKind, DomainCode> = {
  [ContestKind.SkillsContest]: DomainCode.Vocational,
  [ContestKind.TheoryReview]: DomainCode.Vocational,
  [ContestKind.LawQuiz]: DomainCode.Law,
};

export function isOnline(kind: ContestKind): boolean {
  return kind === ContestKind.LawQuiz;
}

/** Seconds a submission may arrive after the deadline (a slow phone network), and still count. */
export const SUBMIT_GRACE_SECONDS = 30;

/** The instant an attempt started at `startedAt` must be submitted by: the limit, never past the round. */
export function attemptDeadline(startedAt: Date, limitMinutes: number, roundClosesAt: Date): Date {
  const byLimit = startedAt.getTime() + limitMinutes * 60_000;
  return new Date(Math.min(byLimit, roundClosesAt.getTime()));
}

/** True when a submission at `now` is past the deadline and its grace. */
export function isLate(deadlineAt: Date, now: Date): boolean {
  return now.getTime() > deadlineAt.getTime() + SUBMIT_GRACE_SECONDS * 1000;
}

/** Correct option indexes as stored ("1,3") and back. */
export function parseCorrect(correct: string): number[] {
  return correct
    .split(',')
    .filter((s) => s !== '')
    .map(Number)
    .sort((a, b) => a - b);
}

export interface MarkableQuestion {
  id: number;
  correct: string;
}

/**
 * One point per question answered exactly (the same set of options as the correct ones); a
 * multiple-choice question half-answered scores nothing. Answers to questions not drawn are ignored.
 */
export function markAttempt(
  questions: MarkableQuestion[],
  answers: Record<string, number[]>,
): { score: number; maxScore: number } {
  let score = 0;
  for (const q of questions) {
    const given = [...new Set(answers[String(q.id)] ?? [])].sort((a, b) => a - b);
    const right = parseCorrect(q.correct);
    if (given.length === right.length && given.every((v, i) => v === right[i])) score++;
  }
  return { score, maxScore: questions.length };
}

export interface Rankable {
  workerId: number;
  score: number | null;
  durationSeconds: number | null;
  rank: number | null;
}

/**
 * The ranking of a round: a rank the organiser gave comes first; otherwise by score (higher first),
 * then time taken (shorter first). Equal score and time share a rank.
 */
export function rankEntries<T extends Rankable>(entries: T[]): (T & { position: number })[] {
  const sorted = [...entries].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      (a.durationSeconds ?? Number.MAX_SAFE_INTEGER) - (b.durationSeconds ?? Number.MAX_SAFE_INTEGER) ||
      a.workerId - b.workerId,
  );
  const ranked: (T & { position: number })[] = [];
  sorted.forEach((e, i) => {
    const prev = ranked[i - 1];
    const same =
      prev && prev.rank === e.rank && prev.score === e.score && prev.durationSeconds === e.durationSeconds;
    ranked.push({ ...e, position: same ? prev.position : i + 1 });
  });
  return ranked;
}

/** Draws `count` of the bank's question ids at random (all of them, shuffled, when count is null). */
export function drawQuestions(ids: number[], count: number | null, random = Math.random): number[] {
  const pool = [...ids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return count === null ? pool : pool.slice(0, count);
}
