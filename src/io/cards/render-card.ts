/**
 * One card's PNG: laid out by the card template, drawn and encoded by Skia (@napi-rs/canvas: HarfBuzz shaping, font
 * fallback along each text's list of faces, glyphs cached between cards).
 */
import { createCanvas, GlobalFonts, loadImage, PngFilter, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { CARD_HEIGHT, CARD_WIDTH, type CardContent } from '../../lib/cards/card-content.ts';
import { cardDrawing, cardEmoji, cardTextStyle, type CardTextSpec, type PlacedLine } from '../../lib/cards/card-template.ts';
import { chooseFaces, type FontFace } from '../../lib/cards/font-set.ts';
import { emojiSetPicture, type EmojiPicture } from './emoji-set.ts';

export interface RenderedCard {
  png: Buffer;
  /** Text that no card font could set (it is missing from the card): empty when every letter rendered. */
  missing: string[];
}

export interface CardRenderer {
  render(content: CardContent): Promise<RenderedCard>;
}

/**
 * zlib's level 3, its highest without lazy matching, and no row filters, not the encoder's default level 6 trying
 * every filter on every row: a file about a third larger than level 6 for under half the time (BENCHMARKS.md). It is
 * part of the template: changing it changes every card's bytes, so CARD_TEMPLATE_VERSION goes up with it.
 */
const PNG_OPTIONS = { compressionLevel: 3, filters: PngFilter.None };

/** Each subset is a family of its own, so a text's list of faces is exactly the subsets chosen for it. */
const faceName = (face: FontFace) => `${face.family} ${face.subset} ${face.weight}`;

/** Faces this thread has seen registered; Skia's font collection itself is the process's, shared by the card threads. */
const registered = new Set<string>();
/** Registers a face on the first card that needs it, once per process. */
function register(face: FontFace): void {
  const name = faceName(face);
  if (registered.has(name)) return;
  // Unregistered, the face's letters would quietly come from whatever fonts the machine has.
  if (!GlobalFonts.has(name) && GlobalFonts.registerFromPath(face.file, name) === null) throw new Error(`the card font ${face.file} could not be read (reinstall it with npm ci)`);
  registered.add(name);
}

const cssFont = (spec: CardTextSpec) => `${spec.weight} ${spec.size}px ${spec.font}`;

function setText(context: SKRSContext2D, spec: CardTextSpec): void {
  context.font = cssFont(spec);
  context.letterSpacing = `${spec.letterSpacing}px`;
}

/** One canvas per renderer, drawn over for each card. */
export function createCardRenderer(catalogue: readonly FontFace[], emojiPicture: EmojiPicture = emojiSetPicture): CardRenderer {
  const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
  // Opaque, as the card is: no pixel's transparency to keep or undo when it is encoded.
  const context = canvas.getContext('2d', { alpha: false });
  // The same shapes on every machine: Skia otherwise follows the host's language.
  context.lang = 'en';
  const pictures = new Map<string, Promise<Image | undefined>>();
  const picture = (grapheme: string) => {
    let image = pictures.get(grapheme);
    if (!image) {
      const svg = emojiPicture(grapheme);
      // A picture Skia cannot read is left out, as one the sets lack is.
      pictures.set(grapheme, (image = svg === undefined ? Promise.resolve(undefined) : loadImage(Buffer.from(svg)).catch(() => undefined)));
    }
    return image;
  };

  const drawLine = (line: PlacedLine, images: ReadonlyMap<string, Image | undefined>) => {
    setText(context, line.spec);
    context.fillStyle = line.spec.color;
    for (const run of line.runs) {
      if (run.kind === 'text') {
        context.direction = run.direction;
        context.fillText(run.text, run.x, line.baseline);
        continue;
      }
      // The layout left out the emoji with no picture.
      const image = images.get(run.text)!;
      // Contained in a square of the text's size, its middle on the letters' middle.
      const scale = line.spec.size / Math.max(image.width, image.height);
      const [width, height] = [image.width * scale, image.height * scale];
      context.drawImage(image, run.x + (line.spec.size - width) / 2, line.baseline - line.spec.size * 0.35 - height / 2, width, height);
    }
  };

  const draw = async (content: CardContent): Promise<RenderedCard> => {
    const images = new Map(await Promise.all(cardEmoji(content).map(async (grapheme) => [grapheme, await picture(grapheme)] as const)));
    const unpictured = [...images].filter(([, image]) => image === undefined).map(([grapheme]) => grapheme);
    const missing = new Set<string>(unpictured);
    const drawing = cardDrawing(
      content,
      (role, text) => {
        const style = cardTextStyle(role, text);
        const choice = chooseFaces(catalogue, style, text);
        for (const char of choice.uncovered) missing.add(char);
        // A text of emoji alone needs no faces, but one is named: an empty list would leave the canvas on the last text's font.
        const faces = choice.faces.length > 0 ? choice.faces : chooseFaces(catalogue, style, 'a').faces;
        faces.forEach(register);
        return { font: faces.map((face) => JSON.stringify(faceName(face))).join(', '), uncovered: [...choice.uncovered, ...unpictured] };
      },
      (text, spec, direction) => {
        setText(context, spec);
        context.direction = direction;
        return context.measureText(text).width;
      },
    );
    context.textAlign = 'left';
    context.textBaseline = 'alphabetic';
    context.fillStyle = drawing.background;
    context.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
    for (const box of drawing.boxes) {
      context.fillStyle = box.color;
      context.fillRect(box.x, box.y, box.width, box.height);
    }
    for (const line of drawing.lines) drawLine(line, images);
    const png = await canvas.encode('png', PNG_OPTIONS);
    return { png, missing: [...missing] };
  };

  // One card at a time on the one canvas: a card is drawn and encoded before the next is laid out.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    render(content) {
      const card = queue.then(() => draw(content));
      queue = card.catch(() => undefined);
      return card;
    },
  };
}
