import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Recognition } from '../entities/recognition.entity';

export type NewHistoryTitle = Omit<Recognition, 'id' | 'createdAt' | 'updatedAt'>;

/** The queries of past years' titles: recognitions with no application, by (worker, year). */
@Injectable()
export class HistoryTitlesRepository {
  constructor(@InjectRepository(Recognition) private readonly recognitions: Repository<Recognition>) {}

  /** The titles held for these (worker, year) pairs, keyed "worker:year". */
  async findFor(
    pairs: { workerId: number; year: number }[],
    manager: EntityManager = this.recognitions.manager,
  ): Promise<Map<string, Recognition>> {
    if (pairs.length === 0) return new Map();
    const found = await manager.getRepository(Recognition).find({
      where: { workerId: In([...new Set(pairs.map((p) => p.workerId))]) },
    });
    const wanted = new Set(pairs.map((p) => `${p.workerId}:${p.year}`));
    return new Map(
      found.filter((r) => wanted.has(`${r.workerId}:${r.year}`)).map((r) => [`${r.workerId}:${r.year}`, r]),
    );
  }

  async insert(manager: EntityManager, title: NewHistoryTitle): Promise<void> {
    await manager.getRepository(Recognition).insert(title);
  }

  async update(manager: EntityManager, id: number, changes: Partial<NewHistoryTitle>): Promise<void> {
    await manager.getRepository(Recognition).update({ id }, changes);
  }
}
