import { createHash } from 'node:crypto';
import { Actor } from '../common/access/actor';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService, TOUCH_INTERVAL_MS } from './api-tokens.service';
import { AuthService } from './auth.service';
import { ApiToken } from './entities/api-token.entity';

describe(ApiTokensService.name, () => {
  const token = 'htp_' + 'a'.repeat(43);
  const actor = { userId: 7 } as Actor;
  let record: ApiToken;
  let tokens: { findActiveByHash: jest.Mock; touch: jest.Mock };
  let sut: ApiTokensService;

  beforeEach(() => {
    record = {
      id: 3,
      userId: 7,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    } as ApiToken;
    tokens = { findActiveByHash: jest.fn(async () => record), touch: jest.fn(async () => undefined) };
    const auth = { activeActor: jest.fn(async () => actor) };
    sut = new ApiTokensService(tokens as unknown as ApiTokensRepository, auth as unknown as AuthService);
  });

  it('writes the first use of a token', async () => {
    await expect(sut.authenticate(token)).resolves.toBe(actor);
    expect(tokens.touch).toHaveBeenCalledWith(3, expect.any(Date));
  });

  it('does not write a use again within a minute of the last one', async () => {
    record.lastUsedAt = new Date(Date.now() - TOUCH_INTERVAL_MS + 5_000);
    await expect(sut.authenticate(token)).resolves.toBe(actor);
    expect(tokens.touch).not.toHaveBeenCalled();
  });

  it('writes a use again once a minute has passed', async () => {
    record.lastUsedAt = new Date(Date.now() - TOUCH_INTERVAL_MS - 1);
    await sut.authenticate(token);
    expect(tokens.touch).toHaveBeenCalledTimes(1);
  });

  it('refuses an expired token without writing anything', async () => {
    record.expiresAt = new Date(Date.now() - 1);
    await expect(sut.authenticate(token)).resolves.toBeNull();
    expect(tokens.touch).not.toHaveBeenCalled();
  });
});
