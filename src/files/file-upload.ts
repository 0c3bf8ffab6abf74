import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Inject,
  mixin,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import type { Request } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, unlink as unlinkCallback } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { FormError } from '../common/errors/form-error';
import {
  CHECKS_DEFERRED_CSRF,
  checkDeferredCsrf,
  csrfDeferred,
  csrfRefusal,
  csrfValid,
} from '../common/http/csrf';
import { normaliseFormFields } from '../common/http/input-normaliser.middleware';
import { uploadsConfig, UploadsConfig } from '../config';
import { FileKind, largestLimit, megabytes } from './file-kinds';

/** Where uploads wait until a service has checked and claimed them, under the upload directory. */
export const TEMP_UPLOAD_DIR = 'tmp';

/** A file just received: on disk under a random temporary name, with its size and SHA-256. */
export interface TempUpload {
  /** Relative to the upload directory. */
  storedName: string;
  /** Absolute path of the temporary file. */
  path: string;
  size: number;
  sha256: string;
  /** The last segment of the name the browser sent, cleaned; for display and downloads only. */
  originalName: string;
}

type ReceivedFile = Express.Multer.File & { sha256?: string; storedName?: string };

/**
 * Multer storage that writes each upload to a new random file (never the person's file name)
 * while hashing it, in one pass. A failed write leaves nothing behind.
 */
export class HashingDiskStorage implements StorageEngine {
  constructor(
    private readonly uploadDir: string,
    private readonly subdir: string = TEMP_UPLOAD_DIR,
  ) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<ReceivedFile>) => void,
  ): void {
    const dir = join(this.uploadDir, this.subdir);
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
      if (error) return unlinkCallback(path, () => callback(error));
      callback(null, {
        path,
        filename,
        size,
        sha256: hash.digest('hex'),
        storedName: `${this.subdir}/${filename}`,
      });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    unlinkCallback(file.path, () => callback(null));
  }
}

export interface FileUploadOptions {
  /** The form field holding the file; "file" when not given. */
  field?: string;
  /**
   * The kinds the route takes. The upload is cut off at the largest of their size limits
   * (file-kinds.ts); FilesService.store then holds each kind to its own limit.
   */
  kinds?: readonly FileKind[];
  /** A lower cut-off than the kinds' (in bytes); never above UPLOAD_MAX_MB. */
  maxBytes?: number;
  /** Subdirectory of the upload directory for the temporary file; "tmp" when not given. */
  dir?: string;
  /** Message keys, for a domain that words these refusals its own way. */
  messages?: { tooLarge?: string; invalid?: string };
}

/**
 * Receives one file from a multipart form or API call. Configure it per route:
 *
 *     @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: IMAGE_KINDS }))
 *     @FormView('…')                       // below it, so FormView renders the upload's errors
 *     upload(@UploadedTemp() upload: TempUpload | undefined) { return this.service.save(upload) }
 *
 * The file lands under a random temporary name; a size over the limit, a malformed upload or a
 * broken body becomes a FormError on the field, in Vietnamese. The form's other fields are
 * normalised like urlencoded forms (NFC, trimmed, empty → absent). Whatever happens, the temporary
 * file is gone when the request ends: the service has moved it (FilesService.store), or it is
 * deleted. So a request that fails after the upload stores nothing.
 *
 * Multipart forms carry their CSRF token as the `_csrf` field, first in the form (`{{> csrf}}`):
 * the body is read here, after CsrfMiddleware, so this interceptor checks the token — before the
 * file part is written to disk, and again once the body is read (see csrf.ts, deferCsrfCheck).
 */
export function FileUploadInterceptor(options: FileUploadOptions = {}): Type<NestInterceptor> {
  const field = options.field ?? 'file';

  class UploadInterceptor implements NestInterceptor {
    static readonly [CHECKS_DEFERRED_CSRF] = true;
    private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;
    private readonly maxBytes: number;

    constructor(@Inject(uploadsConfig.KEY) config: UploadsConfig) {
      const byKind = largestLimit(options.kinds ?? [], config.maxFileBytes);
      this.maxBytes = Math.min(options.maxBytes ?? byKind, byKind);
      this.upload = multer({
        storage: new HashingDiskStorage(config.dir, options.dir),
        limits: { fileSize: this.maxBytes, files: 1, fields: 50, fieldSize: 200_000 },
        // Browsers send Vietnamese file names as UTF-8.
        defParamCharset: 'utf8',
        // Fields come in the form's order, the token first: a request without it writes nothing.
        fileFilter: (req, _file, accept) =>
          csrfDeferred(req) && !csrfValid(req) ? accept(csrfRefusal()) : accept(null, true),
      }).single(field);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      const req = http.getRequest<Request>();
      await new Promise<void>((resolve, reject) =>
        this.upload(req, http.getResponse(), (error: unknown) =>
          error ? reject(this.toFormError(error)) : resolve(),
        ),
      );
      if (req.is('multipart/form-data') && req.body && typeof req.body === 'object')
        req.body = normaliseFormFields(req.body);
      // Awaited before the answer goes out, so a refused request has left nothing on disk.
      const removeTemp = () =>
        req.file?.path ? unlink(req.file.path).catch(() => undefined) : Promise.resolve();
      try {
        checkDeferredCsrf(req);
      } catch (error) {
        await removeTemp();
        throw error;
      }
      return next.handle().pipe(
        catchError((error: unknown) => from(removeTemp()).pipe(mergeMap(() => throwError(() => error)))),
        // A file the handler did not claim is not kept either.
        mergeMap((result: unknown) => from(removeTemp()).pipe(map(() => result))),
      );
    }

    private toFormError(error: unknown): unknown {
      if (error instanceof MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE')
          return FormError.field(field, options.messages?.tooLarge ?? 'files.upload.tooLarge', {
            max: megabytes(this.maxBytes),
          });
        return FormError.field(field, options.messages?.invalid ?? 'files.upload.invalid');
      }
      if (
        error instanceof Error &&
        /multipart|boundary|unexpected end|part header|malformed/i.test(error.message)
      )
        return FormError.field(field, options.messages?.invalid ?? 'files.upload.invalid');
      return error;
    }
  }
  return mixin(UploadInterceptor);
}

/** The temporary upload of a request that went through FileUploadInterceptor, if a file was sent. */
export function tempUpload(file: Express.Multer.File | undefined): TempUpload | undefined {
  const received = file as ReceivedFile | undefined;
  if (!received?.path || !received.sha256 || !received.storedName) return undefined;
  return {
    storedName: received.storedName,
    path: received.path,
    size: received.size,
    sha256: received.sha256,
    originalName: cleanFileName(received.originalname),
  };
}

/** `@UploadedTemp() upload: TempUpload | undefined` — the file FileUploadInterceptor received. */
export const UploadedTemp = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): TempUpload | undefined =>
    tempUpload(ctx.switchToHttp().getRequest<Request>().file),
);

/** Only the last path segment of what the browser sent, without control characters, in NFC. */
export function cleanFileName(name: string | undefined, fallback = 'file'): string {
  return (
    basename((name ?? '').replace(/\\/g, '/'))
      .replace(/\p{Cc}/gu, '')
      .normalize('NFC')
      .trim()
      .slice(0, 255) || fallback
  );
}
