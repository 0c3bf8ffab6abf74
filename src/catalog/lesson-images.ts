import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { IMAGE_KINDS, FileKind } from '../files/file-kinds';
import { StoredFile } from '../files/entities/stored-file.entity';
import { FilesService } from '../files/files.service';
import { RemoteImageError, RemoteImages } from './remote-images';

/** An <img> whose address is on another host (the sanitiser keeps https ones only). */
const REMOTE_IMG = /<img\b[^>]*?\bsrc="(https:\/\/[^"]+)"/gi;

/** What a lesson body becomes once its images from other hosts are this application's files. */
export interface KeptImages {
  body: string | null;
  /** Kept, owned by nobody yet: the lesson's save links them, or discards them if it fails. */
  files: StoredFile[];
}

/**
 * Images a lesson links from other hosts are fetched when the lesson is saved and kept as the
 * lesson's own files, so workers never load them from elsewhere (the pages' CSP allows images from
 * hoctap only, and no third party sees who reads a lesson). One that cannot be fetched, or is not
 * an image, stops the save with the address and the reason; nothing is kept.
 */
@Injectable()
export class LessonImages {
  private readonly logger = new Logger(LessonImages.name);

  constructor(
    private readonly remote: RemoteImages,
    private readonly files: FilesService,
  ) {}

  async keep(actor: Actor, body: string | null): Promise<KeptImages> {
    if (!body) return { body, files: [] };
    const urls = [...new Set([...body.matchAll(REMOTE_IMG)].map((m) => decode(m[1])))];
    if (urls.length === 0) return { body, files: [] };
    const files: StoredFile[] = [];
    let kept = body;
    try {
      for (const url of urls) {
        const bytes = await this.fetch(url);
        const file = await this.files.storeBytes(bytes, nameOf(url), {
          ownerType: 'LESSON',
          ownerId: 0,
          allowed: IMAGE_KINDS,
          uploadedBy: actor.userId,
          field: 'bodyHtml',
        });
        files.push(file);
        kept = kept.split(`src="${encode(url)}"`).join(`src="/catalog/files/${file.id}"`);
      }
    } catch (error) {
      await this.discard(files);
      throw error;
    }
    return { body: kept, files };
  }

  /** Files kept for a save that then failed. */
  async discard(files: StoredFile[]): Promise<void> {
    if (files.length > 0) await this.files.remove(files).catch(() => undefined);
  }

  private async fetch(url: string): Promise<Buffer> {
    try {
      return await this.remote.fetch(url, this.files.sizeLimit(FileKind.Png));
    } catch (error) {
      if (!(error instanceof RemoteImageError)) throw error;
      this.logger.warn({ event: 'lesson_image_refused', reason: error.refusal });
      throw FormError.field('bodyHtml', `catalog.lesson.image.${error.refusal}`, { url: shorten(url) });
    }
  }
}

/** The sanitiser writes & as &amp; in attributes. */
function decode(src: string): string {
  return src.replace(/&amp;/g, '&');
}

function encode(url: string): string {
  return url.replace(/&/g, '&amp;');
}

/** The file's name from the address, without an extension: the kind comes from the bytes. */
function nameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Keep it as written.
  }
  return (
    name
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .slice(0, 80) || 'anh'
  );
}

function shorten(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url;
}
