import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { StoredFile } from './entities/stored-file.entity';

export type NewStoredFile = Pick<
  StoredFile,
  | 'ownerType'
  | 'ownerId'
  | 'originalName'
  | 'storedName'
  | 'kind'
  | 'mime'
  | 'sizeBytes'
  | 'sha256'
  | 'uploadedBy'
>;

@Injectable()
export class FilesRepository {
  constructor(@InjectRepository(StoredFile) private readonly files: Repository<StoredFile>) {}

  findById(id: number): Promise<StoredFile | null> {
    return this.files.findOne({ where: { id } });
  }

  findByIds(ids: number[]): Promise<StoredFile[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.files.find({ where: { id: In(ids) } });
  }

  insert(data: NewStoredFile, manager: EntityManager = this.files.manager): Promise<StoredFile> {
    const repo = manager.getRepository(StoredFile);
    return repo.save(repo.create(data));
  }

  /** Which of these stored names have a row. */
  async existingStoredNames(names: string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const found = await this.files.find({ where: { storedName: In(names) }, select: { storedName: true } });
    return new Set(found.map((f) => f.storedName));
  }

  async delete(ids: number[], manager: EntityManager = this.files.manager): Promise<void> {
    if (ids.length > 0) await manager.getRepository(StoredFile).delete({ id: In(ids) });
  }

  async setOwner(id: number, ownerId: number, manager: EntityManager = this.files.manager): Promise<void> {
    await manager.getRepository(StoredFile).update({ id }, { ownerId });
  }
}
