import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { HistoryTraining } from '../entities/history-training.entity';

export type NewHistoryTraining = Omit<HistoryTraining, 'id' | 'createdAt' | 'updatedAt'>;

/** In-person trainings of past years, found by their day and folded title and organiser. */
@Injectable()
export class HistoryTrainingsRepository {
  constructor(@InjectRepository(HistoryTraining) private readonly trainings: Repository<HistoryTraining>) {}

  find(manager: EntityManager, heldOn: string, trainingKey: string): Promise<HistoryTraining | null> {
    return manager.getRepository(HistoryTraining).findOne({ where: { heldOn, trainingKey } });
  }

  async insert(manager: EntityManager, training: NewHistoryTraining): Promise<HistoryTraining> {
    const repo = manager.getRepository(HistoryTraining);
    return repo.save(repo.create(training));
  }

  findById(id: number): Promise<HistoryTraining | null> {
    return this.trainings.findOne({ where: { id } });
  }
}
