import type { SessionData, Store } from 'express-session';

/** How often a session in use has its expiry pushed back in the store. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * Sessions expire after SESSION_IDLE_MINUTES without a request. express-session pushes the expiry
 * back on every request (an EXPIRE in Redis, an UPDATE in the database), which under load costs
 * more than reading the session. This store pushes it back at most once per interval per session
 * in this process, so a session may end up to one interval before its idle time is up, never later.
 * The sessions remembered here are those touched within the last interval.
 */
export function throttleTouches(store: Store, intervalMs = SESSION_TOUCH_INTERVAL_MS): Store {
  const touch = store.touch?.bind(store);
  const set = store.set.bind(store);
  const destroy = store.destroy.bind(store);
  if (!touch) return store;
  const touched = new Map<string, number>();
  const remember = (sid: string) => {
    const now = Date.now();
    touched.delete(sid);
    touched.set(sid, now);
    // Oldest first: drop those whose interval has passed.
    for (const [key, at] of touched) {
      if (now - at < intervalMs && now >= at) break;
      touched.delete(key);
    }
  };
  store.touch = (sid: string, session: SessionData, callback?: () => void) => {
    const at = touched.get(sid);
    const now = Date.now();
    if (at !== undefined && now - at < intervalMs && now >= at) return callback?.();
    remember(sid);
    touch(sid, session, callback);
  };
  store.set = (sid: string, session: SessionData, callback?: (err?: unknown) => void) => {
    remember(sid);
    set(sid, session, callback);
  };
  store.destroy = (sid: string, callback?: (err?: unknown) => void) => {
    touched.delete(sid);
    destroy(sid, callback);
  };
  return store;
}
