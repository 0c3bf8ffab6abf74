import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted per account and per address, shared by every web process. */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn() throttleKey: string;
  @Column() failures: number;
  @Column({ type: 'datetime' }) windowStartedAt: Date;
  @Column({ type: 'datetime', nullable: true }) lockedUntil: Date | null;
}
