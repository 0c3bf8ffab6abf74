import { inspect } from 'node:util';

/** Thrown inside a check to stop waiting at once (e.g. the process being waited for has exited). */
export class GiveUp extends Error {}

export interface EventuallyOptions<T> {
  /** How long to keep checking; the test fails after it with what it was waiting for. */
  timeoutMs?: number;
  /** Pause between two checks. */
  intervalMs?: number;
  /**
   * When the value read is the one waited for. Without it: any value but undefined, null and false,
   * so a check can answer `cond ? value : false`.
   */
  until?: (value: T) => unknown;
  /**
   * Keep checking when the check throws (a service restarting refuses connections); by default an
   * error fails the wait at once, as an assertion inside the check should. GiveUp always stops.
   */
  retryErrors?: boolean;
}

/**
 * The one way tests wait for something done in the background (a job run, an import, a process
 * starting): reads `check` until it gives what was waited for and returns that value. Never an
 * open-ended loop: after `timeoutMs` it fails with the description and the last value seen,
 *   Timed out after 30000 ms waiting for job run 12 to finish; last value: { status: 'RUNNING', … }
 * Where the in-process queue can be awaited (InProcessJobQueue.whenIdle) a test does that instead.
 */
export async function eventually<T>(
  description: string,
  check: () => T | Promise<T>,
  options: EventuallyOptions<T> = {},
): Promise<Exclude<T, undefined | null | false>> {
  const { timeoutMs = 30_000, intervalMs = 50, until = isSomething, retryErrors = false } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | null = null;
  for (;;) {
    try {
      const value = await check();
      if (until(value)) return value as Exclude<T, undefined | null | false>;
      last = { value };
    } catch (error) {
      if (error instanceof GiveUp || !retryErrors) throw error;
      last = { error };
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}; ${describe(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function isSomething(value: unknown): unknown {
  return value !== undefined && value !== null && value !== false;
}

function describe(last: { value: unknown } | { error: unknown } | null): string {
  if (!last) return 'nothing was read';
  if ('error' in last) return `last error: ${(last.error as Error)?.message ?? String(last.error)}`;
  return `last value: ${inspect(last.value, { depth: 3, breakLength: Infinity, maxStringLength: 500 })}`;
}
