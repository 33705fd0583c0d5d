/**
 * Characters readers cannot see in a headline, dek, byline or tag, by what they do there. Control characters (C0
 * other than tab and line feed, DEL, C1) show as nothing or as boxes; bidirectional embeddings, overrides and
 * isolates reorder the text after them, so a headline reads broken or spoofed (`U+202E` turns "txt.exe" around);
 * tag characters (U+E0000-U+E007F) spell out text no reader sees, for search engines and language models only, unless
 * they name a flag (🏴 and a region's code, as the flags of Scotland and Wales are written); the deprecated shaping and
 * digit controls, the interlinear annotation characters and the line and paragraph separators (U+2028, U+2029)
 * change how text shows in some places and not in others: all are refused. Zero-width spaces, word joiners and the
 * invisible mathematical operators (U+200B, U+2060-U+2064, U+FEFF inside text) hide in a word, which then misses its
 * searches and its tag or author page: warned of. The zero-width joiner and non-joiner (U+200D, U+200C) belong to
 * emoji and to Persian and Indic spelling, and the direction marks (U+200E, U+200F, U+061C) place punctuation in a
 * headline mixing right-to-left and left-to-right words: left alone (the check warns of a mark in a byline or tag,
 * which gives it a page of its own).
 */
/** C0 control characters other than tab and line feed, DEL and the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * A tag character outside a flag's tag sequence (🏴, the region's code in tag letters or digits, CANCEL TAG). A code
 * is a few characters (`gbsct`); bounding it keeps a long run of tag characters from costing its square.
 */
const STRAY_TAG =
  /(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]{0,15})[\u{E0020}-\u{E007F}]|[\u{E0020}-\u{E007E}](?![\u{E0020}-\u{E007E}]{0,15}\u{E007F})|(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]{1,16})\u{E007F}|[\u{E0000}-\u{E001F}]/u;
/** Controls of shaping and digit forms (deprecated) and of interlinear annotation, which few renderers follow. */
const FORMAT_CONTROL = /[\u206A-\u206F\uFFF9-\uFFFB]/u;
/** Line and paragraph separators: a browser breaks the line there, a feed reader or a tab's title may not. */
const SEPARATOR = /[\u2028\u2029]/u;
export const ZERO_WIDTH = /[\u200B\u2060-\u2064\uFEFF]/u;
/** The marks that set the direction of the punctuation and spaces around them, and nothing else. */
export const DIRECTION_MARK = /[\u200E\u200F\u061C]/u;
/**
 * What XML 1.0 forbids: control characters (tab, line feed and carriage return are allowed), the noncharacters U+FFFE
 * and U+FFFF, and a surrogate without its pair (with the `u` flag the class matches only those), which YAML's
 * `\uD800` or a JSON feed's escape can produce.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** True for a code point XML 1.0 forbids, or one beyond Unicode's last (U+10FFFF): no text can carry it. */
export function isXmlForbidden(codePoint: number): boolean {
  return codePoint > 0x10ffff || XML_FORBIDDEN.test(String.fromCodePoint(codePoint));
}

/**
 * A character readers can see: not a space, an invisible format character (U+200B, U+FEFF…), a combining mark with no
 * letter to sit on, or one that draws nothing though it is a letter or symbol (the Hangul fillers such as U+3164, the
 * blank braille pattern U+2800), which pass for a name where blank ones are refused.
 */
const VISIBLE_CHARACTER = /[^\s\p{Cf}\p{Cc}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** True when `text` shows readers anything: a field without such a character is empty. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE_CHARACTER.test(text);
}

/** A character a field readers see may not hold: a control, a bidi control, a stray tag character, a format control or separator, or one XML cannot carry. */
export const REFUSED_CHARACTER = new RegExp([CONTROL, BIDI_CONTROL, STRAY_TAG, FORMAT_CONTROL, SEPARATOR, XML_FORBIDDEN].map((pattern) => pattern.source).join('|'), 'u');

const REMOVED = new RegExp(`${REFUSED_CHARACTER.source}|${ZERO_WIDTH.source}`, 'gu');

