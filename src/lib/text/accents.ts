/**
 * Text without its accents: "café" is "cafe", "Maríko" is "Mariko". Japanese kana keep their sound marks (が is
 * not か), which are separate marks once decomposed but make another syllable, not an accented one.
 */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '').normalize('NFC');
}
