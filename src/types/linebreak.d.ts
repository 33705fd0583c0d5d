/** The line-breaking opportunities of Unicode's UAX #14, as the linebreak package finds them (it ships no types). */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may break (the index where the next line would start), or null after the last. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
