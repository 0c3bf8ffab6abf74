import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum JobStatus {
  Queued = 'QUEUED',
  Running = 'RUNNING',
  /** Failed an attempt and waits for the next one. */
  Retrying = 'RETRYING',
  Completed = 'COMPLETED',
  Failed = 'FAILED',
}

export type JobResult = Record<string, string | number | boolean | null>;

/** One run of a background job, read by pages to show progress and results. */
@Entity('job_runs')
export class JobRun {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @Column() businessKey: string;
  /** name:key while the run waits in the queue, so a second enqueue joins it instead of adding one. */
  @Column({ type: 'varchar', nullable: true }) pendingKey: string | null;
  @Column({ type: 'varchar' }) status: JobStatus;
  @Column() progress: number;
  @Column({
    type: 'text',
    transformer: { to: (v: unknown) => JSON.stringify(v), from: (v: string) => JSON.parse(v) },
  })
  payload: unknown;
  @Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (v: JobResult | null) => (v ? JSON.stringify(v) : null),
      from: (v: string | null) => (v ? JSON.parse(v) : null),
    },
  })
  result: JobResult | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column() attempts: number;
  @Column({ type: 'integer', nullable: true }) requestedBy: number | null;
  @Column({ type: 'datetime', nullable: true }) runAfter: Date | null;
  @Column({ type: 'datetime', nullable: true }) startedAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) finishedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  get isFinished(): boolean {
    return this.status === JobStatus.Completed || this.status === JobStatus.Failed;
  }
}
