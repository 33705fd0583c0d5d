/**
 * Files an article brings along: Astro publishes every local image it references byte for byte, and an SVG opened
 * directly runs its scripts with the site's origin. An SVG is inert when it is well-formed XML with no processing
 * instructions, entity declarations, scripts, handlers, embedded documents, animations or unsafe links, judged by
 * DOMPurify's SVG profile over the document as the browser's XML parser reads it. Anything else is not an image, and
 * neither is a raster file whose first bytes are not the format its extension names (Astro would fail on it mid-build),
 * nor one whose data does not decode (src/io/decode-pictures.ts decodes them).
 */
import { createRequire } from 'node:module';
import type { Problem } from './problems.ts';
import type createDOMPurify from 'dompurify';
import type { JSDOM } from 'jsdom';

/**
 * jsdom and DOMPurify are loaded at the first SVG, not with this module: most content has no SVG, and loading jsdom
 * is a large share of the start of every process that checks articles (the build's among them).
 */
const requirePackage = createRequire(import.meta.url);
let svgReader: { JSDOM: typeof JSDOM; createDOMPurify: typeof createDOMPurify } | undefined;
const loadSvgReader = () =>
  (svgReader ??= { JSDOM: (requirePackage('jsdom') as typeof import('jsdom')).JSDOM, createDOMPurify: requirePackage('dompurify') as typeof createDOMPurify });

/**
 * What Astro's image pipeline takes; `.html`, `.xml` and the like are documents, never images. Not `.tif`: Astro
 * leaves a TIFF so named unresolved, a broken image on the page.
 */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'tiff', 'svg'] as const;

