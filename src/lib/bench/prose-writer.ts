/** Synthetic news prose in Markdown: headlines, deks and bodies with the shape of real articles, from a seeded random source. */
import { AUTHORS, FUNCTION_WORDS, GENERAL, HEADLINE_VERBS, LANGUAGES, LEXICON_SIZE, ORGS, rareWord, tagTerms } from './corpus-vocabulary.ts';
import { createZipf, type Random } from './random.ts';

export interface Topic {
  tags: number[];
  terms: string[];
}

export function createProseWriter(random: Random) {
  const general = createZipf(GENERAL.length, 0.9);
  const functionWord = createZipf(FUNCTION_WORDS.length, 1);
  const rare = createZipf(LEXICON_SIZE, 1);

  const word = (topic: Topic): string => {
    const roll = random.next();
    if (roll < 0.45) return FUNCTION_WORDS[functionWord(random)]!;
    if (roll < 0.75) return GENERAL[general(random)]!;
    if (roll < 0.87) return rareWord(rare(random));
    return random.pick(topic.terms);
  };
  // A plain loop: Array.from with a callback is slow, and this runs for every word of every article.
  const phrase = (topic: Topic, length: number): string[] => {
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(word(topic));
    return words;
  };
  const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  /** One sentence, sometimes with inline emphasis, a link or code; returns its text and word count. */
  const sentence = (topic: Topic): [string, number] => {
    const length = random.int(8, 26);
    const words = phrase(topic, length);
    const roll = random.next();
    const at = random.int(1, Math.max(1, length - 4));
    if (roll < 0.08) words.splice(at, 2, `*${words[at]} ${words[at + 1] ?? 'today'}*`);
    else if (roll < 0.12) words.splice(at, 1, `**${words[at]}**`);
    else if (roll < 0.19) words.splice(at, 3, `[${words.slice(at, at + 3).join(' ')}](https://example.org/${words[at]}/${random.int(1000, 99999)})`);
    else if (roll < 0.21) words.splice(at, 1, `\`${words[at]}()\``);
    // Straight quotes and apostrophes, about 8 per 1,000 words as in the real articles: the Markdown engine turns
    // them into typographic ones (’ “ ”), so rendered HTML carries non-ASCII text as real HTML does.
    const typo = random.next();
    const where = random.int(1, length - 1);
    if (/^[a-z]+$/.test(words[where]!)) {
      if (typo < 0.06) words[where] = `${words[where]}'s`;
      else if (typo < 0.09) words[where] = random.pick(["don't", "isn't", "it's", "won't", "can't", "they're"]);
      else if (typo < 0.11 && where + 1 < length) words.splice(where, 2, `"${words[where]} ${words[where + 1]}"`);
    }
    return [`${capitalise(words.join(' '))}.`, length];
  };

  const paragraph = (topic: Topic, sentences: number): [string, number] => {
    const parts: string[] = [];
    let words = 0;
    for (let s = 0; s < sentences; s++) {
      const [text, count] = sentence(topic);
      parts.push(text);
      words += count;
    }
    return [parts.join(' '), words];
  };

  return {
    topicWords(tags: number[]): Topic {
      return { tags, terms: tags.flatMap(tagTerms) };
    },

    headline(topic: Topic): string {
      const subject = random.pick(ORGS);
      const verb = random.pick(HEADLINE_VERBS);
      const focus = `${random.pick(topic.terms)} ${random.pick(topic.terms)}`.replace(/-/g, ' ');
      const tail = random.chance(0.4) ? ` as ${GENERAL[general(random)]} ${random.pick(['stalls', 'grows', 'shifts', 'slips', 'returns'])}` : '';
      return `${subject} ${verb} ${focus}${tail}`;
    },

    /** One or two plain sentences: the dek has no Markdown. */
    dek(topic: Topic): string {
      const words = phrase(topic, random.int(18, 32));
      return `${capitalise(words.join(' '))}.`;
    },

    body(topic: Topic, targetWords: number): { markdown: string; words: number } {
      const blocks: string[] = [];
      let words = 0;
      const add = ([text, count]: [string, number]) => {
        blocks.push(text);
        words += count;
      };
      add(paragraph(topic, random.int(3, 5)));
      let table = random.chance(0.1);
      let code = random.chance(0.08);
      while (words < targetWords) {
        const heading = phrase(topic, random.int(3, 6));
        add([`## ${capitalise(heading.join(' '))}`, heading.length]);
        const paragraphs = random.int(1, 3);
        for (let p = 0; p < paragraphs && words < targetWords; p++) add(paragraph(topic, random.int(3, 6)));
        if (random.chance(0.3)) {
          const ordered = random.chance(0.3);
          const items = Array.from({ length: random.int(3, 6) }, (_, i) => {
            const [text, count] = sentence(topic);
            words += count;
            return `${ordered ? `${i + 1}.` : '-'} ${text}`;
          });
          blocks.push(items.join('\n'));
        }
        if (random.chance(0.15)) {
          const [quote, count] = sentence(topic);
          add([`> ${quote}\n>\n> — ${random.pick(AUTHORS)}, ${random.pick(ORGS).toLowerCase()}`, count + 3]);
        }
        if (table && words > targetWords / 2) {
          table = false;
          const rows = Array.from({ length: random.int(3, 5) }, () => `| ${capitalise(GENERAL[general(random)]!)} | ${random.int(1, 99)}% | ${random.int(100, 9999)} |`);
          add([['| Item | Share | Volume |', '| --- | ---: | ---: |', ...rows].join('\n'), 3 + rows.length * 3]);
        }
        if (code && words > targetWords / 3) {
          code = false;
          const [language, lines] = random.pick(LANGUAGES);
          const body = Array.from({ length: random.int(3, 7) }, () => random.pick(lines));
          blocks.push(['```' + language, ...body, '```'].join('\n'));
        }
      }
      return { markdown: `${blocks.join('\n\n')}\n`, words };
    },
  };
}
