import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to a lesson (PDF, Word, PowerPoint, video, image), in the order shown. */
@Entity('lesson_files')
export class LessonFile {
  @PrimaryColumn() lessonId: number;
  @PrimaryColumn() fileId: number;
  @Column() position: number;
}
