import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Actor } from '../common/access/actor';
import { AuthService } from './auth.service';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiToken } from './entities/api-token.entity';

const PREFIX = 'htp_';
/** A token's last use is written at most this often: a busy integration would otherwise write on every call. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Personal API tokens for integration clients of /api/v1. The token is shown once; only its
 * SHA-256 is kept (a random 256-bit secret needs no slow hash). A token acts with its owner's roles.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly auth: AuthService,
  ) {}

  async create(
    actor: Actor,
    name: string,
    expiresInDays?: number,
  ): Promise<{ token: string; record: ApiToken }> {
    const token = PREFIX + randomBytes(32).toString('base64url');
    const record = await this.tokens.create({
      userId: actor.userId,
      name,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, 12),
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
    });
    return { token, record };
  }

  list(actor: Actor): Promise<ApiToken[]> {
    return this.tokens.listForUser(actor.userId);
  }

  async revoke(actor: Actor, id: number): Promise<void> {
    if (!(await this.tokens.revoke(actor.userId, id))) throw new NotFoundException();
  }

  /** The actor for a bearer token, or null when it is unknown, revoked, expired or its owner disabled. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token.startsWith(PREFIX) || token.length > 200) return null;
    const record = await this.tokens.findActiveByHash(hashToken(token));
    if (!record || (record.expiresAt && record.expiresAt.getTime() < Date.now())) return null;
    const actor = await this.auth.activeActor(record.userId, 'token');
    if (!actor) return null;
    const now = Date.now();
    if (!record.lastUsedAt || now - record.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.tokens.touch(record.id, new Date(now));
    }
    return actor;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
