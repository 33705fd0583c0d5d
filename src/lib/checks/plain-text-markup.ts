/**
 * HTML typed into a field the site shows as plain text (the headline, the dek): escaped for every place it goes, so
 * readers would see `AT&amp;T` or `<em>now</em>` as typed. Usually pasted from a page's source or another CMS.
 */
import { decodeHTMLStrict } from 'entities';

/** What was typed, and for a character reference, the character it stands for. */
export interface TypedMarkup {
  written: string;
  meant?: string;
}

const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
/** Tags that format text inline: what an editor means by them is emphasis, a link or a line break, never the tag shown. */
const FORMATTING_TAG = /<\/?(?:a|abbr|b|br|code|em|i|mark|s|small|span|strong|sub|sup|u)(?:\s[^<>]*)?\/?>/i;

/** The first character reference or formatting tag in `text`, or undefined when it has none. */
export function markupInPlainText(text: string): TypedMarkup | undefined {
  for (const match of text.matchAll(CHARACTER_REFERENCE)) {
    const meant = decodeHTMLStrict(match[0]);
    // `&bogus;` is no reference: shown as typed, and meant so.
    if (meant !== match[0]) return { written: match[0], meant };
  }
  const tag = FORMATTING_TAG.exec(text);
  return tag ? { written: tag[0] } : undefined;
}
