import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unit-of-work';
import { TerritoryAssignment } from './entities/territory-assignment.entity';

/** The federation's assignments to territories (the rules; who holds them is read from employments). */
@Injectable()
export class TerritoryAssignmentsRepository {
  constructor(
    @InjectRepository(TerritoryAssignment) private readonly assignments: Repository<TerritoryAssignment>,
  ) {}

  findById(id: number): Promise<TerritoryAssignment | null> {
    return this.assignments.findOne({ where: { id } });
  }

  /** Every assignment, the latest due first (the federation gives few: a handful a year per territory). */
  all(): Promise<TerritoryAssignment[]> {
    return this.assignments.find({ order: { dueOn: 'DESC', id: 'DESC' } });
  }

  /** Assignments due between two days (inclusive), for the reminders. */
  dueBetween(from: string, to: string): Promise<TerritoryAssignment[]> {
    return this.assignments
      .createQueryBuilder('a')
      .where('a.due_on >= :from AND a.due_on <= :to', { from, to })
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  /** Stores a new assignment; null when the same (unit, course, due day) exists already. */
  async insert(
    manager: EntityManager,
    row: Pick<TerritoryAssignment, 'unitId' | 'courseId' | 'dueOn' | 'remindDaysBefore' | 'createdBy'>,
  ): Promise<TerritoryAssignment | null> {
    const repo = manager.getRepository(TerritoryAssignment);
    if (await repo.findOne({ where: { unitId: row.unitId, courseId: row.courseId, dueOn: row.dueOn } }))
      return null;
    try {
      return await repo.save(repo.create(row));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async remove(id: number): Promise<void> {
    await this.assignments.delete({ id });
  }
}
