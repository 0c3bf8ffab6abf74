import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { RoleGrant } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { likeContains } from '../common/text/vietnamese';
import { dateTime } from '../database/dialect';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User, UserStatus } from './entities/user.entity';

/** The account of a signed-in request, as findWithGrants reads it. */
export interface SignedInAccount {
  id: number;
  displayName: string;
  status: UserStatus;
  sessionsValidAfter: Date | null;
}

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RoleAssignment) private readonly roleAssignments: Repository<RoleAssignment>,
  ) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  /**
   * What a signed-in request needs of its account — name, status, when its sessions were last
   * ended — and its role grants, in one plain statement: every signed-in request and API call reads
   * them, and TypeORM's query building and entity hydration cost a third of a page's throughput
   * here (docs/performance.md, "the signed-in account").
   */
  async findWithGrants(id: number): Promise<{ account: SignedInAccount; grants: RoleGrant[] } | null> {
    const rows: {
      display_name: string;
      status: UserStatus;
      sessions_valid_after: Date | string | null;
      role: Role | null;
      scope_type: ScopeType | null;
      scope_id: number | string | null;
    }[] = await this.users.manager.query(
      `SELECT u.display_name, u.status, u.sessions_valid_after, ra.role, ra.scope_type, ra.scope_id
       FROM users u LEFT JOIN role_assignments ra ON ra.user_id = u.id
       WHERE u.id = ? ORDER BY ra.id`,
      [id],
    );
    if (rows.length === 0) return null;
    const [first] = rows;
    return {
      account: {
        id,
        displayName: first.display_name,
        status: first.status,
        sessionsValidAfter: dateTime(first.sessions_valid_after),
      },
      grants: rows
        .filter((r) => r.role !== null)
        .map((r) => ({
          role: r.role!,
          scopeType: r.scope_type!,
          scopeId: Number(r.scope_id),
        })),
    };
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
