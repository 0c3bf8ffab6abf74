import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry, AuditSubject } from './entities/audit-entry.entity';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditFilter {
  subjectType?: AuditSubject;
  subjectId?: number;
  action?: string;
}

@Injectable()
export class AuditLogRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async insert(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    const repo = (manager ?? this.entries.manager).getRepository(AuditEntry);
    await repo.save(repo.create({ ...entry, at: new Date() }));
  }

  /** Newest first. */
  page(filter: AuditFilter, skip: number, take: number): Promise<[AuditEntry[], number]> {
    return this.entries.findAndCount({
      where: {
        ...(filter.subjectType ? { subjectType: filter.subjectType } : {}),
        ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
        ...(filter.action ? { action: filter.action } : {}),
      },
      order: { id: 'DESC' },
      skip,
      take,
    });
  }
}
