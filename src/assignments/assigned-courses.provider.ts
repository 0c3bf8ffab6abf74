import { Injectable, OnModuleInit } from '@nestjs/common';
import { AssignedCourses } from '../learning/assigned-courses';
import { AssignmentsService } from './assignments.service';
import { TerritoryAssignmentsService } from './territory-assignments.service';

/** Gives the worker's learning home its "Được giao" list (learning/assigned-courses.ts). */
@Injectable()
export class AssignedCoursesProvider implements OnModuleInit {
  constructor(
    private readonly slot: AssignedCourses,
    private readonly assignments: AssignmentsService,
    private readonly territory: TerritoryAssignmentsService,
  ) {}

  onModuleInit(): void {
    this.slot.provide({
      // The officer's and the federation's together, soonest due first.
      openOf: async (workerId, today) =>
        [
          ...(await this.assignments.openOf(workerId, today)),
          ...(await this.territory.openOf(workerId, today)),
        ].sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    });
  }
}
