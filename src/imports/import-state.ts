import { ImportRun } from './entities/import-run.entity';

/** What an import is doing, as its page says it: in the badge and beside the progress bar alike. */
export type ImportState = 'QUEUED' | 'RUNNING' | 'RETRYING' | 'COMPLETED' | 'FAILED';

export interface ImportStateView {
  state: ImportState;
  /** Message key of its label, `roster.status.<state>`. */
  label: string;
  /** The badge's class (public/css/app.css). */
  tone: '' | 'ok' | 'bad' | 'warn';
  finished: boolean;
}

const TONES: Record<ImportState, ImportStateView['tone']> = {
  QUEUED: '',
  RUNNING: 'warn',
  RETRYING: 'warn',
  COMPLETED: 'ok',
  FAILED: 'bad',
};

/**
 * The one source of an import's state on screen. A finished import says how it ended. Until then
 * the job running it knows best (the import row turns RUNNING only once the job has opened the
 * file, and a job that gave up leaves it unfinished), and it is the job that the progress bar
 * polls; so the badge, the bar and the bar's refreshes all say the same thing. Without a job in
 * sight (someone else's import), the import's own status.
 */
export function importState(
  imp: Pick<ImportRun, 'status' | 'finished'>,
  run: { status: string } | null,
): ImportStateView {
  const state = (imp.finished || !run ? imp.status : run.status) as ImportState;
  return {
    state,
    label: `roster.status.${state}`,
    tone: TONES[state],
    finished: state === 'COMPLETED' || state === 'FAILED',
  };
}
