/**
 * The kinds of file hoctap accepts, recognised by their bytes (file-sniffer.ts), never by their
 * name. Each kind has one media type, the extensions a file of that kind may carry, and a size
 * group whose limit is set once here.
 */
export enum FileKind {
  Pdf = 'PDF',
  Docx = 'DOCX',
  Pptx = 'PPTX',
  Xlsx = 'XLSX',
  Mp4 = 'MP4',
  Mov = 'MOV',
  Webm = 'WEBM',
  Png = 'PNG',
  Jpeg = 'JPEG',
  Gif = 'GIF',
  Webp = 'WEBP',
}

export type SizeGroup = 'image' | 'document' | 'video';

export interface KindInfo {
  mime: string;
  /** Lower case, without the dot; the first is used when a download name needs one. */
  extensions: string[];
  group: SizeGroup;
}

export const KIND_INFO: Record<FileKind, KindInfo> = {
  [FileKind.Pdf]: { mime: 'application/pdf', extensions: ['pdf'], group: 'document' },
  [FileKind.Docx]: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    group: 'document',
  },
  [FileKind.Pptx]: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    group: 'document',
  },
  [FileKind.Xlsx]: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    group: 'document',
  },
  [FileKind.Mp4]: { mime: 'video/mp4', extensions: ['mp4', 'm4v'], group: 'video' },
  [FileKind.Mov]: { mime: 'video/quicktime', extensions: ['mov'], group: 'video' },
  [FileKind.Webm]: { mime: 'video/webm', extensions: ['webm'], group: 'video' },
  [FileKind.Png]: { mime: 'image/png', extensions: ['png'], group: 'image' },
  [FileKind.Jpeg]: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jfif'], group: 'image' },
  [FileKind.Gif]: { mime: 'image/gif', extensions: ['gif'], group: 'image' },
  [FileKind.Webp]: { mime: 'image/webp', extensions: ['webp'], group: 'image' },
};

/** Largest file of each group, in MB; never more than UPLOAD_MAX_MB (see sizeLimit). */
export const GROUP_LIMIT_MB: Record<SizeGroup, number> = {
  image: 5,
  document: 50,
  // Video is bounded by UPLOAD_MAX_MB alone.
  video: Number.POSITIVE_INFINITY,
};

export const IMAGE_KINDS: readonly FileKind[] = [FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.Webp];
export const DOCUMENT_KINDS: readonly FileKind[] = [FileKind.Pdf, FileKind.Docx, FileKind.Pptx];
export const VIDEO_KINDS: readonly FileKind[] = [FileKind.Mp4, FileKind.Mov, FileKind.Webm];
/** What a lesson's video block may play: the two formats every current browser plays inline. */
export const PLAYABLE_VIDEO_KINDS: readonly FileKind[] = [FileKind.Mp4, FileKind.Webm];
/** What a lesson or an open learning material may attach: documents, video and images. */
export const LEARNING_FILE_KINDS: readonly FileKind[] = [...DOCUMENT_KINDS, ...VIDEO_KINDS, ...IMAGE_KINDS];

const MB = 1024 * 1024;

/** The largest size allowed for a kind, given the deployment's UPLOAD_MAX_MB (in bytes). */
export function sizeLimit(kind: FileKind, maxUploadBytes: number): number {
  return Math.min(GROUP_LIMIT_MB[KIND_INFO[kind].group] * MB, maxUploadBytes);
}

/** The largest file any of the kinds may be: what the upload itself is cut off at. */
export function largestLimit(kinds: readonly FileKind[], maxUploadBytes: number): number {
  return kinds.length === 0 ? maxUploadBytes : Math.max(...kinds.map((k) => sizeLimit(k, maxUploadBytes)));
}

/** Megabytes for a message, without needless decimals (5, 0.5, 2048). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/** ".pdf, .docx, .pptx" — the file types a field accepts, for hints and messages (the same in every language). */
export function describeKinds(kinds: readonly FileKind[]): string {
  return [...new Set(kinds.map((k) => `.${KIND_INFO[k].extensions[0]}`))].join(', ');
}

/** The value of an <input type=file accept=…> for these kinds. */
export function acceptAttribute(kinds: readonly FileKind[]): string {
  return [
    ...new Set(kinds.flatMap((k) => [...KIND_INFO[k].extensions.map((e) => `.${e}`), KIND_INFO[k].mime])),
  ].join(',');
}

export function isImageKind(kind: string): boolean {
  return (IMAGE_KINDS as readonly string[]).includes(kind);
}

export function isPlayableVideoKind(kind: string): boolean {
  return (PLAYABLE_VIDEO_KINDS as readonly string[]).includes(kind);
}

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && value in KIND_INFO;
}
