import { Injectable } from '@nestjs/common';

/**
 * A course given to the worker by their union officer, as the learning home lists it ("Được giao").
 * The assignments domain owns assignments and plugs them in (assignments/assigned-courses.provider.ts):
 * it sits above learning, so learning only knows this shape, as the dashboard knows its reporting panel.
 */
export interface AssignedCourse {
  courseId: number;
  title: string;
  enterpriseName: string;
  /** YYYY-MM-DD: the last day to finish it. */
  dueOn: string;
  overdue: boolean;
  percent: number;
}

export interface AssignedCoursesSource {
  /** The worker's assignments not done yet, soonest due first. */
  openOf(workerId: number, today: string): Promise<AssignedCourse[]>;
}

/** Where the assignments domain plugs in; without it the learning home lists no assignment. */
@Injectable()
export class AssignedCourses {
  private source: AssignedCoursesSource | null = null;

  provide(source: AssignedCoursesSource): void {
    this.source = source;
  }

  openOf(workerId: number, today: string): Promise<AssignedCourse[]> {
    return this.source ? this.source.openOf(workerId, today) : Promise.resolve([]);
  }
}