/** `png` for `./chart.PNG?v=2`; undefined without an extension. */
const extensionOf = (path: string) => /\.([a-z\d]+)(?:[?#].*)?$/i.exec(path)?.[1]?.toLowerCase();

export function isImagePath(path: string): boolean {
  const extension = extensionOf(path);
  return extension !== undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

export function isSvgPath(path: string): boolean {
  return /\.svg(?:[?#].*)?$/i.test(path);
}

/** Which names of a path differ in case from the disk's, and the path written with the disk's. */
export interface CaseCorrection {
  /** The path as written, each of its names spelt as the disk spells it (`./images/photo.jpg`). */
  written: string;
  /** Whether the file's own name differs, and whether a folder's does. */
  file: boolean;
  folder: boolean;
}

/**
 * `target`, a path as an article writes it (`./Images/Photo.JPG`), with the names that `asked` (where it leads) and
 * `namedAs` (the same path as the disk names it, FileInspection) spell in other cases written as the disk does. Only
 * the names after the last `./` or `../` lead there; names before those are left as written.
 */
export function caseCorrection(target: string, asked: string, namedAs: string): CaseCorrection {
  const names = (path: string) => path.split(/[\\/]/);
  const [written, askedNames, diskNames] = [target.split('/'), names(asked), names(namedAs)];
  const correction = { file: false, folder: false };
  for (let index = 1; index <= written.length; index++) {
    const name = written.at(-index)!;
    if (name === '.' || name === '..' || name === '') break;
    const onDisk = diskNames.at(-index);
    if (onDisk === undefined || onDisk === askedNames.at(-index)) continue;
    written[written.length - index] = onDisk;
    correction[index === 1 ? 'file' : 'folder'] = true;
  }
  return { written: written.join('/'), ...correction };
}

/** What is at a path an article names, looked at without following a symbolic link; a file comes with the bytes asked for. */
export type FileInspection =
  /** `bytes`: the first bytes asked for; `size`: the whole file's, in bytes. */
  | { kind: 'file'; bytes: Uint8Array; size: number }
  /**
   * `namedAs`: the path asked for as the disk names it, when that differs in the case of its names alone, the file's
   * or a folder's (`…/images/photo.jpg` for `…/Images/Photo.JPG`).
   */
  | { kind: 'missing'; namedAs?: string }
  | { kind: 'folder' | 'symbolic link' | 'other' }
  | { kind: 'unreadable'; code: string };

/** Enough of a file's start to tell each raster format (AVIF names itself among the brands of its first box). */
export const IMAGE_SIGNATURE_BYTES = 64;

const hasBytesAt = (head: Uint8Array, at: number, expected: string | readonly number[]) =>
  [...expected].every((byte, index) => head[at + index] === (typeof byte === 'string' ? byte.charCodeAt(0) : byte));

function isAvif(head: Uint8Array): boolean {
  if (!hasBytesAt(head, 4, 'ftyp')) return false;
  const boxEnd = Math.min(new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0), head.length);
  const isAvifBrand = (at: number) => hasBytesAt(head, at, 'avif') || hasBytesAt(head, at, 'avis');
  if (isAvifBrand(8)) return true;
  // After the major brand and a version come the compatible brands: an encoder may lead with mif1 and list avif there.
  for (let at = 16; at + 4 <= boxEnd; at += 4) if (isAvifBrand(at)) return true;
  return false;
}

const JPEG = { name: 'JPEG', matches: (head: Uint8Array) => hasBytesAt(head, 0, [0xff, 0xd8, 0xff]) };
const RASTER_FORMATS: Readonly<Record<string, { name: string; matches: (head: Uint8Array) => boolean }>> = {
  jpg: JPEG,
  jpeg: JPEG,
  png: { name: 'PNG', matches: (head) => hasBytesAt(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  gif: { name: 'GIF', matches: (head) => hasBytesAt(head, 0, 'GIF87a') || hasBytesAt(head, 0, 'GIF89a') },
  webp: { name: 'WebP', matches: (head) => hasBytesAt(head, 0, 'RIFF') && hasBytesAt(head, 8, 'WEBP') },
  avif: { name: 'AVIF', matches: isAvif },
  tiff: { name: 'TIFF', matches: (head) => hasBytesAt(head, 0, 'II*\0') || hasBytesAt(head, 0, 'MM\0*') },
};

/**
 * The format `path`'s extension claims (`PNG`) when `head`, the file's first bytes, is not that format; undefined
 * when it is, and for SVG, which is text and checked by svgActiveContent.
 */
export function misnamedFormat(path: string, head: Uint8Array): string | undefined {
  const extension = extensionOf(path);
  const format = extension === undefined ? undefined : RASTER_FORMATS[extension];
  return format && !format.matches(head) ? format.name : undefined;
}

/** The raster format `path`'s extension names (`PNG`), or undefined for SVG and anything else. */
export function rasterFormatName(path: string): string | undefined {
  const extension = extensionOf(path);
  return extension === undefined ? undefined : RASTER_FORMATS[extension]?.name;
}

/**
 * A local raster picture whose first bytes are its format's: only decoding it tells whether the rest is sound. Astro
 * stops with a stack trace on one whose size it cannot read, and publishes the damaged bytes as they are (a broken
 * picture for readers) when sharp cannot decode the rest.
 */
export interface PictureToDecode {
  absolutePath: string;
  /** Where it is named: the article, and the line and field (none for a body picture). */
  at: Pick<Problem, 'file' | 'line' | 'field'>;
  /** How messages refer to it (`"./photo.png"` after a field, `the image "./photo.png"` on a body line). */
  named: string;
  /** `PNG`, `JPEG`… */
  format: string;
}

/** The error for a picture that does not decode: its `header` (its size, its kind) or its `data` is damaged. */
export function damagedPictureProblem(picture: PictureToDecode, damaged: 'header' | 'data'): Problem {
  const what = damaged === 'header' ? 'its header cannot be read' : 'its picture data is cut short or corrupt';
  return {
    ...picture.at,
    severity: 'error',
    message: `${picture.named} is a damaged ${picture.format} file: ${what}, so readers would see a broken picture`,
    hint: `save or export the picture again as ${picture.format} from the original, then replace the file`,
  };
}

/** The root `<svg …>` tag as Astro's image-size reads it (astro/dist/assets/utils/vendor/image-size/types/svg.js). */
const SVG_ROOT = /<svg\s([^>"']|"[^"]*"|'[^']*')*>/;
/** A length it can size a picture by: a number with a unit of its own or none (px), never a percentage. */
const SVG_LENGTH = /^[0-9.]+(?:e\d+)?(?:in|cm|em|ex|m|mm|pc|pt|px)?$/;

/**
 * Whether Astro can tell an SVG's size, which it needs to show it: a `<svg` within the first 1,000 characters, whose
 * tag has a width and a height in lengths (`640`, `12cm`, not `100%`) or a viewBox. Without it the build stops on
 * "Could not process image metadata", naming the picture but not the article.
 */
export function svgHasSize(svg: string): boolean {
  if (!SVG_ROOT.test(svg.slice(0, 1000))) return false;
  const root = SVG_ROOT.exec(svg)![0];
  const length = (name: string) => new RegExp(`\\s${name}=(['"])([^%]+?)\\1`).exec(root)?.[2];
  const [width, height] = [length('width'), length('height')];
  return (width !== undefined && SVG_LENGTH.test(width) && height !== undefined && SVG_LENGTH.test(height)) || /\sviewBox=(['"])(.+?)\1/i.test(root);
}

/** Elements DOMPurify removes that can run code or load a document; others it drops (editor metadata) are harmless. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'frame', 'embed', 'object', 'animate', 'set', 'animatemotion', 'animatetransform', 'handler', 'listener', 'use', 'a']);
/** Attributes DOMPurify removes because they run code (`on…`) or point somewhere unsafe. */
const ACTIVE_ATTRIBUTE = /^(?:on.*|(?:xlink:)?href|src|action|formaction|style)$/i;

/**
 * What in an SVG could run code when the file is opened on its own, one short description each (`<script>`,
 * `onload attribute on <svg>`); empty when the file is inert.
 */
export function svgActiveContent(svg: string): string[] {
  if (/<!DOCTYPE[^>]*\[/i.test(svg) || /<!ENTITY/i.test(svg)) return ['an entity declaration (<!DOCTYPE … [ <!ENTITY …>])'];
  const { JSDOM, createDOMPurify } = loadSvgReader();
  let dom: JSDOM;
  try {
    dom = new JSDOM(svg, { contentType: 'image/svg+xml' });
  } catch (error) {
    return [`XML a browser cannot read (${(error as Error).message.split('\n')[0]})`];
  }
  const { document } = dom.window;
  const found: string[] = [];
  for (const node of document.childNodes) {
    if (node.nodeType === dom.window.Node.PROCESSING_INSTRUCTION_NODE) found.push(`a <?${(node as ProcessingInstruction).target} …?> instruction`);
  }
  const root = document.documentElement;
  if (!root || root.localName !== 'svg') return [...found, `a <${root?.localName ?? 'missing'}> document instead of <svg>`];
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.sanitize(root, { USE_PROFILES: { svg: true, svgFilters: true }, IN_PLACE: true });
  for (const removed of purify.removed as Array<{ element?: Element; attribute?: Attr | null; from?: Element }>) {
    if (removed.element) {
      const name = removed.element.localName?.toLowerCase() ?? '';
      if (ACTIVE_ELEMENTS.has(name)) found.push(`<${removed.element.localName}>`);
    } else if (removed.attribute && ACTIVE_ATTRIBUTE.test(removed.attribute.name)) {
      found.push(`${removed.attribute.name} attribute on <${removed.from?.localName ?? '?'}>`);
    }
  }
  dom.window.close();
  return [...new Set(found)];
}
