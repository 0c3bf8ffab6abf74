import { SessionData, Store } from 'express-session';
import { throttleTouches } from './session-touch';

describe('throttleTouches', () => {
  afterEach(() => jest.useRealTimers());

  function setup() {
    const touch = jest.fn((_sid: string, _session: SessionData, callback?: () => void) => callback?.());
    const store = {
      touch,
      set: jest.fn((_sid: string, _session: SessionData, callback?: () => void) => callback?.()),
      destroy: jest.fn((_sid: string, callback?: () => void) => callback?.()),
    } as unknown as Store;
    const sut = throttleTouches(store, 60_000);
    const session = { cookie: { originalMaxAge: 1_800_000 } } as unknown as SessionData;
    return { sut, touch, session };
  }

  it('pushes a session’s expiry back at most once a minute, and again after the minute', () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T08:00:00Z') });
    const { sut, touch, session } = setup();
    const done = jest.fn();
    sut.touch('a', session, done);
    jest.setSystemTime(new Date('2026-12-06T08:00:59Z'));
    sut.touch('a', session, done);
    expect(touch).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledTimes(2);
    jest.setSystemTime(new Date('2026-12-06T08:01:00Z'));
    sut.touch('a', session, done);
    expect(touch).toHaveBeenCalledTimes(2);
  });

  it('keeps sessions apart, counts a save as a touch, and forgets a destroyed one', () => {
    const { sut, touch, session } = setup();
    sut.touch('a', session);
    sut.touch('b', session);
    expect(touch).toHaveBeenCalledTimes(2);
    sut.set('c', session);
    sut.touch('c', session);
    expect(touch).toHaveBeenCalledTimes(2);
    sut.destroy('a');
    sut.touch('a', session);
    expect(touch).toHaveBeenCalledTimes(3);
  });
});
