import Redis, { Cluster } from 'ioredis';
import { bullClient, connectRedis, RedisClient, redisTarget } from './redis-client';

describe('redis-client', () => {
  const made: RedisClient[] = [];
  // Nothing listens on port 1: the clients are only inspected, then closed at once.
  const cluster = { nodes: [{ host: '127.0.0.1', port: 1 }], password: 'pw' };
  const keep = (client: RedisClient) => {
    client.on('error', () => undefined);
    client.disconnect();
    made.push(client);
    return client;
  };
  afterAll(() => made.forEach((client) => client.disconnect()));

  it('connects to one server by URL, or to a cluster by its nodes', () => {
    expect(redisTarget({ url: 'redis://cache:6379/2' } as never)).toBe('redis://cache:6379/2');
    expect(redisTarget({ clusterNodes: cluster.nodes, clusterPassword: 'pw' } as never)).toEqual(cluster);
    expect(keep(connectRedis('redis://127.0.0.1:1'))).toBeInstanceOf(Redis);
    const sut = keep(connectRedis(cluster, { maxRetriesPerRequest: 3 })) as Cluster;
    expect(sut).toBeInstanceOf(Cluster);
    expect(sut.options.redisOptions).toMatchObject({ maxRetriesPerRequest: 3, password: 'pw' });
  });

  it("gives Bull's blocking and subscriber connections no retries and no ready check, as Bull demands", () => {
    for (const type of ['bclient', 'subscriber'] as const) {
      const sut = keep(bullClient(cluster, type)) as Cluster;
      expect(sut.options.enableReadyCheck).toBe(false);
      expect(sut.options.redisOptions).toMatchObject({
        maxRetriesPerRequest: null,
        enableReadyCheck: false,
        password: 'pw',
      });
    }
    const client = keep(bullClient(cluster, 'client')) as Cluster;
    expect(client.options.enableReadyCheck).toBe(true);
    expect(client.options.redisOptions?.maxRetriesPerRequest).toBeUndefined();
  });
});
