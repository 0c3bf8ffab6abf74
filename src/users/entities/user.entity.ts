import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RoleAssignment } from './role-assignment.entity';

export enum UserStatus {
  /** Created (e.g. from a roster) but the person has not set a password yet. */
  Pending = 'PENDING',
  Active = 'ACTIVE',
  Disabled = 'DISABLED',
}

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column() username: string;
  @Column() displayName: string;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ type: 'varchar', nullable: true, select: false }) passwordHash: string | null;
  @Column({ type: 'varchar' }) status: UserStatus;
  @Column({ type: 'varchar', nullable: true }) locale: string | null;
  @Column({ type: 'varchar', nullable: true, select: false }) activationCodeHash: string | null;
  @Column({ type: 'datetime', nullable: true }) activationExpiresAt: Date | null;
  /** When the person first set a password. Once set, never cleared: no activation code again. */
  @Column({ type: 'datetime', nullable: true }) activatedAt: Date | null;
  /** The waiting code comes from an admin's password reset (the only code an activated account takes). */
  @Column({ default: false }) activationCodeReset: boolean;
  @Column({ type: 'datetime', nullable: true }) lastLoginAt: Date | null;
  /** Sessions that signed in before this moment are no longer accepted ("sign out everywhere"). */
  @Column({ type: 'datetime', nullable: true }) sessionsValidAfter: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
  @OneToMany(() => RoleAssignment, (a) => a.user) roleAssignments?: RoleAssignment[];
}
