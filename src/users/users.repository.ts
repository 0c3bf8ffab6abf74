import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { RoleGrant } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { likeContains } from '../common/text/vietnamese';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User, UserStatus } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RoleAssignment) private readonly roleAssignments: Repository<RoleAssignment>,
  ) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  /** An account with its role grants in one statement: every signed-in request reads them. */
  async findWithGrants(id: number): Promise<{ user: User; grants: RoleGrant[] } | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.roleAssignments', 'ra')
      .where('u.id = :id', { id })
      .orderBy('ra.id', 'ASC')
      .getOne();
    if (!user) return null;
    const grants = (user.roleAssignments ?? []).map(({ role, scopeType, scopeId }) => ({
      role,
      scopeType,
      scopeId,
    }));
    delete user.roleAssignments;
    return { user, grants };
  }

  /** With the password hash, for signing in. */
  findForLogin(where: { username: string } | { id: number }): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .addSelect('u.activationCodeHash')
      .where(where)
      .getOne();
  }

  /** Status of some accounts, by id (a worker's list shows whether their login is active). */
  async statuses(ids: number[]): Promise<Map<number, UserStatus>> {
    if (ids.length === 0) return new Map();
    const found = await this.users.find({ where: { id: In(ids) }, select: { id: true, status: true } });
    return new Map(found.map((u) => [u.id, u.status]));
  }

  /** User names and display names of some accounts, by id, for other domains' lists. */
  async namesOf(ids: number[]): Promise<Map<number, { username: string; displayName: string }>> {
    if (ids.length === 0) return new Map();
    const found = await this.users.find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, username: true, displayName: true },
    });
    return new Map(found.map((u) => [u.id, { username: u.username, displayName: u.displayName }]));
  }

  /** Every account's id (the demo seeder's consents). */
  async allIds(manager: EntityManager = this.users.manager): Promise<number[]> {
    const rows = await manager.getRepository(User).find({ select: { id: true } });
    return rows.map((u) => u.id);
  }

  assignments(userId: number): Promise<RoleAssignment[]> {
    return this.roleAssignments.find({ where: { userId }, order: { id: 'ASC' } });
  }

  async grants(userId: number): Promise<RoleGrant[]> {
    const rows = await this.roleAssignments.find({ where: { userId }, order: { id: 'ASC' } });
    return rows.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId }));
  }

  async create(
    data: Pick<User, 'username' | 'displayName' | 'email' | 'status'>,
    manager: EntityManager = this.users.manager,
  ): Promise<User> {
    // An account made active at once (the demo seed) counts as activated from the start.
    const activatedAt = data.status === UserStatus.Active ? new Date() : null;
    return manager
      .getRepository(User)
      .save(manager.getRepository(User).create({ ...data, locale: null, activatedAt }));
  }

  async assign(
    userId: number,
    role: Role,
    scopeType: ScopeType,
    scopeId: number,
    manager = this.users.manager,
  ) {
    const repo = manager.getRepository(RoleAssignment);
    const existing = await repo.findOne({ where: { userId, role, scopeType, scopeId } });
    return existing ?? repo.save(repo.create({ userId, role, scopeType, scopeId }));
  }

  async unassign(userId: number, assignmentId: number): Promise<boolean> {
    const result = await this.roleAssignments.delete({ id: assignmentId, userId });
    return (result.affected ?? 0) > 0;
  }

  async update(id: number, changes: Partial<User>, manager = this.users.manager): Promise<void> {
    await manager.getRepository(User).update({ id }, changes);
  }

  /** Applies the change only to an account never activated; false when it was (or became) one. */
  async updateIfNeverActivated(id: number, changes: Partial<User>): Promise<boolean> {
    const result = await this.users
      .createQueryBuilder()
      .update(User)
      .set(changes)
      .where('id = :id', { id })
      .andWhere("activated_at IS NULL AND status <> 'ACTIVE' AND password_hash IS NULL")
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async page(q: string | undefined, skip: number, take: number): Promise<[User[], number]> {
    const query = this.users.createQueryBuilder('u').orderBy('u.id', 'ASC').skip(skip).take(take);
    if (q)
      query.where("LOWER(u.username) LIKE :q ESCAPE '!' OR LOWER(u.display_name) LIKE :q ESCAPE '!'", {
        q: likeContains(q.toLowerCase()),
      });
    return query.getManyAndCount();
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (await this.users.count({ where: { username } })) > 0;
  }

  async countActive(): Promise<number> {
    return this.users.count({ where: { status: UserStatus.Active } });
  }
}
