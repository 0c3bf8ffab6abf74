import { Inject, Injectable, Logger, NotFoundException, OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { FormError } from '../common/errors/form-error';
import { uploadsConfig, UploadsConfig } from '../config';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { StoredFile } from './entities/stored-file.entity';
import {
  describeKinds,
  FileKind,
  isFileKind,
  isImageKind,
  KIND_INFO,
  megabytes,
  sizeLimit,
} from './file-kinds';
import { sniffFileKind } from './file-sniffer';
import { TEMP_UPLOAD_DIR, TempUpload } from './file-upload';
import { FilesRepository } from './files.repository';

/** Where kept files live, under the upload directory. */
export const FILES_DIR = 'files';
/** Temporary uploads older than this were left by a process that stopped mid-request. */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

export interface StoreOptions {
  /** What the file belongs to ("COURSE_COVER", "LESSON", "MATERIAL"…) and its id (0 until known). */
  ownerType: string;
  ownerId: number;
  /** The kinds this upload may be; anything else is refused with a message naming what it is. */
  allowed: readonly FileKind[];
  uploadedBy: number | null;
  /** The form field the messages belong to; "file" when not given. */
  field?: string;
}

export interface SendOptions {
  /** Show an image in the browser instead of downloading it; other kinds are always attachments. */
  inline?: boolean;
}

/**
 * The upload store. `store` checks a received file by its bytes (kind, extension, size) and keeps
 * it under a random name with a stored_files row; `send` serves it back with safe headers. Used
 * with FileUploadInterceptor, which receives the file:
 *
 *     const file = await files.store(upload, { ownerType: 'LESSON', ownerId: lesson.id,
 *       allowed: LEARNING_FILE_KINDS, uploadedBy: actor.userId }, (file, manager) => link(file, manager));
 */
@Injectable()
export class FilesService implements OnModuleInit {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    private readonly files: FilesRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(uploadsConfig.KEY) private readonly config: UploadsConfig,
  ) {}

  /**
   * Sweeps uploads a crashed process left half-received or unclaimed: `.upload` files (a claimed
   * upload is renamed) in every directory FileUploadInterceptor receives into — tmp/, and imports/
   * (roster/ and attendance/ before it), whose uploads hold CCCD numbers. Only those older than any request lasts (Node ends
   * a request after 5 minutes), so none that another process is still receiving.
   */
  async onModuleInit(): Promise<void> {
    const root = this.config.dir;
    const dirs = await readdir(root, { withFileTypes: true }).catch(() => []);
    let removed = 0;
    for (const dir of dirs) {
      if (!dir.isDirectory() || dir.name === FILES_DIR) continue;
      for (const name of await readdir(join(root, dir.name)).catch(() => [] as string[])) {
        if (!name.endsWith('.upload')) continue;
        const path = join(root, dir.name, name);
        const info = await stat(path).catch(() => null);
        if (
          info?.isFile() &&
          Date.now() - info.mtimeMs > STALE_UPLOAD_MS &&
          (await unlink(path).then(
            () => true,
            () => false,
          ))
        )
          removed++;
      }
    }
    if (removed > 0) this.logger.log(`removed ${removed} stale temporary uploads`);
  }

  /**
   * Checks the upload and keeps it. The file must be one of the allowed kinds by its bytes, its name
   * must not claim another kind (a PNG called .pdf is refused, saying it is a PNG), and it must be
   * within its kind's size limit. `attach` runs in the same transaction as the new row (to link the
   * file to its owner); the file is moved into place last. On any refusal or failure nothing is
   * kept: no row, no file.
   */
  async store(
    upload: TempUpload | undefined,
    options: StoreOptions,
    attach?: (file: StoredFile, manager: Transaction) => Promise<void>,
  ): Promise<StoredFile> {
    const field = options.field ?? 'file';
    if (!upload) throw FormError.field(field, 'files.upload.required');
    const storedName = `${FILES_DIR}/${randomUUID()}`;
    let finalPath: string | null = null;
    try {
      const kind = await this.check(upload, options.allowed, field);
      const name = `${storedName}.${KIND_INFO[kind].extensions[0]}`;
      const target = this.absolutePath(name);
      await mkdir(join(this.config.dir, FILES_DIR), { recursive: true });
      return await this.unitOfWork.run(async (manager) => {
        const file = await this.files.insert(
          {
            ownerType: options.ownerType,
            ownerId: options.ownerId,
            originalName: upload.originalName,
            storedName: name,
            kind,
            mime: KIND_INFO[kind].mime,
            sizeBytes: upload.size,
            sha256: upload.sha256,
            uploadedBy: options.uploadedBy,
          },
          manager,
        );
        if (attach) await attach(file, manager);
        await rename(upload.path, target);
        finalPath = target;
        return file;
      });
    } catch (error) {
      await unlink(upload.path).catch(() => undefined);
      if (finalPath) await unlink(finalPath).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Keeps bytes made by the application itself (a generated PDF…) exactly as an upload would be
   * kept: checked by content, under a random name, with `attach` in the same transaction.
   */
  async storeBytes(
    bytes: Buffer,
    originalName: string,
    options: StoreOptions,
    attach?: (file: StoredFile, manager: Transaction) => Promise<void>,
  ): Promise<StoredFile> {
    const dir = join(this.config.dir, TEMP_UPLOAD_DIR);
    await mkdir(dir, { recursive: true });
    const storedName = `${TEMP_UPLOAD_DIR}/${randomUUID()}.upload`;
    const path = join(this.config.dir, storedName);
    await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.store({ storedName, path, size: bytes.length, sha256, originalName }, options, attach);
  }

  /** The kind of an upload, or a FormError on the field saying why it is refused. */
  async check(upload: TempUpload, allowed: readonly FileKind[], field = 'file'): Promise<FileKind> {
    const sniffed = await sniffFileKind(upload.path);
    const accepted = describeKinds(allowed);
    if (!sniffed.kind)
      throw FormError.field(field, `files.refused.${sniffed.refused}`, { allowed: accepted });
    const kind = sniffed.kind;
    if (!allowed.includes(kind))
      throw FormError.field(field, `files.notAllowed.${kind}`, { allowed: accepted });
    const extension = extname(upload.originalName).slice(1).toLowerCase();
    if (extension && !KIND_INFO[kind].extensions.includes(extension))
      throw FormError.field(field, `files.mismatch.${kind}`, { ext: extension });
    const limit = this.sizeLimit(kind);
    if (upload.size > limit)
      throw FormError.field(field, `files.tooLarge.${KIND_INFO[kind].group}`, { max: megabytes(limit) });
    return kind;
  }

  /** The largest file of a kind this deployment keeps, in bytes. */
  sizeLimit(kind: FileKind): number {
    return sizeLimit(kind, this.config.maxFileBytes);
  }

  findById(id: number): Promise<StoredFile | null> {
    return this.files.findById(id);
  }

  findByIds(ids: number[]): Promise<StoredFile[]> {
    return this.files.findByIds(ids);
  }

  /**
   * Records the owner's id once it is known (the owner's row may be created in `attach`, after the
   * file's), in the caller's transaction.
   */
  setOwner(fileId: number, ownerId: number, manager: Transaction): Promise<void> {
    return this.files.setOwner(fileId, ownerId, manager);
  }

  /**
   * Deletes files: their rows (with `work`, in one transaction), then their bytes once that has
   * committed, so a failed transaction never leaves a row without its file.
   */
  async remove(files: StoredFile[], work?: (manager: Transaction) => Promise<void>): Promise<void> {
    const deleteBytes = await this.unitOfWork.run(async (manager) => {
      if (work) await work(manager);
      return this.removeRows(files, manager);
    });
    await deleteBytes();
  }

  /**
   * Deletes files' rows in the caller's transaction and returns what deletes their bytes, for the
   * caller to run once that transaction has committed (as `remove` does): run before, a rollback
   * would leave rows without their files.
   */
  async removeRows(files: StoredFile[], manager: Transaction): Promise<() => Promise<void>> {
    await this.files.delete(
      files.map((f) => f.id),
      manager,
    );
    return async () => {
      await Promise.all(files.map((f) => unlink(this.absolutePath(f.storedName)).catch(() => undefined)));
    };
  }

  /**
   * Sends a kept file. It is an attachment unless it is an image asked for inline; the type comes
   * from the kind recognised at upload, the browser may not guess another (nosniff), and should
   * the file be opened as a page it runs in a sandbox without scripts. Ranges are served, so video
   * can be seeked on a phone.
   */
  async send(res: Response, file: StoredFile, options: SendOptions = {}): Promise<void> {
    const kind = isFileKind(file.kind) ? file.kind : null;
    const inline = !!options.inline && isImageKind(file.kind);
    res.setHeader('Content-Type', kind ? KIND_INFO[kind].mime : 'application/octet-stream');
    res.setHeader('Content-Disposition', contentDisposition(downloadName(file), inline));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    this.absolutePath(file.storedName); // refuses a name leading outside the directory
    await new Promise<void>((done, fail) =>
      res.sendFile(
        file.storedName,
        { root: this.config.dir, dotfiles: 'deny', cacheControl: false, lastModified: true },
        (error?: Error & { code?: string; status?: number }) => {
          if (!error || res.headersSent) return done();
          fail(error.code === 'ENOENT' || error.status === 404 ? new NotFoundException() : error);
        },
      ),
    );
  }

  /** The file's place on disk; a stored name that would lead outside the upload directory is refused. */
  absolutePath(storedName: string): string {
    const root = resolve(this.config.dir);
    const path = resolve(root, storedName);
    if (!path.startsWith(root + sep)) throw new NotFoundException();
    return path;
  }
}

/** The name a download gets: the uploaded name, with the kind's extension when it lacks one. */
export function downloadName(file: Pick<StoredFile, 'originalName' | 'kind'>): string {
  const extensions = isFileKind(file.kind) ? KIND_INFO[file.kind].extensions : [];
  const ext = extname(file.originalName).slice(1).toLowerCase();
  return extensions.length === 0 || extensions.includes(ext)
    ? file.originalName
    : `${file.originalName}.${extensions[0]}`;
}

/**
 * Content-Disposition with the name twice: plain ASCII for old clients, and the real (Vietnamese)
 * name as RFC 5987 `filename*`.
 */
export function contentDisposition(name: string, inline = false): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .slice(0, 150) || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