/** `text` without any of them, refused or warned of: for text from outside (feeds, pages) written into front matter. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(REMOVED, '');
}

/** The Unicode names (for controls, their name aliases), from each range's first code point. */
const NAMES: ReadonlyArray<[first: number, names: string]> = [
  [
    0x00,
    'NULL,START OF HEADING,START OF TEXT,END OF TEXT,END OF TRANSMISSION,ENQUIRY,ACKNOWLEDGE,BELL,BACKSPACE,CHARACTER TABULATION,LINE FEED,LINE TABULATION,FORM FEED,CARRIAGE RETURN,SHIFT OUT,SHIFT IN,DATA LINK ESCAPE,DEVICE CONTROL ONE,DEVICE CONTROL TWO,DEVICE CONTROL THREE,DEVICE CONTROL FOUR,NEGATIVE ACKNOWLEDGE,SYNCHRONOUS IDLE,END OF TRANSMISSION BLOCK,CANCEL,END OF MEDIUM,SUBSTITUTE,ESCAPE,INFORMATION SEPARATOR FOUR,INFORMATION SEPARATOR THREE,INFORMATION SEPARATOR TWO,INFORMATION SEPARATOR ONE',
  ],
  [0x7f, 'DELETE'],
  [
    0x80,
    'PADDING CHARACTER,HIGH OCTET PRESET,BREAK PERMITTED HERE,NO BREAK HERE,INDEX,NEXT LINE,START OF SELECTED AREA,END OF SELECTED AREA,CHARACTER TABULATION SET,CHARACTER TABULATION WITH JUSTIFICATION,LINE TABULATION SET,PARTIAL LINE FORWARD,PARTIAL LINE BACKWARD,REVERSE LINE FEED,SINGLE SHIFT TWO,SINGLE SHIFT THREE,DEVICE CONTROL STRING,PRIVATE USE ONE,PRIVATE USE TWO,SET TRANSMIT STATE,CANCEL CHARACTER,MESSAGE WAITING,START OF GUARDED AREA,END OF GUARDED AREA,START OF STRING,SINGLE GRAPHIC CHARACTER INTRODUCER,SINGLE CHARACTER INTRODUCER,CONTROL SEQUENCE INTRODUCER,STRING TERMINATOR,OPERATING SYSTEM COMMAND,PRIVACY MESSAGE,APPLICATION PROGRAM COMMAND',
  ],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x2028, 'LINE SEPARATOR,PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING,RIGHT-TO-LEFT EMBEDDING,POP DIRECTIONAL FORMATTING,LEFT-TO-RIGHT OVERRIDE,RIGHT-TO-LEFT OVERRIDE'],
  [0x200e, 'LEFT-TO-RIGHT MARK,RIGHT-TO-LEFT MARK'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x2060, 'WORD JOINER,FUNCTION APPLICATION,INVISIBLE TIMES,INVISIBLE SEPARATOR,INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE,RIGHT-TO-LEFT ISOLATE,FIRST STRONG ISOLATE,POP DIRECTIONAL ISOLATE'],
  [0x206a, 'INHIBIT SYMMETRIC SWAPPING,ACTIVATE SYMMETRIC SWAPPING,INHIBIT ARABIC FORM SHAPING,ACTIVATE ARABIC FORM SHAPING,NATIONAL DIGIT SHAPES,NOMINAL DIGIT SHAPES'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR,INTERLINEAR ANNOTATION SEPARATOR,INTERLINEAR ANNOTATION TERMINATOR'],
  [0xe0001, 'LANGUAGE TAG'],
  [0xe007f, 'CANCEL TAG'],
];
const NAME_OF = new Map(NAMES.flatMap(([first, names]) => names.split(',').map((name, index) => [first + index, name] as const)));

/** A tag character's name, for those that mirror a letter or a digit (the ones hidden text is spelt with). */
function tagName(code: number): string | undefined {
  const mirrored = String.fromCharCode(code - 0xe0000);
  if (/[A-Z]/.test(mirrored)) return `TAG LATIN CAPITAL LETTER ${mirrored}`;
  if (/[a-z]/.test(mirrored)) return `TAG LATIN SMALL LETTER ${mirrored.toUpperCase()}`;
  if (/[0-9]/.test(mirrored)) return `TAG DIGIT ${'ZERO,ONE,TWO,THREE,FOUR,FIVE,SIX,SEVEN,EIGHT,NINE'.split(',')[Number(mirrored)]}`;
  return code === 0xe0020 ? 'TAG SPACE' : undefined;
}

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`; only the code point for one without a name here (a lone surrogate). */
export function describeInvisible(character: string): string {
  const code = character.codePointAt(0)!;
  const name = NAME_OF.get(code) ?? tagName(code);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** The schema's message for a refused character: what it is, what it does to the text, and the fix. */
export function refusedCharacterMessage(character: string): string {
  const described = describeInvisible(character);
  if (BIDI_CONTROL.test(character)) {
    // An override always turns text around; an embedding or isolate only when left open, but a mark does its one job
    // in a headline (keeping punctuation beside a right-to-left word) and can never be left open.
    const instead = /[\u202D\u202E]/u.test(character) ? '' : '; where punctuation lands beside the wrong word, a direction mark (U+200F or U+200E) keeps it in place';
    return `contains the invisible character ${described}, which reorders the text after it, so readers would see it jumbled or reversed; remove it (it usually comes with pasted text)${instead}`;
  }
  if (SEPARATOR.test(character)) {
    return `contains the invisible character ${described}, which breaks the line in some places (the page) and not in others (feeds, the browser's tab); write a space instead`;
  }
  if (STRAY_TAG.test(character)) {
    return `contains the invisible character ${described}, which carries text no reader sees; remove it and the invisible characters beside it (they usually come with pasted text)`;
  }
  const reason = XML_FORBIDDEN.test(character) ? 'which XML feeds cannot carry' : 'which readers would see as nothing or as a box';
  const kind = CONTROL.test(character) ? 'control character' : 'character';
  return `contains the invisible ${kind} ${described}, ${reason}; remove it (it usually comes with pasted text)`;
}
