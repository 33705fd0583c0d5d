/**
 * Cyrillic and Greek letters written in Latin ones, as URLs commonly transliterate them (Russian, Ukrainian,
 * Belarusian, Serbian, Macedonian and Kazakh Cyrillic; Greek as ELOT 743 writes it, without its accents): for a slug
 * that would otherwise mix look-alike alphabets.
 */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  ә: 'a', ғ: 'g', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/**
 * `text` in lower case with its Cyrillic and Greek letters written in Latin ("Яндекс" → "yandeks", "Ελλάδα" →
 * "ellada"); a letter of either alphabet with no Latin spelling here is left out, so that none remains.
 */
export function inLatinLetters(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{Script=Cyrillic}\p{Script=Greek}]/gu, (letter) => LATIN[letter] ?? LATIN[letter.normalize('NFD')[0]!] ?? '');
}
