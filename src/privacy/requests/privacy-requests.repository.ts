import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus } from '../entities/privacy-request.entity';

@Injectable()
export class PrivacyRequestsRepository {
  constructor(@InjectRepository(PrivacyRequest) private readonly requests: Repository<PrivacyRequest>) {}

  create(data: Omit<PrivacyRequest, 'id' | 'createdAt' | 'updatedAt'>): Promise<PrivacyRequest> {
    return this.requests.save(this.requests.create(data));
  }

  findById(id: number, manager?: EntityManager): Promise<PrivacyRequest | null> {
    return (manager ? manager.getRepository(PrivacyRequest) : this.requests).findOne({ where: { id } });
  }

  openOf(userId: number, kind: PrivacyRequestKind): Promise<PrivacyRequest | null> {
    return this.requests.findOne({ where: { userId, kind, status: PrivacyRequestStatus.Open } });
  }

  listForUser(userId: number): Promise<PrivacyRequest[]> {
    return this.requests.find({ where: { userId }, order: { id: 'DESC' } });
  }

  /** Open requests by due date (the most urgent first), or closed ones newest first. */
  page(open: boolean, skip: number, take: number): Promise<[PrivacyRequest[], number]> {
    const statuses = open
      ? [PrivacyRequestStatus.Open]
      : [PrivacyRequestStatus.Done, PrivacyRequestStatus.Refused];
    return this.requests
      .createQueryBuilder('r')
      .where({ status: In(statuses) })
      .orderBy(open ? 'r.dueOn' : 'r.handledAt', open ? 'ASC' : 'DESC')
      .addOrderBy('r.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
  }

  /**
   * Closes a request that is still open; false when someone else closed it first (the caller's
   * transaction then rolls back).
   */
  async close(
    manager: EntityManager,
    id: number,
    status: PrivacyRequestStatus.Done | PrivacyRequestStatus.Refused,
    handledBy: number,
    handledAt: Date,
    outcome: string | null,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PrivacyRequest)
      .set({ status, handledBy, handledAt, outcome })
      .where('id = :id AND status = :open', { id, open: PrivacyRequestStatus.Open })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Every other open request of the person, answered by the anonymisation. */
  async closeOthers(manager: EntityManager, userId: number, handledBy: number, at: Date, outcome: string) {
    await manager
      .createQueryBuilder()
      .update(PrivacyRequest)
      .set({ status: PrivacyRequestStatus.Done, handledBy, handledAt: at, outcome })
      .where('user_id = :userId AND status = :open', { userId, open: PrivacyRequestStatus.Open })
      .execute();
  }
}
