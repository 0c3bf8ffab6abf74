import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { decimalNumber } from '../../database/transformers';
import { LearningDomain } from '../../learning-records/entities/learning-domain.entity';
import { SessionKind } from '../session-kinds';

/**
 * An in-person learning activity a grassroots union organises for its enterprise: a law talk, a
 * skills training, a skilled-worker contest, a reading event… Times are stored in UTC and shown in
 * Vietnam's time. Each attendance becomes one learning record with the session's domains and hours.
 */
@Entity('learning_sessions')
export class LearningSession {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column({ type: 'varchar' }) kind: SessionKind;
  @Column() title: string;
  /** Title folded for accent-insensitive search (see foldVietnamese). */
  @Column() searchKey: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'datetime', precision: 3 }) startsAt: Date;
  @Column({ type: 'datetime', precision: 3 }) endsAt: Date;
  @Column() place: string;
  @Column() organiser: string;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) hours: number;
  /** Random and unguessable: the QR code on the session page opens /checkin/<token>. */
  @Column() checkinToken: string;
  @Column({ type: 'integer', nullable: true }) createdBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @ManyToMany(() => LearningDomain)
  @JoinTable({
    name: 'session_domains',
    joinColumn: { name: 'session_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'domain_code', referencedColumnName: 'code' },
  })
  domains: LearningDomain[];
}
