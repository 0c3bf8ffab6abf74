import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { EnterprisesService } from '../organisations/enterprises.service';
import { PiiAccessDirectory } from '../pii-access/pii-access-directory';
import { UsersRepository } from '../users/users.repository';
import { WorkerLogins } from '../users/worker-logins';
import { Employment } from './entities/employment.entity';
import { Worker } from './entities/worker.entity';

/** Signing in with a CCCD (users/worker-logins.ts): cccd_hash and user_id are each unique. */
@Injectable()
export class WorkerLoginsProvider implements WorkerLogins {
  constructor(@InjectRepository(Worker) private readonly workers: Repository<Worker>) {}

  async userIdByCccdHash(cccdHash: string): Promise<number | null> {
    return (
      (await this.workers.findOne({ where: { cccdHash }, select: { id: true, userId: true } }))?.userId ??
      null
    );
  }

  async cccdEncryptedOf(userId: number): Promise<string | null> {
    const worker = await this.workers.findOne({
      where: { userId },
      select: { id: true, cccdEncrypted: true },
    });
    return worker?.cccdEncrypted ?? null;
  }
}

/** Who the CCCD access log names (pii-access/pii-access-directory.ts), each from its owner. */
@Injectable()
export class PiiAccessDirectoryProvider implements PiiAccessDirectory {
  constructor(
    @InjectRepository(Employment) private readonly employments: Repository<Employment>,
    private readonly enterprises: EnterprisesService,
    private readonly users: UsersRepository,
  ) {}

  async employmentsAmong(workerIds: number[], enterpriseIds: number[]): Promise<Map<number, number[]>> {
    const byWorker = new Map<number, number[]>();
    if (workerIds.length === 0 || enterpriseIds.length === 0) return byWorker;
    const rows = await this.employments.find({
      where: { workerId: In(workerIds), enterpriseId: In(enterpriseIds) },
      select: { id: true, workerId: true, enterpriseId: true },
    });
    for (const { workerId, enterpriseId } of rows)
      byWorker.set(workerId, [...(byWorker.get(workerId) ?? []), enterpriseId]);
    return byWorker;
  }

  async enterpriseNames(ids: number[]): Promise<Map<number, string>> {
    const found = await this.enterprises.namesOf(ids);
    return new Map([...found].map(([id, { name }]) => [id, name]));
  }

  accounts(userIds: number[]): Promise<Map<number, { username: string; displayName: string }>> {
    return this.users.namesOf(userIds);
  }
}
