import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../src/lib/stories/language.ts';
import { tokenize } from '../../../src/lib/text/tokenizer.ts';

const language = (text: string) => languageOf(tokenize(text));

describe('the language of a report', () => {
  it('is told by its function words', () => {
    expect(language('Der Münchner Autobauer ruft in Europa 40.000 Elektro-SUVs zurück, weil ein Fehler in der Bremssoftware das Bremsen verzögern kann.')).toBe('de');
    expect(language("Nintendo a annoncé mardi une hausse de 50 dollars du prix de la Switch 2 aux États-Unis, invoquant les droits de douane.")).toBe('fr');
    expect(language('Un fallo en Cloudflare provocó el martes la caída de miles de páginas web y aplicaciones en todo el mundo.')).toBe('es');
  });

  it('is English when few or none of another language are there, names such as "von der Leyen" included', () => {
    expect(language('Ursula von der Leyen said the Commission would fine the company under the Digital Markets Act.')).toBe('en');
    expect(language('Rivian recalls 24,000 vehicles over a seat-belt fault.')).toBe('en');
  });
});
