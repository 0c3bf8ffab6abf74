import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role, ScopeType } from '../../common/access/roles';
import { User } from './user.entity';

/** A user holds a role within a scope: (user, role, scope). scopeId is 0 for the ALL scope. */
@Entity('role_assignments')
export class RoleAssignment {
  @PrimaryGeneratedColumn() id: number;
  @Column() userId: number;
  @Column({ type: 'varchar' }) role: Role;
  @Column({ type: 'varchar' }) scopeType: ScopeType;
  @Column() scopeId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
  @ManyToOne(() => User, (u) => u.roleAssignments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
