import { DomainCode } from '../learning-records/learning-domains';

/** The in-person activities the plan asks grassroots unions to organise (DESIGN.md §1). */
export enum SessionKind {
  /** Tuyên truyền, phổ biến pháp luật. */
  LawTalk = 'LAW_TALK',
  /** Tập huấn kỹ năng. */
  SkillsTraining = 'SKILLS_TRAINING',
  /** Thi thợ giỏi. */
  SkillContest = 'SKILL_CONTEST',
  /** Tuần lễ hưởng ứng học tập suốt đời. */
  LifelongLearningWeek = 'LIFELONG_LEARNING_WEEK',
  /** Ngày Sách và Văn hóa đọc Việt Nam (21/4). */
  ReadingDay = 'READING_DAY',
  /** Câu lạc bộ đọc sách. */
  ReadingClub = 'READING_CLUB',
  Other = 'OTHER',
}

export const SESSION_KINDS = Object.values(SessionKind);

/**
 * The domains each kind usually counts towards; the form suggests them and the officer may change
 * them. Reading and learning-week events build the self-learning habit (life skills).
 */
export const DEFAULT_DOMAINS: Record<SessionKind, DomainCode[]> = {
  [SessionKind.LawTalk]: [DomainCode.Law],
  [SessionKind.SkillsTraining]: [DomainCode.Vocational],
  [SessionKind.SkillContest]: [DomainCode.Vocational],
  [SessionKind.LifelongLearningWeek]: [DomainCode.LifeSkills],
  [SessionKind.ReadingDay]: [DomainCode.LifeSkills],
  [SessionKind.ReadingClub]: [DomainCode.LifeSkills],
  [SessionKind.Other]: [],
};

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as string[]).includes(value);
}
