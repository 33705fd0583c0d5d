import { describe, expect, it } from 'vitest';
import { rankRelated, RELATED_TUNING, type RelatedCandidate } from '../../../../src/lib/site/related/related.ts';

const DAY = 86_400_000;
const NEWEST = Date.UTC(2026, 10, 20, 9, 0);

/**
 * An article published `daysAgo` days before the newest one. By default it has
 * no tags and no text, so it shares nothing with anything: each test adds
 * exactly the overlap it is about.
 */
function article(slug: string, daysAgo: number, fields: Partial<RelatedCandidate> = {}): RelatedCandidate {
  return {
    slug,
    title: '',
    description: '',
    body: '',
    tagKeys: [],
    publishedAt: new Date(NEWEST - daysAgo * DAY),
    ...fields,
  };
}

/** `count` unrelated articles, older than everything else in a test (100+ days), tagged `tagKeys`. */
function fillers(count: number, tagKeys: string[] = []): RelatedCandidate[] {
  return Array.from({ length: count }, (_, i) => article(`filler-${String(i).padStart(2, '0')}`, 100 + i, { tagKeys }));
}

/** Deterministic PRNG (mulberry32), so "random" inputs are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function relatedOf(articles: readonly RelatedCandidate[], slug: string, limit?: number): string[] {
  const related = rankRelated(articles, limit === undefined ? {} : { limit }).get(slug);
  if (!related) throw new Error(`no entry for ${slug}`);
  return related;
}

const QKD_BODY =
  'Quantum key distribution lets two parties detect an eavesdropper, because measuring a photon disturbs it. ' +
  'The new satellite link carried entangled photons between ground stations, and the key rate held up in daylight.';

describe('curated entries', () => {
  // Three tag-mates of the host, so the automatic ranking has something to say too.
  const corpus = [
    article('host', 5, { tagKeys: ['chips'], curated: ['curated-second', 'curated-first'] }),
    article('curated-first', 40, { tagKeys: ['gardening'] }),
    article('curated-second', 50, { tagKeys: ['gardening'] }),
    article('tag-mate-a', 1, { tagKeys: ['chips'] }),
    article('tag-mate-b', 2, { tagKeys: ['chips'] }),
    article('tag-mate-c', 3, { tagKeys: ['chips'] }),
    ...fillers(4),
  ];

  it("come first, in the editor's order, before any automatic match", () => {
    expect(relatedOf(corpus, 'host')).toEqual(['curated-second', 'curated-first', 'tag-mate-a', 'tag-mate-b', 'tag-mate-c']);
  });

  it('skip unknown or unpublished slugs, the article itself and repeats, silently', () => {
    const messy = corpus.map((a) =>
      a.slug === 'host'
        ? { ...a, curated: ['not-published-yet', 'host', 'curated-first', 'curated-first', 'no-such-slug', 'curated-second'] }
        : a,
    );
    expect(relatedOf(messy, 'host')).toEqual(['curated-first', 'curated-second', 'tag-mate-a', 'tag-mate-b', 'tag-mate-c']);
  });

  it('are not repeated when the automatic ranking would pick them too', () => {
    const withMate = corpus.map((a) => (a.slug === 'host' ? { ...a, curated: ['tag-mate-b'] } : a));
    // tag-mate-b once, then the other tag-mates, then the most recent of the rest.
    expect(relatedOf(withMate, 'host')).toEqual(['tag-mate-b', 'tag-mate-a', 'tag-mate-c', 'curated-first', 'curated-second']);
  });

  it('are cut to the limit, keeping the first ones the editor chose', () => {
    const many = corpus.map((a) => (a.slug === 'host' ? { ...a, curated: ['curated-second', 'tag-mate-c', 'curated-first'] } : a));
    expect(relatedOf(many, 'host', 2)).toEqual(['curated-second', 'tag-mate-c']);
  });

  it("only affect the article that names them (curation is not symmetric)", () => {
    expect(relatedOf(corpus, 'curated-first')[0]).toBe('curated-second'); // its tag-mate, not "host"
  });
});

describe('the limit', () => {
  const corpus = [article('one', 0), article('two', 1), article('three', 2), article('four', 3), article('five', 4), article('six', 5), article('seven', 6)];

  it('defaults to 5', () => {
    expect(RELATED_TUNING.defaultLimit).toBe(5);
    for (const related of rankRelated(corpus).values()) expect(related).toHaveLength(5);
  });

  it('is respected when given', () => {
    for (const related of rankRelated(corpus, { limit: 2 }).values()) expect(related).toHaveLength(2);
    for (const related of rankRelated(corpus, { limit: 0 }).values()) expect(related).toEqual([]);
  });

  it('cannot be met by a corpus smaller than limit + 1: every other article is listed once', () => {
    const related = rankRelated(corpus.slice(0, 3), { limit: 5 });
    expect(related.get('one')).toEqual(['two', 'three']);
    expect(related.get('three')).toEqual(['one', 'two']);
  });

  it('lists for the articles asked for alone, as it would among all', () => {
    const related = rankRelated(corpus, { limit: 3, only: new Set(['two', 'six']) });
    expect([...related.keys()].sort()).toEqual(['six', 'two']);
    const all = rankRelated(corpus, { limit: 3 });
    for (const slug of ['two', 'six']) expect(related.get(slug)).toEqual(all.get(slug));
  });

  it('must be a non-negative integer', () => {
    expect(() => rankRelated(corpus, { limit: -1 })).toThrow(RangeError);
    expect(() => rankRelated(corpus, { limit: 2.5 })).toThrow(RangeError);
    expect(() => rankRelated(corpus, { limit: Number.NaN })).toThrow(RangeError);
  });
});

describe('an article is never related to itself', () => {
  it('even when it is its own best match and curated by name', () => {
    const twins = [
      article('twin-a', 0, { title: 'Quantum key distribution', body: QKD_BODY, tagKeys: ['quantum'], curated: ['twin-a'] }),
      article('twin-b', 1, { title: 'Quantum key distribution', body: QKD_BODY, tagKeys: ['quantum'] }),
      ...fillers(6, ['quantum']),
    ];
    for (const [slug, related] of rankRelated(twins)) expect(related).not.toContain(slug);
    expect(relatedOf(twins, 'twin-a')[0]).toBe('twin-b');
  });

  it('and an empty or one-article corpus gives empty lists', () => {
    expect(rankRelated([]).size).toBe(0);
    expect(rankRelated([article('alone', 0, { tagKeys: ['x'], curated: ['alone'] })]).get('alone')).toEqual([]);
  });
});

describe('shared tags are weighted by rarity', () => {
  // 12 articles carry "ai"; only the host and one old piece carry "lattice-crypto".
  const corpus = [
    article('host', 10, { tagKeys: ['ai', 'lattice-crypto'] }),
    article('old-rare-tag-mate', 700, { tagKeys: ['lattice-crypto'] }),
    article('new-common-tag-mate', 0, { tagKeys: ['ai'] }),
    ...fillers(10, ['ai']),
  ];

  it('a rare shared tag beats a common one, even when the common-tag article is much newer', () => {
    const related = relatedOf(corpus, 'host');
    expect(related[0]).toBe('old-rare-tag-mate');
    expect(related[1]).toBe('new-common-tag-mate');
  });

  it('two shared tags beat one', () => {
    const both = [...corpus, article('both-tags', 800, { tagKeys: ['lattice-crypto', 'ai'] })];
    expect(relatedOf(both, 'host').slice(0, 2)).toEqual(['both-tags', 'old-rare-tag-mate']);
  });

  it('a tag every article carries says (almost) nothing: recency decides among its carriers', () => {
    const everywhere = [article('a', 3, { tagKeys: ['news'] }), article('b', 1, { tagKeys: ['news'] }), article('c', 2, { tagKeys: ['news'] }), article('d', 0, { tagKeys: ['news'] })];
    expect(relatedOf(everywhere, 'a')).toEqual(['d', 'b', 'c']);
  });
});

describe('text similarity of title, dek and body', () => {
  // Same tags everywhere, so only the words can tell the articles apart.
  const corpus = [
    article('qkd-satellite', 3, {
      title: 'Satellite link sets a record for quantum key distribution',
      description: 'Entangled photons carried a secret key between two ground stations.',
      body: QKD_BODY,
      tagKeys: ['security'],
    }),
    article('qkd-fibre', 20, {
      title: 'Quantum key distribution reaches metro fibre networks',
      description: 'Banks test keys exchanged with single photons over existing fibre.',
      body: 'Operators ran quantum key distribution over dark fibre; an eavesdropper would disturb the photons and reveal itself.',
      tagKeys: ['security'],
    }),
    article('instant-payments', 1, {
      title: 'Instant payments arrive at European banks',
      description: 'Transfers settle in seconds, and fraud checks must keep up.',
      body: 'Payment providers must screen every transfer in real time. Card networks and banks share fraud signals.',
      tagKeys: ['security'],
    }),
    ...fillers(5, ['security']),
  ];

  it('puts two articles about quantum key distribution together, ahead of a newer one about payments', () => {
    expect(relatedOf(corpus, 'qkd-satellite')[0]).toBe('qkd-fibre');
    expect(relatedOf(corpus, 'qkd-fibre')[0]).toBe('qkd-satellite');
    expect(relatedOf(corpus, 'qkd-satellite').indexOf('instant-payments')).toBeGreaterThan(0);
  });

  it('relates articles that share no tag at all', () => {
    const untagged = corpus.map((a) => ({ ...a, tagKeys: [] }));
    expect(relatedOf(untagged, 'qkd-fibre')[0]).toBe('qkd-satellite');
  });

  it('counts words in the title more than the same words in the body', () => {
    // The two candidates have the same words; only which of them sit in the title differs.
    const weighted = [
      article('host', 5, { title: 'Lithium battery recycling plant opens', body: 'Recovered metal goes back into new cells.' }),
      article('in-title', 40, { title: 'Lithium battery recycling', body: 'Council parking bins.' }),
      article('in-body', 4, { title: 'Council parking bins', body: 'Lithium battery recycling.' }),
      ...fillers(5),
    ];
    // On a pure tie the newer "in-body" would go first.
    expect(relatedOf(weighted, 'host').slice(0, 2)).toEqual(['in-title', 'in-body']);
  });

  it('relates Japanese articles by their words, though Japanese puts no spaces between them', () => {
    const japanese = [
      article('host', 50, { title: '東京電力、柏崎刈羽原発の再稼働を申請', body: '東京電力は新潟県の柏崎刈羽原子力発電所6号機の再稼働に向け、原子力規制委員会に申請した。' }),
      article('same-plant', 60, { title: '柏崎刈羽原発の再稼働、新潟県知事が判断へ', body: '新潟県の知事は柏崎刈羽原子力発電所の再稼働について、県民の意見を聞いたうえで判断する考えを示した。' }),
      ...Array.from({ length: 6 }, (_, i) => article(`recent-${i}`, i)),
    ];
    expect(relatedOf(japanese, 'host')[0]).toBe('same-plant');
  });

  it('ignores Markdown noise: link URLs and code are not shared words', () => {
    // Different prose, identical URLs, code and HTML.
    const noisy = (slug: string, daysAgo: number, prose: string) =>
      article(slug, daysAgo, {
        body: [
          `${prose} [here](https://example.com/kubernetes-zebra-telemetry).`,
          '',
          '```yaml',
          'kubernetes: zebra-telemetry',
          '```',
          '',
          '`zebra --telemetry` <https://kubernetes.example/zebra> <span class="zebra">!</span> &zebra;',
        ].join('\n'),
      });
    const corpus2 = [noisy('host', 50, 'Details of the filing are'), noisy('same-noise', 60, 'Background coverage is'), ...Array.from({ length: 6 }, (_, i) => article(`recent-${i}`, i))];
    // Had the URL or code words counted, "same-noise" would come first; instead the list is the recency fill.
    expect(relatedOf(corpus2, 'host')).toEqual(['recent-0', 'recent-1', 'recent-2', 'recent-3', 'recent-4']);
  });
});

describe('recency', () => {
  const host = article('host', 0, { tagKeys: ['space'], body: 'solar storm aurora satellites grid' });
  // Give the words some document frequency, so that they are not all equally rare.
  const background = [...fillers(6, ['space']), article('other-1', 200, { body: 'solar aurora grid' }), article('other-2', 201, { body: 'storm satellites grid' })];
  // "z-better" shares 4 of the host's 5 words, "a-weaker" 3 of them; both share its tag.
  const scenario = (betterDaysAgo: number, weakerDaysAgo: number) => [
    host,
    article('z-better', betterDaysAgo, { tagKeys: ['space'], body: 'solar storm aurora satellites' }),
    article('a-weaker', weakerDaysAgo, { tagKeys: ['space'], body: 'solar storm aurora' }),
    ...background,
  ];

  it('does not override a clearly better match', () => {
    expect(relatedOf(scenario(30, 30), 'host')[0]).toBe('z-better');
    expect(relatedOf(scenario(400, 0), 'host')[0]).toBe('z-better');
  });

  // z-older repeats the host's wording exactly; a-newer leans a little more on "grid".
  const nearTie = [
    host,
    article('z-older', 300, { tagKeys: ['space'], body: 'solar storm aurora satellites grid' }),
    article('a-newer', 1, { tagKeys: ['space'], body: 'solar storm aurora satellites grid grid' }),
    ...background,
  ];

  it('breaks near-ties in favour of the newer article', () => {
    // Published the same day, the older piece's marginally closer wording wins (a pure tie would go to "a-…")...
    const sameDay = nearTie.map((a) => (a.slug === 'z-older' ? { ...a, publishedAt: nearTie[2]!.publishedAt } : a));
    expect(relatedOf(sameDay, 'host').slice(0, 2)).toEqual(['z-older', 'a-newer']);
    // ...published ten months apart, the newer one goes first.
    expect(relatedOf(nearTie, 'host').slice(0, 2)).toEqual(['a-newer', 'z-older']);
  });

  it('is measured from the newest article, not from the clock: moving every date ten years back changes nothing', () => {
    const decadeEarlier = nearTie.map((a) => ({ ...a, publishedAt: new Date(a.publishedAt.getTime() - 3652 * DAY) }));
    expect(relatedOf(decadeEarlier, 'host').slice(0, 2)).toEqual(['a-newer', 'z-older']);
    expect(rankRelated(decadeEarlier)).toEqual(rankRelated(nearTie));
  });
});

describe('articles with little or nothing in common with the rest', () => {
  const corpus = [
    article('loner', 30, { title: 'Beekeeping in winter', tagKeys: ['bees'] }),
    article('match', 90, { title: 'Rust in the kernel', tagKeys: ['rust'] }),
    article('rust-host', 50, { title: 'Rust drivers land', tagKeys: ['rust'] }),
    article('newest', 0),
    article('second-newest', 1),
    article('third-newest', 2),
    article('fourth-newest', 3),
    article('fifth-newest', 4),
  ];

  it('are filled with the most recent other articles, newest first', () => {
    expect(relatedOf(corpus, 'loner')).toEqual(['newest', 'second-newest', 'third-newest', 'fourth-newest', 'fifth-newest']);
  });

  it('list their few real matches first, then the most recent articles', () => {
    expect(relatedOf(corpus, 'rust-host')).toEqual(['match', 'newest', 'second-newest', 'third-newest', 'fourth-newest']);
  });
});

describe('determinism', () => {
  const random = seededRandom(7);
  const words = ['grid', 'battery', 'solar', 'chip', 'fab', 'model', 'privacy', 'browser', 'quantum', 'photon', 'rocket', 'orbit'];
  const corpus = Array.from({ length: 60 }, (_, i) =>
    article(`story-${i}`, Math.floor(random() * 50), {
      title: `${words[i % 12]} ${words[(i * 5) % 12]} update`,
      body: Array.from({ length: 30 }, () => words[Math.floor(random() * 12)]).join(' '),
      tagKeys: [`t${i % 7}`, `t${(i * 3) % 11}`],
      curated: i % 10 === 0 ? [`story-${(i + 13) % 60}`, 'gone'] : undefined,
    }),
  );

  it('gives the same result, in the same key order, whatever the input order', () => {
    const expected = [...rankRelated(corpus)];
    const shuffle = seededRandom(99);
    for (let round = 0; round < 5; round++) {
      expect([...rankRelated(shuffled(corpus, shuffle))]).toEqual(expected);
    }
  });

  it('breaks exact ties by publication date (newest first), then by slug', () => {
    const tied = [
      article('host', 10, { tagKeys: ['tie'] }),
      article('b-same-day', 5, { tagKeys: ['tie'] }),
      article('a-same-day', 5, { tagKeys: ['tie'] }),
      article('c-newer', 2, { tagKeys: ['tie'] }),
    ];
    expect(relatedOf(tied, 'host')).toEqual(['c-newer', 'a-same-day', 'b-same-day']);
  });

  it('keys the result by slug, in slug order', () => {
    expect([...rankRelated(corpus).keys()]).toEqual(corpus.map((a) => a.slug).sort());
  });

  it('uses the newest article when a slug repeats', () => {
    const repeated = [article('dup', 9, { tagKeys: ['old'] }), article('dup', 1, { tagKeys: ['new'] }), article('x', 3, { tagKeys: ['new'] }), article('y', 0, { tagKeys: ['old'] })];
    const related = rankRelated(repeated, { limit: 1 });
    expect(related.size).toBe(3);
    expect(related.get('x')).toEqual(['dup']);
    expect(related.get('dup')).toEqual(['x']);
  });
});

describe('candidate search over long tag lists', () => {
  // 600 articles: 250 tagged "ai" only, 250 "chips" only, 100 with neither; newer than everything below.
  const crowd = Array.from({ length: 600 }, (_, i) =>
    article(`crowd-${String(i).padStart(3, '0')}`, i % 90, { tagKeys: i < 250 ? ['ai'] : i < 500 ? ['chips'] : ['misc'] }),
  );

  it('still finds an old article that shares two common tags with the host', () => {
    const corpus = [...crowd, article('host', 5, { tagKeys: ['ai', 'chips'] }), article('old-ai-chips', 2000, { tagKeys: ['chips', 'ai'] })];
    expect(relatedOf(corpus, 'host')[0]).toBe('old-ai-chips');
  });

  it('still finds an old article that shares a rare tag with the host', () => {
    const corpus = [...crowd, article('host', 5, { tagKeys: ['ai', 'photonics'] }), article('old-photonics', 2000, { tagKeys: ['photonics'] })];
    expect(relatedOf(corpus, 'host')[0]).toBe('old-photonics');
  });
});

describe('at scale', () => {
  /**
   * 2,000 articles over 40 topics: each topic has its own vocabulary and a few of 60 tags (long-tail
   * frequencies), every article ~300 words mixing its topic's words with shared filler.
   */
  function syntheticCorpus(count: number, seed: number): { articles: RelatedCandidate[]; topicOf: Map<string, number> } {
    const random = seededRandom(seed);
    const syllables = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'qu', 'ant', 'sel', 'dor', 'pix', 'ne', 'tra', 'gon', 'bel'];
    const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    const common = Array.from({ length: 400 }, word);
    const topics = Array.from({ length: 40 }, () => ({
      words: Array.from({ length: 25 }, word),
      tags: Array.from({ length: 3 }, () => `tag-${Math.floor(60 * random() ** 2)}`), // low numbers are common
    }));
    const topicOf = new Map<string, number>();
    const articles = Array.from({ length: count }, (_, i) => {
      const t = Math.floor(random() * topics.length);
      const topic = topics[t]!;
      const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
      const slug = `article-${String(i).padStart(4, '0')}`;
      topicOf.set(slug, t);
      return article(slug, Math.floor(random() * 1500), {
        title: Array.from({ length: 6 }, () => pick(topic.words)).join(' '),
        description: Array.from({ length: 15 }, () => (random() < 0.5 ? pick(topic.words) : pick(common))).join(' '),
        body: Array.from({ length: 300 }, () => (random() < 0.25 ? pick(topic.words) : pick(common))).join(' '),
        tagKeys: [...new Set([pick(topic.tags), pick(topic.tags), `tag-${Math.floor(60 * random() ** 2)}`])],
        curated: i % 50 === 0 ? [`article-${String((i + 1) % count).padStart(4, '0')}`, 'unpublished-draft'] : undefined,
      });
    });
    return { articles, topicOf };
  }

  const { articles, topicOf } = syntheticCorpus(2000, 2026);
  const related = rankRelated(articles);

  it('gives every one of 2,000 articles 5 distinct, existing, non-self entries', () => {
    const slugs = new Set(articles.map((a) => a.slug));
    expect(related.size).toBe(2000);
    for (const [slug, list] of related) {
      expect(list).toHaveLength(5);
      expect(new Set(list).size).toBe(5);
      expect(list).not.toContain(slug);
      for (const other of list) expect(slugs.has(other)).toBe(true);
    }
  });

  it('keeps curated entries first at scale', () => {
    expect(related.get('article-0000')![0]).toBe('article-0001');
    expect(related.get('article-0050')![0]).toBe('article-0051');
  });

  it('mostly recommends articles on the same topic', () => {
    let sameTopic = 0;
    let total = 0;
    for (const [slug, list] of related) {
      for (const other of list) {
        total++;
        if (topicOf.get(other) === topicOf.get(slug)) sameTopic++;
      }
    }
    expect(sameTopic / total).toBeGreaterThan(0.95);
  });
});
