import sanitizeHtml from 'sanitize-html';

/** The HTML a lesson body may hold; everything else is removed when it is saved. */
export const LESSON_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'u',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'a',
  'img',
  'video',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

/** Images of a lesson: this application's own files, or any https address. Videos: own files only. */
export const OWN_FILE = /^\/catalog\/files\/\d+$/;
const LINK = /^(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: LESSON_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    video: ['src', 'title', 'controls', 'preload'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // Script, style and their content go entirely; other unknown tags leave their text.
  disallowedTagsMode: 'discard',
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      const href = attribs.href?.trim();
      if (attribs.title) kept.title = attribs.title;
      if (href && LINK.test(href)) Object.assign(kept, { href, rel: 'noopener noreferrer' });
      return { tagName, attribs: kept };
    },
    // One shape only: this application's file, with controls, loading nothing but its length until
    // played; never autoplay, loop, muted, poster or a remote address (the CSP would refuse it).
    video: (tagName, attribs) => {
      const src = attribs.src?.trim() ?? '';
      const kept: sanitizeHtml.Attributes = OWN_FILE.test(src)
        ? { controls: '', preload: 'metadata', src }
        : {};
      const title = attribs.title?.trim();
      if (title) kept.title = title;
      return { tagName, attribs: kept };
    },
  },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !isAllowedImageSource(frame.attribs.src)) ||
    (frame.tag === 'video' && !frame.attribs.src),
};

function isAllowedImageSource(src: string | undefined): boolean {
  const value = src?.trim() ?? '';
  return OWN_FILE.test(value) || /^https:\/\/[^/\s]+/i.test(value);
}

/**
 * Lesson text as safe HTML: an allow-list of tags (paragraphs, emphasis, lists, headings h2–h4,
 * quotations, links, images, videos, simple tables). Links keep http, https and mailto addresses only
 * and open with rel="noopener noreferrer"; images come from this application's files or https;
 * videos from this application's files only, as `<video controls preload="metadata" src title>`;
 * every script, event handler, style and javascript: address is dropped.
 */
export function sanitizeLessonHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  const clean = sanitizeHtml(html, OPTIONS).trim();
  return clean === '' ? null : clean;
}

/** The video block of a lesson's text for one of its files, as the editor writes it and the sanitiser keeps it. */
export function videoBlock(fileId: number): string {
  return `<video controls preload="metadata" src="/catalog/files/${fileId}"></video>`;
}

export type VideoProvider = 'YOUTUBE' | 'VIMEO' | 'MP4';

export interface LessonVideo {
  provider: VideoProvider;
  /**
   * The address kept with the lesson: the privacy-friendly one (youtube-nocookie.com, Vimeo with
   * "do not track"), so whatever page links to it shares nothing with the video site before a click.
   */
  url: string;
  /** Where a learner watches it. YouTube goes through youtube-nocookie.com, Vimeo with "do not track". */
  watchUrl: string;
  /** For an <iframe> (YouTube, Vimeo) or a <video> element (MP4); pages may show a link instead. */
  embedUrl: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/**
 * A lesson's video link: an https YouTube or Vimeo address (any of their usual shapes), or an https
 * address of an .mp4 file. Anything else — http, other sites, addresses with a user name — is null.
 */
export function parseVideoUrl(input: string | null | undefined): LessonVideo | null {
  if (!input) return null;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);

  let youtubeId: string | undefined;
  if (host === 'youtu.be') youtubeId = segments[0];
  else if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === 'watch') youtubeId = url.searchParams.get('v') ?? undefined;
    else if (['embed', 'shorts', 'live', 'v'].includes(segments[0])) youtubeId = segments[1];
  }
  if (youtubeId !== undefined) {
    if (!YOUTUBE_ID.test(youtubeId)) return null;
    return {
      provider: 'YOUTUBE',
      url: `https://www.youtube-nocookie.com/embed/${youtubeId}`,
      watchUrl: `https://www.youtube-nocookie.com/embed/${youtubeId}`,
      embedUrl: `https://www.youtube-nocookie.com/embed/${youtubeId}`,
    };
  }

  if (VIMEO_HOSTS.has(host)) {
    const id =
      host === 'player.vimeo.com' ? (segments[0] === 'video' ? segments[1] : undefined) : segments[0];
    if (!id || !/^\d{1,12}$/.test(id)) return null;
    return {
      provider: 'VIMEO',
      url: `https://player.vimeo.com/video/${id}?dnt=1`,
      watchUrl: `https://player.vimeo.com/video/${id}?dnt=1`,
      embedUrl: `https://player.vimeo.com/video/${id}?dnt=1`,
    };
  }

  if (/\.mp4$/i.test(url.pathname)) {
    url.hash = '';
    const href = url.toString();
    return { provider: 'MP4', url: href, watchUrl: href, embedUrl: href };
  }
  return null;
}
