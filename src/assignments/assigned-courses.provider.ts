import { Injectable, OnModuleInit } from '@nestjs/common';
import { AssignedCourses } from '../learning/assigned-courses';
import { AssignmentsService } from './assignments.service';

/** Gives the worker's learning home its "Được giao" list (learning/assigned-courses.ts). */
@Injectable()
export class AssignedCoursesProvider implements OnModuleInit {
  constructor(
    private readonly slot: AssignedCourses,
    private readonly assignments: AssignmentsService,
  ) {}

  onModuleInit(): void {
    this.slot.provide({ openOf: (workerId, today) => this.assignments.openOf(workerId, today) });
  }
}
