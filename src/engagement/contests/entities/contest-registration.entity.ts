import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A worker registered for a contest, by themselves or by their union officer (for that enterprise). */
@Entity('contest_registrations')
export class ContestRegistration {
  @PrimaryGeneratedColumn() id: number;
  @Column() contestId: number;
  @Column() workerId: number;
  /** The enterprise whose officer registered the worker, or the contest's enterprise. */
  @Column({ type: 'integer', nullable: true }) enterpriseId: number | null;
  @Column() registeredBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
