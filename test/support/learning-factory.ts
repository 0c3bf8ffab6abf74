import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Course, CourseLevel, CourseStatus, Licence } from '../../src/catalog/entities/course.entity';
import { CompletionRule, Lesson, LessonStatus } from '../../src/catalog/entities/lesson.entity';
import {
  QuestionKind,
  QuestionStatus,
  Quiz,
  QuizOption,
  QuizQuestion,
} from '../../src/catalog/entities/quiz.entity';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { foldVietnamese } from '../../src/common/text/vietnamese';

/**
 * Courses written straight into the catalog tables for learning tests (the authoring pages are
 * another domain's): lessons with completion rules and a final quiz whose right answers are known.
 */

export interface LessonSpec {
  rule?: CompletionRule;
  minMinutes?: number;
  required?: boolean;
}

export interface CourseFixture {
  course: Course;
  lessons: Lesson[];
  finalQuiz: Quiz;
  /** Answers that score 100% on the final quiz, by question id. */
  right: Record<string, number[]>;
  /** Answers that get the multiple-choice question wrong. */
  wrong: Record<string, number[]>;
}

export async function createInstitution(
  db: DataSource,
  name = `Trường thử nghiệm ${randomBytes(4).toString('hex')}`,
) {
  await db.query("INSERT INTO training_institutions (name, search_key, kind) VALUES (?, ?, 'COLLEGE')", [
    name,
    foldVietnamese(name),
  ]);
  const [{ id }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [name]);
  return Number(id);
}

/** A published course of the given lessons and a final quiz: one single-choice and one multiple-choice question. */
export async function createCourse(
  db: DataSource,
  options: {
    title: string;
    institutionId: number;
    domains: string[];
    lessons: LessonSpec[];
    hours?: number;
    maxAttempts?: number;
  },
): Promise<CourseFixture> {
  const course = await db.getRepository(Course).save({
    institutionId: options.institutionId,
    title: options.title,
    searchKey: foldVietnamese(options.title),
    summary: 'Khóa học ngắn về an toàn khi dùng điện thoại và Internet.',
    level: CourseLevel.Beginner,
    estimatedHours: options.hours ?? 2.5,
    language: 'vi',
    licence: Licence.CcBy,
    coverFileId: null,
    status: CourseStatus.Published,
    publishedAt: new Date(),
    archivedAt: null,
    createdBy: null,
  });
  await db
    .createQueryBuilder()
    .insert()
    .into('course_domains')
    .values(options.domains.map((code) => ({ course_id: course.id, domain_code: code })))
    .execute();
  const lessons: Lesson[] = [];
  for (const [i, spec] of options.lessons.entries()) {
    lessons.push(
      await db.getRepository(Lesson).save({
        courseId: course.id,
        position: i + 1,
        title: `Bài ${i + 1}: ${['Mật khẩu an toàn', 'Nhận biết lừa đảo', 'Dịch vụ công trực tuyến'][i % 3]}`,
        bodyHtml: `<p>Nội dung bài ${i + 1}: <strong>đặt mật khẩu dài</strong>, không chia sẻ mã OTP.</p>`,
        videoUrl: null,
        required: spec.required ?? true,
        completionRule: spec.rule ?? CompletionRule.Opened,
        minMinutes: spec.minMinutes ?? null,
        status: LessonStatus.Active,
      }),
    );
  }
  const finalQuiz = await db.getRepository(Quiz).save({
    courseId: course.id,
    lessonId: null,
    title: 'Bài kiểm tra cuối khóa',
    passPercent: 100,
    maxAttempts: options.maxAttempts ?? 0,
    shuffle: true,
  });
  const single = await db.getRepository(QuizQuestion).save({
    quizId: finalQuiz.id,
    position: 1,
    kind: QuestionKind.Single,
    prompt: 'Mật khẩu nào an toàn nhất?',
    explanation: 'Mật khẩu dài, có chữ hoa, chữ thường, số và ký tự đặc biệt thì khó đoán.',
    status: QuestionStatus.Active,
  });
  const multiple = await db.getRepository(QuizQuestion).save({
    quizId: finalQuiz.id,
    position: 2,
    kind: QuestionKind.Multiple,
    prompt: 'Dấu hiệu nào cho thấy tin nhắn lừa đảo?',
    explanation: 'Kẻ lừa đảo thường hối thúc và đòi mã OTP.',
    status: QuestionStatus.Active,
  });
  const option = (questionId: number, position: number, label: string, correct: boolean) =>
    db.getRepository(QuizOption).save({ questionId, position, label, correct });
  const strong = await option(single.id, 1, 'Hoa@Sen2025!dai', true);
  await option(single.id, 2, '123456', false);
  const hurry = await option(multiple.id, 1, 'Hối thúc chuyển tiền gấp', true);
  await option(multiple.id, 2, 'Gửi từ tổng đài chính thức', false);
  const otp = await option(multiple.id, 3, 'Đòi mã OTP', true);
  return {
    course,
    lessons,
    finalQuiz,
    right: { [single.id]: [strong.id], [multiple.id]: [hurry.id, otp.id] },
    wrong: { [single.id]: [strong.id], [multiple.id]: [hurry.id] },
  };
}

/** A quiz of the lesson's own (one single-choice question), with answers that pass and fail it. */
export async function addLessonQuiz(db: DataSource, lesson: Lesson, maxAttempts = 0) {
  const quiz = await db.getRepository(Quiz).save({
    courseId: lesson.courseId,
    lessonId: lesson.id,
    title: 'Kiểm tra nhanh',
    passPercent: 100,
    maxAttempts,
    shuffle: false,
  });
  const question = await db.getRepository(QuizQuestion).save({
    quizId: quiz.id,
    position: 1,
    kind: QuestionKind.Single,
    prompt: 'Có nên cho người khác biết mã OTP không?',
    explanation: 'Mã OTP chỉ dành cho chính bạn; ngân hàng không bao giờ hỏi mã này.',
    status: QuestionStatus.Active,
  });
  const option = (position: number, label: string, correct: boolean) =>
    db.getRepository(QuizOption).save({ questionId: question.id, position, label, correct });
  const no = await option(1, 'Không bao giờ', true);
  const yes = await option(2, 'Có, nếu là nhân viên ngân hàng', false);
  return { quiz, right: { [question.id]: [no.id] }, wrong: { [question.id]: [yes.id] } };
}

/** A worker record of one's own (no employment), on a shared test database. */
export async function createWorker(db: DataSource, fullName = 'Nguyễn Việt Anh'): Promise<number> {
  const hash = randomBytes(32).toString('hex');
  await db.query(
    "INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash) VALUES (?, ?, '1990-01-01', 'MALE', 'x', ?)",
    [fullName, foldVietnamese(fullName), hash],
  );
  const [{ id }] = await db.query('SELECT id FROM workers WHERE cccd_hash = ?', [hash]);
  return Number(id);
}

export const workerActor = (workerId: number) =>
  new Actor(
    0,
    'Người lao động',
    [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
    workerId,
  );
