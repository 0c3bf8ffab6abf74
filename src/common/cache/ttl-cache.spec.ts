import { TtlCache } from './ttl-cache';

describe(TtlCache.name, () => {
  afterEach(() => jest.useRealTimers());

  it('loads once within the time to live, and again after it', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T00:00:00Z') });
    const sut = new TtlCache<number, string>(30_000);
    const load = jest.fn().mockResolvedValueOnce('a').mockResolvedValueOnce('b');
    expect(await sut.get(1, load)).toBe('a');
    jest.setSystemTime(new Date('2026-12-06T00:00:29Z'));
    expect(await sut.get(1, load)).toBe('a');
    jest.setSystemTime(new Date('2026-12-06T00:00:30Z'));
    expect(await sut.get(1, load)).toBe('b');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads again at once after forget, and keeps other keys', async () => {
    const sut = new TtlCache<number, number>(60_000);
    let n = 0;
    const load = () => Promise.resolve(++n);
    await sut.get(1, load);
    await sut.get(2, load);
    sut.forget(1);
    expect(await sut.get(1, load)).toBe(3);
    expect(await sut.get(2, load)).toBe(2);
  });

  it('shares one load between concurrent misses and does not keep a failure', async () => {
    const sut = new TtlCache<string, number>(60_000);
    const failing = jest.fn().mockRejectedValue(new Error('down'));
    await expect(Promise.all([sut.get('k', failing), sut.get('k', failing)])).rejects.toThrow('down');
    expect(failing).toHaveBeenCalledTimes(1);
    expect(await sut.get('k', () => Promise.resolve(7))).toBe(7);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const sut = new TtlCache<number, number>(60_000, 2);
    for (const key of [1, 2, 3]) await sut.get(key, () => Promise.resolve(key));
    expect(sut.size).toBe(2);
    expect(await sut.get(1, () => Promise.resolve(10))).toBe(10);
  });

  it('treats a clock moved back as expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T01:00:00Z') });
    const sut = new TtlCache<number, string>(60_000);
    await sut.get(1, () => Promise.resolve('later'));
    jest.setSystemTime(new Date('2026-12-06T00:00:00Z'));
    expect(await sut.get(1, () => Promise.resolve('earlier'))).toBe('earlier');
  });
});
