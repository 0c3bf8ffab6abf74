import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';

/**
 * A file kept on disk under the upload directory. `storedName` is a random name chosen by the
 * server (never the uploader's); `kind` was recognised from the file's bytes. The owner says what
 * the file belongs to (a course cover, a lesson, a material…), for the owner's access rules.
 */
@Entity('stored_files')
export class StoredFile {
  @PrimaryGeneratedColumn() id: number;
  /** What the file belongs to, e.g. "COURSE_COVER", "LESSON", "MATERIAL". */
  @Column() ownerType: string;
  @Column() ownerId: number;
  /** The name the uploader's file had, for downloads and display. */
  @Column() originalName: string;
  /** Relative to the upload directory. */
  @Column() storedName: string;
  /** A FileKind. */
  @Column() kind: string;
  @Column() mime: string;
  // BIGINT comes back from MySQL as a string.
  @Column({ type: 'bigint', transformer: decimalNumber }) sizeBytes: number;
  @Column() sha256: string;
  @Column({ type: 'integer', nullable: true }) uploadedBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
