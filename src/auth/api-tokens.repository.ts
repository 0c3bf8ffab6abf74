import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { ApiToken } from './entities/api-token.entity';

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>) {}

  create(
    data: Pick<ApiToken, 'userId' | 'name' | 'tokenHash' | 'tokenPrefix' | 'expiresAt'>,
  ): Promise<ApiToken> {
    return this.tokens.save(this.tokens.create({ ...data, lastUsedAt: null, revokedAt: null }));
  }

  findActiveByHash(tokenHash: string): Promise<ApiToken | null> {
    return this.tokens.findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  listForUser(userId: number): Promise<ApiToken[]> {
    return this.tokens.find({ where: { userId }, order: { id: 'DESC' } });
  }

  async revoke(userId: number, id: number): Promise<boolean> {
    const result = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Revokes every token of the user still in force; returns how many. */
  async revokeAll(userId: number, at: Date, manager: EntityManager = this.tokens.manager): Promise<number> {
    const result = await manager
      .getRepository(ApiToken)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    return result.affected ?? 0;
  }

  async touch(id: number, at: Date): Promise<void> {
    await this.tokens.update({ id }, { lastUsedAt: at });
  }
}
