/**
 * Every background job and the payload it carries. A job name without a handler stops start-up,
 * so adding a name here means adding its @JobHandler in the domain that owns it.
 */
export interface JobPayloads {
  /** Reads an uploaded roster file into workers and employments (workers/roster-import.processor.ts). */
  'roster.import': { importId: number };
  /** Tells the domains that listen to new learning records about a worker (learning-records/learning-record-events.ts). */
  'learning.recorded': { workerId: number };
  /** Reads an uploaded attendance sheet into a session's attendance (activities/attendance-import.processor.ts). */
  'attendance.import': { importId: number };
}

export type JobName = keyof JobPayloads;

/** Kept as a list too so that start-up can check each name has a handler. */
export const JOB_NAMES: readonly JobName[] = ['roster.import', 'learning.recorded', 'attendance.import'];
