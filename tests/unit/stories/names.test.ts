import { describe, expect, it } from 'vitest';
import { acronymsOf, ArchiveCasing, headlineNames, KeptScans, namesIn, scanText } from '../../../src/lib/stories/names.ts';

const names = (...texts: string[]) => namesIn(texts.map((text) => scanText(text)));

describe('names', () => {
  it('reads runs of capitalised words as names, whole and word by word, without a leading "The"', () => {
    const found = names('The European Commission fined Lumio on Thursday, the Bank of Japan said.');
    expect([...found.phrases]).toEqual(['european commission', 'bank japan']);
    expect([...found.words]).toEqual(expect.arrayContaining(['european', 'commission', 'lumio', 'bank', 'japan']));
  });

  it('takes no day or month for a name, unless it is part of a longer one', () => {
    const found = names("Tuesday's outage hit Lumio on Monday, as on 3 Dec. and in December, Thu. and Sept. Lumio's March results came after Cyber Monday, and Jan Koum said Theresa May agreed.");
    expect([...found.whole]).toEqual(['lumio', 'cyber monday', 'jan koum', 'theresa']);
  });

  it('takes a word opening a sentence as a name only when the text names it mid-sentence too', () => {
    expect([...names('Researchers found a flaw.').whole]).toEqual([]);
    expect([...names('Halvorsen was hit. Customers said Halvorsen waited.').whole]).toEqual(['halvorsen']);
  });

  it("ends a name at a headline's label: the colon after \"Live\" ends it as a sentence would", () => {
    expect([...names('Live: Starship Flight 12 launch updates').whole]).toEqual(['starship flight']);
    expect([...names('Data breach at Tallis; ICO informed').whole]).toEqual(['tallis', 'ico']);
  });

  it('reads a list inside a name ("X of A, B and C") as part of it, but not a list after a name', () => {
    expect([...names('Approval from the Ministry of Economy, Trade and Industry is needed.').phrases]).toEqual(['ministry economy trade industry']);
    expect([...names('It hit the Bank of America, Citi and Wells Fargo.').whole]).toEqual(['bank america', 'citi wells fargo']);
  });

  it('takes a possessive opening a sentence for the name the text gives mid-sentence', () => {
    expect([...names("Lilly's pill wins approval.", 'Regulators cleared the pill from Eli Lilly.').whole]).toEqual(['lilly', 'eli lilly']);
  });

  it('reads a word opening every sentence by how the rest of the archive writes it', () => {
    const archive = new ArchiveCasing();
    for (const text of ['Customers of Brightlane waited.', 'It was a record quarter.']) archive.observe(scanText(text, archive));
    const read = (text: string) => [...namesIn([scanText(text)], undefined, archive).whole];
    expect(read('Brightlane halts withdrawals.')).toEqual(['brightlane']);
    expect(read('Record GDPR fine for Lumio.')).toEqual(['gdpr', 'lumio']);
    expect(read('Researchers found a flaw.')).toEqual([]);
  });

  it('knows marked names wherever they stand, and splits at a possessive', () => {
    expect([...names('Shipments of the H20 and the iPhone stopped.').whole]).toEqual(['h20', 'iphone']);
    expect([...names("A fine from Ireland's Data Protection Commission.").whole]).toEqual(['ireland', 'data protection commission']);
  });

  it('reads the Latin names in Chinese or Japanese text apart from it and from each other', () => {
    expect([...names('Nvidia、中国向けH20の出荷を再開。米半導体大手のNvidiaは15日に発表した。').whole]).toEqual(['nvidia', 'h20']);
    expect([...names('苹果公司与OpenAI合作推出Apple Intelligence').whole]).toEqual(['openai', 'apple intelligence']);
  });

  it('gives one key to one amount however it is written, and ignores bare numbers', () => {
    expect([...names('A $2.5 billion deal, or 2.5bn, cut 40% of 3 nm parts in 2026.').figures]).toEqual(['2500000000', '40%', '3nm']);
    expect([...names('It cost €1,200 million.').figures]).toEqual(['1200000000']);
  });

  it('reads the scale words of other languages, so an amount in a German or French headline matches the English one', () => {
    expect([...names('Siemens zahlt 10,6 Milliarden Dollar, davon 3,2 Mrd. in bar und 400 Mio. in Aktien.').figures]).toEqual(['10600000000', '3200000000', '400000000']);
    expect([...names("Une amende de 2,5 milliards d'euros et 40 millions de plus.").figures]).toEqual(['2500000000', '40000000']);
    expect([...names('Kepler ruft 40.000 Autos zurück und zahlt 1.200,5 Millionen.').figures]).toEqual(['40000', '1200500000']);
  });

  it('reads amounts in myriads, as Chinese and Japanese write them: 70億ドル is $7 billion', () => {
    expect([...names('約70億ドルを投じる。3兆円の予算で5万台を作る。英伟达投资70亿美元。').figures]).toEqual(['7000000000', '3000000000000', '50000']);
  });
});

describe('acronyms', () => {
  it('are the initials of a name, and of its endings of three letters or more', () => {
    expect(acronymsOf('us food drug administration')).toEqual(['ufda', 'fda']);
    expect(acronymsOf('general motors')).toEqual(['gm']);
  });

  it('are names even when they open a sentence', () => {
    expect([...names('FDA clears the pill.').whole]).toEqual(['fda']);
  });
});

describe('headline names', () => {
  it('in a Title Case headline, keeps only what the rest of the article names', () => {
    const known = new Set(['zenta', 'robotics', 'zenta robotics']);
    const title = 'Zenta Robotics Prices IPO at $24 a Share, Raising $1.1 Billion';
    const found = headlineNames(scanText(title), known);
    expect([...found.whole]).toEqual(['zenta robotics']);
    expect([...found.figures]).toEqual(['24', '1100000000']);
  });

  it('in a sentence-case headline, reads names as in any sentence', () => {
    const title = 'Tallis data breach hits 2m policyholders; ICO informed';
    expect([...headlineNames(scanText(title), new Set(['tallis'])).whole]).toEqual(['tallis', 'ico']);
  });
});

describe('scans kept until the archive is read', () => {
  it('give back each text as it was read, its acronyms left to the casing that took them in', () => {
    const texts = ["A fine from Ireland's Data Protection Commission: €1.2 billion.", 'Zenta Robotics Prices IPO At $2.5 Billion', 'Lumio said the FDA and Lumio agreed.', 'no names here'];
    const kept = new KeptScans();
    for (const text of texts) kept.keep(scanText(text));
    expect(texts.map((_, index) => kept.text(index))).toEqual(texts.map((text) => ({ ...scanText(text), acronyms: [] })));
  });
});
