import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';
import { LearningDomain } from './learning-domain.entity';

export enum RecordSource {
  /** An online course completed in hoctap. */
  Course = 'COURSE',
  /** Attendance at an in-person session recorded by the union officer. */
  Session = 'SESSION',
  /** Reported by a training institution's system through /api/v1. */
  External = 'EXTERNAL',
  /** Attendance at an in-person training held before hoctap (history import). */
  Training = 'TRAINING',
  /** A book the worker read, confirmed by their union officer (engagement/campaigns). */
  BookLog = 'BOOK_LOG',
  /** Taking part in a movement or contest (a result recorded, or an online quiz submitted in time). */
  Contest = 'CONTEST',
}

/**
 * One piece of learning by one worker: the evidence every indicator counts. (worker, source,
 * sourceRef) is unique, so a completion, an attendance or an external record is stored once however
 * often it is sent.
 */
@Entity('learning_records')
export class LearningRecord {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column({ type: 'date' }) occurredOn: string;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) hours: number;
  @Column({ type: 'varchar' }) source: RecordSource;
  /** What it came from, e.g. "course:12", "session:5", "external:31", "training:4", "book:7". */
  @Column() sourceRef: string;
  @Column() title: string;
  @Column({ type: 'integer', nullable: true }) institutionId: number | null;
  @Column({ type: 'integer', nullable: true }) enterpriseId: number | null;
  @CreateDateColumn() createdAt: Date;

  @ManyToMany(() => LearningDomain)
  @JoinTable({
    name: 'learning_record_domains',
    joinColumn: { name: 'record_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'domain_code', referencedColumnName: 'code' },
  })
  domains: LearningDomain[];
}
