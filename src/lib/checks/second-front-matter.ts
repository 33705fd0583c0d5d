/**
 * A second block of front matter opening the body (`---`, `key: value` lines, `---`), as a paste or a merge of two
 * versions of a file leaves it. Markdown reads it as a rule and a heading made of its lines, and its fields are
 * never read: the article loses what it says (a byline, a source) and shows the YAML to readers instead.
 */

export interface SecondFrontMatter {
  /** The block's opening `---`, as a line of the body (from 1); its first field when it has none. */
  line: number;
  /** The article fields it sets, in order. */
  fields: string[];
  /**
   * The block has no `---` of its own above it: the front matter was closed early, by a `---` typed between its
   * fields, and the fields below that line, down to the front matter's real end, are read as the body.
   */
  closedEarly?: true;
}

const FENCE = /^---[ \t]*$/;
const KEY = /^([A-Za-z][\w-]*):(?:[ \t]|$)/;
/** What else a block of YAML holds: nested or list lines, comments and blank lines. */
const YAML_CONTINUATION = /^(?:[ \t]+\S|-[ \t]|#|[ \t]*$)/;

/**
 * The block opening `body`, when every line of it reads as YAML and it sets one of `fieldNames` (a rule followed by
 * prose, even "Update: …", is not one), with a `---` above it or, for front matter closed early, starting with one of
 * `fieldNames`; undefined otherwise.
 */
export function secondFrontMatter(body: string, fieldNames: readonly string[]): SecondFrontMatter | undefined {
  const lines = body.split(/\r?\n|\r/);
  let opening = 0;
  while (lines[opening]?.trim() === '') opening++;
  const closedEarly = !FENCE.test(lines[opening] ?? '');
  if (closedEarly && !fieldNames.includes(KEY.exec(lines[opening] ?? '')?.[1] ?? '')) return undefined;
  const fields: string[] = [];
  for (let index = closedEarly ? opening : opening + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (FENCE.test(line)) {
      const known = fields.filter((field) => fieldNames.includes(field));
      if (known.length === 0) return undefined;
      return closedEarly ? { line: opening + 1, fields: known, closedEarly } : { line: opening + 1, fields: known };
    }
    const key = KEY.exec(line);
    if (key) fields.push(key[1]!);
    else if (!YAML_CONTINUATION.test(line)) return undefined;
  }
  return undefined;
}
