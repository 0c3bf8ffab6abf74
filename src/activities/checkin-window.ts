/** A worker may check in from this long before a session starts until this long after it ends. */
export const CHECKIN_MARGIN_MINUTES = 30;
const MARGIN_MS = CHECKIN_MARGIN_MINUTES * 60_000;

export type CheckinTiming = 'early' | 'open' | 'closed';

export interface CheckinWindow {
  opensAt: Date;
  closesAt: Date;
}

export function checkinWindow(session: { startsAt: Date; endsAt: Date }): CheckinWindow {
  return {
    opensAt: new Date(session.startsAt.getTime() - MARGIN_MS),
    closesAt: new Date(session.endsAt.getTime() + MARGIN_MS),
  };
}

/** Whether check-in is not open yet, open, or over at the given moment (both ends included). */
export function checkinTiming(session: { startsAt: Date; endsAt: Date }, now: Date): CheckinTiming {
  const { opensAt, closesAt } = checkinWindow(session);
  if (now.getTime() < opensAt.getTime()) return 'early';
  if (now.getTime() > closesAt.getTime()) return 'closed';
  return 'open';
}
