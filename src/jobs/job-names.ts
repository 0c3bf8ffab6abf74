/**
 * Every background job and the payload it carries. A job name without a handler stops start-up,
 * so adding a name here means adding its @JobHandler in the domain that owns it.
 */
export interface JobPayloads {
  /** Reads an uploaded sheet (a roster, an attendance sheet…) through its kind's handler (imports/import-pipeline.ts). */
  'import.run': { importId: number };
  /** Tells the domains that listen to new learning records about a worker (learning-records/learning-record-events.ts). */
  'learning.recorded': { workerId: number };
  /** Evaluates one worker's open learning-citizen applications (citizenship/applications/evaluation/evaluation.jobs.ts). */
  'citizenship.evaluate-worker': { workerId: number };
  /** Evaluates every open application of a year in an enterprise, a unit's subtree or the province, in chunks. */
  'citizenship.evaluate-batch': {
    year: number;
    scope: { kind: 'ENTERPRISE' | 'UNIT' | 'PROVINCE'; id?: number };
  };
  /**
   * Rolls a plan's five indicators up on a date into a snapshot (indicators/rollup.processor.ts).
   * Key `${planId}:${asOf}`; `force` recomputes a year-end snapshot that is already history.
   */
  'indicators.rollup': { planId: number; asOf: string; force?: boolean };
  /** Reminds workers of assignments coming due, once each (assignments/assignment-reminders.processor.ts). Key: the day. */
  'assignments.remind': { day: string };
}

export type JobName = keyof JobPayloads;

/** Kept as a list too so that start-up can check each name has a handler. */
export const JOB_NAMES: readonly JobName[] = [
  'import.run',
  'learning.recorded',
  'citizenship.evaluate-worker',
  'citizenship.evaluate-batch',
  'indicators.rollup',
  'assignments.remind',
];
