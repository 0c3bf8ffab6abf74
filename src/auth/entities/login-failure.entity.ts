import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted per account and per address, shared by every web process. */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn() throttleKey: string;
  /** Failures decided within the window. */
  @Column() failures: number;
  /** Attempts reserved and still being checked; they count against the limit until decided. */
  @Column({ default: 0 }) inFlight: number;
  @Column({ type: 'datetime' }) windowStartedAt: Date;
  @Column({ type: 'datetime', nullable: true }) lockedUntil: Date | null;
}
