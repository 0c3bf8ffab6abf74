import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, unlink } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { catchError, Observable, throwError } from 'rxjs';
import { FormError } from '../common/errors/form-error';
import { uploadsConfig, UploadsConfig } from '../config';
import { RosterFileKind } from './entities/roster-import.entity';

/** Where roster files live, under the upload directory. */
export const ROSTER_UPLOAD_DIR = 'roster';

/** An uploaded file as stored on disk: a random name, its size and SHA-256. */
export interface StoredUpload {
  /** Relative to the upload directory. */
  storedName: string;
  path: string;
  size: number;
  sha256: string;
  originalName: string;
}

type UploadedFile = Express.Multer.File & { sha256?: string };

/** Writes the upload to a new random file while hashing it, in one pass. */
class HashingDiskStorage implements StorageEngine {
  constructor(private readonly dir: string) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<UploadedFile>) => void,
  ): void {
    const dir = join(this.dir, ROSTER_UPLOAD_DIR);
    mkdirSync(dir, { recursive: true });
    const filename = `${randomUUID()}.upload`;
    const path = join(dir, filename);
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(file.stream, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }), (error) => {
      if (error) return unlink(path, () => callback(error));
      callback(null, { path, filename, size, sha256: hash.digest('hex') });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    unlink(file.path, () => callback(null));
  }
}

/**
 * Receives one roster file from a multipart form (field "file"), within the configured size. Limits
 * and malformed uploads become form errors, so the page says what went wrong in Vietnamese.
 * Put it above @FormView so that FormView's interceptor wraps it and renders those errors.
 */
@Injectable()
export class RosterUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(uploadsConfig.KEY) private readonly config: UploadsConfig) {
    this.upload = multer({
      storage: new HashingDiskStorage(config.dir),
      limits: { fileSize: config.maxFileBytes, files: 1, fields: 10, fieldSize: 10_000 },
      // Browsers send Vietnamese file names as UTF-8.
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    await new Promise<void>((resolve, reject) =>
      this.upload(req, http.getResponse(), (error: unknown) =>
        error ? reject(this.toFormError(error)) : resolve(),
      ),
    );
    return next.handle().pipe(
      // A request refused before the service took the file (bad form fields) leaves nothing behind.
      catchError((error: unknown) => {
        if (req.file?.path) unlink(req.file.path, () => undefined);
        return throwError(() => error);
      }),
    );
  }

  private toFormError(error: unknown): unknown {
    if (error instanceof MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE')
        return FormError.field('file', 'roster.upload.tooLarge', {
          max: Math.round(this.config.maxFileBytes / 1024 / 1024),
        });
      return FormError.field('file', 'roster.upload.invalid');
    }
    if (error instanceof Error && /multipart|boundary/i.test(error.message))
      return FormError.field('file', 'roster.upload.invalid');
    return error;
  }
}

/** The stored upload of a request that went through RosterUploadInterceptor, if a file was sent. */
export function storedUpload(
  file: Express.Multer.File | undefined,
  uploadDir: string,
): StoredUpload | undefined {
  const uploaded = file as UploadedFile | undefined;
  if (!uploaded?.path || !uploaded.sha256) return undefined;
  return {
    storedName: `${ROSTER_UPLOAD_DIR}/${uploaded.filename}`,
    path: join(uploadDir, ROSTER_UPLOAD_DIR, uploaded.filename),
    size: uploaded.size,
    sha256: uploaded.sha256,
    // Only the last path segment of what the browser sent, and no control characters.
    originalName:
      basename(uploaded.originalname.replace(/\\/g, '/'))
        .replace(/\p{Cc}/gu, '')
        .normalize('NFC')
        .slice(0, 255) || 'roster',
  };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** PDF, PNG, JPEG, GIF: files people pick by mistake. */
const OTHER_MAGIC = [
  Buffer.from('%PDF'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from('GIF8'),
];

/**
 * What the file really is, by its bytes rather than its name: XLSX is a ZIP ("PK\x03\x04"); CSV must
 * be UTF-8 text. Old .xls files and CSV saved in a legacy code page get their own messages.
 */
export async function detectRosterKind(path: string, size: number): Promise<RosterFileKind> {
  if (size === 0) throw FormError.field('file', 'roster.upload.empty');
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, 4096));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (head.subarray(0, 4).equals(OLE_MAGIC)) throw FormError.field('file', 'roster.upload.xls');
  // Text has no NUL bytes; images, PDFs and other binaries do, early on.
  if (head.includes(0) || OTHER_MAGIC.some((magic) => head.subarray(0, magic.length).equals(magic)))
    throw FormError.field('file', 'roster.upload.type');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text.includes('\u0000')) throw FormError.field('file', 'roster.upload.type');
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof FormError) throw error;
    throw FormError.field('file', 'roster.upload.notUtf8');
  }
  return 'csv';
}
