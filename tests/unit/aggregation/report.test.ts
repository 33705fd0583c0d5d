import { describe, expect, it } from 'vitest';
import type { Attention } from '../../../src/lib/aggregation/attention.ts';
import { emptySkipCounts, formatAttentionAnnotations, formatReportMarkdown, formatReportText, STEP_SUMMARY_MAX_BYTES, summarizeRun, type SourceReport } from '../../../src/lib/aggregation/report.ts';

const source = (fields: Partial<SourceReport> & Pick<SourceReport, 'id' | 'result'>): SourceReport => ({ name: fields.id, newItems: [], skipped: emptySkipCounts(), notes: [], ...fields });

const report = summarizeRun(
  [
    source({ id: 'chipwire', result: 'fetched', newItems: [{ file: 'content/articles/aggregated/chipwire/a.md', title: 'A', draft: true }], skipped: { seenBefore: 9, duplicate: 1, excluded: 2, similar: 0, rejected: 0, heldOver: 0 } }),
    source({ id: 'pixel', result: 'not-modified' }),
    source({ id: 'down', name: 'Down | Out', result: 'failed', error: 'https://down.example/feed answered 500', until: '2026-12-01T12:30:00Z', consecutiveFailures: 2 }),
    source({ id: 'busy', result: 'backing-off', until: '2026-12-01T14:00:00Z', error: 'answered 429', consecutiveFailures: 1 }),
  ],
  false,
);

describe('the run report', () => {
  it('says per source what happened, then the totals', () => {
    expect(formatReportText(report).split('\n')).toEqual([
      '  chipwire  fetched: 1 new item; skipped 1 duplicate, 2 excluded; 9 seen before',
      '  pixel     not modified',
      '  down      failed: https://down.example/feed answered 500; not fetched again before 2026-12-01 12:30 UTC',
      '  busy      backing off until 2026-12-01 14:00 UTC (1 failure in a row; last: answered 429)',
      '',
      'Written:',
      '  content/articles/aggregated/chipwire/a.md  “A” (draft)',
      '',
      '4 sources: 1 fetched, 1 not modified, 1 failed, 1 backing off; 1 new item written; skipped 1 duplicate, 2 excluded.',
    ]);
  });

  it('says apart from the skips how many new items each source held over for later runs', () => {
    const capped = summarizeRun(
      [
        source({ id: 'archive', result: 'fetched', newItems: [{ file: 'a.md', title: 'A', draft: true }], skipped: { ...emptySkipCounts(), duplicate: 1, heldOver: 2950 } }),
        source({ id: 'chipwire', result: 'fetched', skipped: { ...emptySkipCounts(), seenBefore: 3 } }),
      ],
      false,
    );
    const lines = formatReportText(capped).split('\n');
    expect(lines.slice(0, 2)).toEqual(['  archive   fetched: 1 new item; skipped 1 duplicate; 2950 held over for later runs', '  chipwire  fetched: 0 new items; 3 seen before']);
    expect(lines.at(-1)).toBe('2 sources: 2 fetched, 0 not modified, 0 failed, 0 backing off; 1 new item written; skipped 1 duplicate; 2950 held over for later runs.');
    expect(capped.totals.skipped.heldOver).toBe(2950);
    expect(formatReportMarkdown(capped)).toContain('| archive (`archive`) | fetched | 1 | fetched: 1 new item; skipped 1 duplicate; 2950 held over for later runs |');
  });

  it('lists each source’s notes in the Markdown summary, named by source, and none when there are none', () => {
    const noted = summarizeRun([source({ id: 'bistro', name: 'Bistro | News', result: 'fetched', notes: ['https://bistro.example/feed.xml: its bytes are not valid in the encoding it declares (UTF-8): 3 bytes are not UTF-8 and were read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8', '“<b>” rejected: no link'] })], false);
    expect(formatReportMarkdown(noted)).toContain(
      [
        '### Notes',
        '',
        '- Bistro \\| News (`bistro`): https://bistro.example/feed.xml: its bytes are not valid in the encoding it declares (UTF-8): 3 bytes are not UTF-8 and were read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8',
        '- Bistro \\| News (`bistro`): “&lt;b>” rejected: no link',
        '',
      ].join('\n'),
    );
    expect(formatReportMarkdown(report)).not.toContain('### Notes');
  });

  it('makes a Markdown table whose cells cannot break out of their row', () => {
    const markdown = formatReportMarkdown(report);
    expect(markdown).toContain('| source | result | new items | details |');
    expect(markdown).toContain('| Down \\| Out (`down`) | failed | 0 |');
    expect(markdown.split('\n').filter((line) => line.startsWith('| ')).every((line) => line.replace(/\\\|/g, '').split('|').length === 6)).toBe(true);
  });

  it('shows the control characters and line separators of a feed’s title or a server’s reason phrase as escapes in the table, one row per source', () => {
    const title = 'Wire\u001b[31m red\u0000';
    const error = 'https://wire.example/feed answered 500 Bad\u2028Gateway\u2029now\u0085here';
    const markdown = formatReportMarkdown(summarizeRun([source({ id: 'wire', name: title, result: 'failed', error, consecutiveFailures: 1 }), source({ id: 'pixel', result: 'not-modified' })], false));
    // Split as a browser may break lines, so that a separator left raw would cut the row short.
    const rows = markdown.split(/\r\n|[\n\r\u0085\u2028\u2029]/).filter((line) => line.startsWith('| ') && !line.startsWith('| source') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| Wire\\\\u001b\\\[31m red\\\\u0000 \(`wire`\) \| failed \| 0 \| failed: .* \|$/);
    expect(rows[0]).toContain('answered 500 Bad\\\\u2028Gateway\\\\u2029now\\\\u0085here');
    expect(markdown).not.toMatch(/[\u0000\u001b\u0085\u2028\u2029]/);
  });

  it('keeps each source to one line of text, so that a server’s error cannot start a line the CI runner reads as a command', () => {
    const error = 'malformed JSON: Unexpected token \':\', "[\n::stop-commands::quiet\r\n::warning::forged" is not valid JSON';
    const lines = formatReportText(summarizeRun([source({ id: 'json', result: 'failed', error })], false)).split('\n');
    expect(lines[0]).toBe('  json  failed: malformed JSON: Unexpected token \':\', "[\\u000a::stop-commands::quiet\\u000d\\u000a::warning::forged" is not valid JSON; the next run tries again');
    expect(lines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
  });

  it('escapes a backtick in a feed’s name or a server’s error, which would otherwise open a code span running into the source id’s', () => {
    const ticked = summarizeRun([source({ id: 'tick', name: 'Rock`n Roll Wire', result: 'failed', error: 'https://tick.example/feed answered 500 `oops' })], false);
    expect(formatReportMarkdown(ticked)).toContain('| Rock\\`n Roll Wire (`tick`) | failed | 0 | failed: https://tick.example/feed answered 500 \\`oops; the next run tries again |');
  });

  it('escapes the brackets of a link in a feed’s title, which would otherwise show the operator text hiding where it leads', () => {
    const linked = summarizeRun([source({ id: 'bait', result: 'fetched', notes: ['“[Read the report](https://phish.example/login) ![x](https://track.example/p.gif)” rejected: no link'] })], false);
    expect(formatReportMarkdown(linked)).toContain('- bait (`bait`): “\\[Read the report\\](https://phish.example/login) !\\[x\\](https://track.example/p.gif)” rejected: no link\n');
  });
});

describe('sources that need attention in the report', () => {
  const attended = summarizeRun(
    [source({ id: 'deadwire', name: 'Dead Wire', result: 'backing-off', until: '2026-12-03T13:00:00Z', error: 'answered 404', consecutiveFailures: 6 }), source({ id: 'frozen', result: 'not-modified' }), source({ id: 'pixel', result: 'not-modified' })],
    false,
    [
      { id: 'deadwire', name: 'Dead Wire', reason: 'failing', since: '2026-12-01T12:00:00Z', consecutiveFailures: 6, error: 'https://dead.example/feed.xml answered 404 Not Found' },
      { id: 'frozen', name: 'Frozen, 100% | <b>', reason: 'nothing-new', since: '2026-10-15T08:45:00Z' },
    ],
  );

  it('lists them after what was written, with since when and what to check', () => {
    const lines = formatReportText(attended).split('\n');
    expect(lines.slice(3, 7)).toEqual([
      '',
      'Needs attention:',
      '  deadwire  failing since 2026-12-01 12:00 UTC (6 failures in a row): https://dead.example/feed.xml answered 404 Not Found; check its feed address',
      '  frozen    nothing new since 2026-10-15 08:45 UTC; the feed may have moved',
    ]);
    expect(lines.at(-1)).toMatch(/^3 sources: /);
  });

  it('says, in the text, the step summary and as a warning on the run\'s page, that a registry listing no sources fetched nothing', () => {
    const empty = summarizeRun([], false);
    expect(formatReportText(empty).split('\n').at(-1)).toBe('The registry lists no sources, so nothing was fetched: add the outlets to follow to content/sources.yaml (README: Sources).');
    expect(formatReportMarkdown(empty).split('\n').slice(2, 5)).toEqual([
      '0 sources: 0 fetched, 0 not modified, 0 failed, 0 backing off; 0 new items written.',
      '',
      'The registry lists no sources, so nothing was fetched: add the outlets to follow to content/sources.yaml (README: Sources).',
    ]);
    expect(formatAttentionAnnotations(empty)).toEqual([
      '::warning title=Aggregation%3A no sources::The registry lists no sources, so nothing was fetched: add the outlets to follow to content/sources.yaml (README: Sources).',
    ]);
  });

  it('says nothing of attention when no source needs it', () => {
    expect(formatReportText(report)).not.toContain('attention');
    expect(formatReportMarkdown(report)).not.toContain('attention');
    expect(formatAttentionAnnotations(report)).toEqual([]);
  });

  it('has them in the Markdown summary, one list item each', () => {
    const markdown = formatReportMarkdown(attended);
    expect(markdown).toContain(
      [
        '### Needs attention',
        '',
        '- Dead Wire (`deadwire`): failing since 2026-12-01 12:00 UTC (6 failures in a row): https://dead.example/feed.xml answered 404 Not Found; check its feed address',
        '- Frozen, 100% \\| &lt;b> (`frozen`): nothing new since 2026-10-15 08:45 UTC; the feed may have moved',
      ].join('\n'),
    );
  });

  it('makes one GitHub warning command each, escaped so that no message can end or forge a command', () => {
    expect(formatAttentionAnnotations(attended)).toEqual([
      '::warning title=Source needs attention%3A Dead Wire (deadwire)::deadwire: failing since 2026-12-01 12:00 UTC (6 failures in a row): https://dead.example/feed.xml answered 404 Not Found; check its feed address',
      '::warning title=Source needs attention%3A Frozen%2C 100%25 | <b> (frozen)::frozen: nothing new since 2026-10-15 08:45 UTC; the feed may have moved',
    ]);
    const hostile = summarizeRun([source({ id: 'x', result: 'failed' })], false, [{ id: 'x', name: 'X', reason: 'failing', since: '2026-12-01T12:00:00Z', consecutiveFailures: 3, error: 'answered 500 at 100%\r\n::error::forged' }]);
    expect(formatAttentionAnnotations(hostile)).toEqual([
      '::warning title=Source needs attention%3A X (x)::x: failing since 2026-12-01 12:00 UTC (3 failures in a row): answered 500 at 100%25%0D%0A::error::forged; check its feed address',
    ]);
  });
});

describe('attention annotations for an outlet whose feeds have all moved, or all gone quiet', () => {
  const moved = (id: string, movedTo: string) => ({ id, name: id, reason: 'moved' as const, movedTo, host: 'old.example' });
  const quiet = (id: string, since: string) => ({ id, name: id, reason: 'nothing-new' as const, since, host: 'still.example' });
  const attention = [
    moved('old-politics', 'https://new.example/politics.xml'),
    quiet('still-sport', '2026-10-20T08:00:00Z'),
    moved('old-sport', 'https://new.example/sport.xml'),
    quiet('still-travel', '2026-10-15T08:45:00Z'),
    { ...moved('lone', 'https://lone.example/rss'), host: 'lone-old.example' },
  ];
  const report = summarizeRun(attention.map(({ id }) => source({ id, result: 'fetched' })), false, attention);

  it('gives each host’s sources one warning, saying where they moved to when they all moved to one host, and the first gone quiet', () => {
    expect(formatAttentionAnnotations(report)).toEqual([
      '::warning title=2 sources on old.example need attention::old-politics, old-sport: moved for good from old.example to new.example (permanent redirects); update their feed: lines in the registry to the new addresses, listed under "Needs attention" in the job summary',
      '::warning title=2 sources on still.example need attention::still-sport, still-travel: nothing new on still.example, the first since 2026-10-15 08:45 UTC; the feeds may have moved, as an outlet that moves leaves its old feeds frozen',
      '::warning title=Source needs attention%3A lone (lone)::lone: the feed has moved for good to https://lone.example/rss (a permanent redirect); update its feed: line in the registry',
    ]);
  });

  it('names no one new host when the feeds moved to several', () => {
    const scattered = [moved('a', 'https://one.example/a.xml'), moved('b', 'https://two.example/b.xml')];
    expect(formatAttentionAnnotations(summarizeRun(scattered.map(({ id }) => source({ id, result: 'fetched' })), false, scattered))[0]).toContain('a, b: moved for good from old.example (permanent redirects); ');
  });

  it('still lists each of them, with its new address, under "Needs attention" in the summary', () => {
    const lines = formatReportMarkdown(report).split('\n');
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(5);
    expect(lines).toContain('- old-sport (`old-sport`): the feed has moved for good to https://new.example/sport.xml (a permanent redirect); update its feed: line in the registry');
  });
});

describe('the advice for a source failing for a day, by what made it fail', () => {
  const failing = (id: string, error: string, cause?: Attention['cause']) => ({ id, name: id, reason: 'failing' as const, since: '2026-12-01T12:00:00Z', consecutiveFailures: 9, error, ...(cause ? { cause } : {}), host: `${id}.example` });
  const attention = [
    failing('down', 'https://down.example/feed.xml answered 503 Service Unavailable', 'server-error'),
    failing('moved', 'https://moved.example/feed.xml answered 404 Not Found', 'not-found'),
    failing('slow', 'https://slow.example/feed.xml answered, but did not send the whole feed within 20 s (timed out)', 'timeout'),
    failing('blocked', 'https://blocked.example/feed.xml answered 403 Forbidden', 'forbidden'),
    failing('expired', 'could not reach expired.example: its TLS certificate was rejected (CERT_HAS_EXPIRED)', 'tls'),
    failing('lapsed', 'could not reach lapsed.example: the host name does not exist (check the spelling)', 'dns-not-found'),
    failing('page', 'https://page.example/feed: this is an HTML web page, not a feed; look for its RSS or Atom link (served as text/html)', 'not-a-feed'),
    failing('big', 'https://big.example/feed.xml sent more than 10 MB, larger than a feed may be; stopped reading', 'too-large'),
    failing('old', 'https://old.example/feed.xml answered 404 Not Found'),
  ];
  const report = summarizeRun(attention.map(({ id }) => source({ id, result: 'backing-off', until: '2026-12-02T14:00:00Z' })), false, attention);
  const lines = formatReportText(report).split('\n');
  const attentionLines = lines.slice(lines.indexOf('Needs attention:') + 1, lines.indexOf('Needs attention:') + 1 + attention.length);

  it('says what to check for each cause, in the style of the other lines', () => {
    expect(attentionLines.slice(0, 3)).toEqual([
      "  down     failing since 2026-12-01 12:00 UTC (9 failures in a row): https://down.example/feed.xml answered 503 Service Unavailable; its server has been answering with an error for a day: if the outlet's site is down too, wait for it; if the site works, tell the publisher their feed is broken",
      "  moved    failing since 2026-12-01 12:00 UTC (9 failures in a row): https://moved.example/feed.xml answered 404 Not Found; the feed is no longer at this address: find its new address on the outlet's site (or correct a mistyped one) and update its feed: line",
      "  slow     failing since 2026-12-01 12:00 UTC (9 failures in a row): https://slow.example/feed.xml answered, but did not send the whole feed within 20 s (timed out); its server has not sent the feed in time for a day: check whether the outlet's site is up; if it is, it may be slow for this runner (give a longer --timeout) or ignore robots",
    ]);
    const advice = attentionLines.map((line, index) => line.slice(line.indexOf(attention[index]!.error) + attention[index]!.error.length + 2));
    expect(new Set(advice.slice(0, 8)).size).toBe(8);
    expect(advice[3]).toMatch(/^its server refuses the aggregator .*user agent$/);
    expect(advice[4]).toMatch(/certificate .*tell the publisher$/);
    expect(advice[5]).toMatch(/^if its feed: line is spelled right, the outlet's domain has lapsed or moved/);
    expect(advice[6]).toMatch(/^the address serves a page, not the feed/);
    expect(advice[7]).toMatch(/^ask the publisher for a shorter feed/);
  });

  it('keeps the generic advice for a failure whose cause the state does not know (written before causes were kept)', () => {
    expect(attentionLines[8]).toBe('  old      failing since 2026-12-01 12:00 UTC (9 failures in a row): https://old.example/feed.xml answered 404 Not Found; check its feed address');
  });

  it('gives the same advice in the step summary and the warning annotation', () => {
    const markdown = formatReportMarkdown(report);
    const annotations = formatAttentionAnnotations(report);
    expect(markdown).toContain("answered 503 Service Unavailable; its server has been answering with an error for a day: if the outlet's site is down too, wait for it; if the site works, tell the publisher their feed is broken\n");
    for (const line of attentionLines) {
      const [id, sentence] = [line.trim().split(/\s+/)[0]!, line.trim().replace(/^\S+\s+/, '')];
      expect(markdown).toContain(`- ${id} (\`${id}\`): ${sentence.replaceAll('|', '\\|').replaceAll('<', '&lt;')}\n`);
      expect(annotations).toContain(`::warning title=Source needs attention%3A ${id} (${id})::${id}: ${sentence}`);
    }
  });

  it('gives a host whose feeds all fail alike the advice for their cause, in the plural', () => {
    const sections = ['politics', 'sport'].map((id) => ({ ...failing(id, `https://wire.example/${id}.xml answered 404 Not Found`, 'not-found'), host: 'wire.example' }));
    expect(formatAttentionAnnotations(summarizeRun(sections.map(({ id }) => source({ id, result: 'backing-off', until: '2026-12-02T14:00:00Z' })), false, sections))).toEqual([
      "::warning title=2 sources on wire.example need attention::politics, sport: failing on wire.example, the first since 2026-12-01 12:00 UTC, each with the same error: the feed answered 404 Not Found; the feeds are no longer at their addresses (a site redesigned, most often): find their new addresses on the outlet's site and update their feed: lines",
    ]);
  });
});

describe('attention annotations past the ten warnings GitHub shows per step', () => {
  const attention = Array.from({ length: 12 }, (_, index) => ({ id: `wire-${index + 1}`, name: `Wire ${index + 1}`, reason: 'nothing-new' as const, since: '2026-10-15T08:45:00Z' }));
  const annotations = formatAttentionAnnotations(summarizeRun(attention.map(({ id }) => source({ id, result: 'not-modified' })), false, attention));

  it('shows nine sources, and names the rest in a tenth that points to the summary, so that none is dropped unseen', () => {
    expect(annotations).toHaveLength(10);
    expect(annotations[8]).toBe('::warning title=Source needs attention%3A Wire 9 (wire-9)::wire-9: nothing new since 2026-10-15 08:45 UTC; the feed may have moved');
    expect(annotations[9]).toBe('::warning title=3 more sources need attention::wire-10, wire-11, wire-12: see "Needs attention" in the job summary');
  });
});

describe('feeds not asked in this run, as their host let another feed time out or used up its time', () => {
  const hungHost = '127.0.0.1:8080 did not answer https://wire.example/politics.xml in this run (timed out)';
  const slowHost = 'slow.example had its 60 s in this run (3 timeouts\' worth) reading its other feeds';
  const unasked = summarizeRun(
    [
      source({ id: 'politics', result: 'failed', error: 'https://wire.example/politics.xml did not answer within 20 s (timed out)', consecutiveFailures: 1 }),
      source({ id: 'sport', result: 'not-asked', notAskedBecause: hungHost }),
      source({ id: 'culture', result: 'not-asked', notAskedBecause: hungHost }),
      source({ id: 'travel', result: 'not-asked', notAskedBecause: slowHost }),
    ],
    false,
  );

  it('says why on each line, that it is no failure of the feed and that the next run asks feeds left unasked first, and counts them apart from the failures', () => {
    const lines = formatReportText(unasked).split('\n');
    expect(lines.slice(1, 4)).toEqual([
      `  sport     not asked: its host ${hungHost}; not a failure of this feed; the next run asks feeds left unasked first`,
      `  culture   not asked: its host ${hungHost}; not a failure of this feed; the next run asks feeds left unasked first`,
      `  travel    not asked: its host ${slowHost}; not a failure of this feed; the next run asks feeds left unasked first`,
    ]);
    expect(lines.at(-1)).toBe('4 sources: 0 fetched, 0 not modified, 1 failed, 0 backing off, 3 not asked because of their host; 0 new items written.');
    expect(unasked.totals).toMatchObject({ failed: 1, notAsked: 3 });
  });

  it('has them in the step summary as not-asked', () => {
    expect(formatReportMarkdown(unasked)).toContain(`| sport (\`sport\`) | not-asked | 0 | not asked: its host ${hungHost}; not a failure of this feed; the next run asks feeds left unasked first |`);
  });

  it('makes one notice per host and reason on the run’s page, never a warning or an error', () => {
    expect(formatAttentionAnnotations(unasked)).toEqual([
      `::notice title=Aggregation%3A 2 feeds not asked::sport, culture: not asked, as their host ${hungHost}; not a failure of these feeds; the next run asks feeds left unasked first`,
      `::notice title=Aggregation%3A 1 feed not asked::travel: not asked, as its host ${slowHost}; not a failure of this feed; the next run asks feeds left unasked first`,
    ]);
  });

  it('past the ten notices GitHub shows, names the other hosts’ feeds in a tenth', () => {
    const many = summarizeRun(Array.from({ length: 12 }, (_, index) => source({ id: `feed-${index + 1}`, result: 'not-asked', notAskedBecause: `host-${index + 1}.example did not answer it in this run (timed out)` })), false);
    const notices = formatAttentionAnnotations(many);
    expect(notices).toHaveLength(10);
    expect(notices.at(-1)).toBe('::notice title=Aggregation%3A 3 more feeds not asked::feed-10, feed-11, feed-12: see the job summary');
  });

  it('lists a feed left unasked run after run under "Needs attention", with what to check', () => {
    const stuck = summarizeRun([source({ id: 'sport', result: 'not-asked', notAskedBecause: hungHost })], false, [{ id: 'sport', name: 'Sport', reason: 'not-asked', since: '2026-12-01T12:00:00Z', runs: 6 }]);
    expect(formatReportText(stuck)).toContain(
      "\nNeeds attention:\n  sport  not asked at 6 runs in a row since 2026-12-01 12:00 UTC, as its host timed out or refused on another of its feeds, or used up its time, at each run; check the host's other feeds (one may hang at every run), or give the host fewer feeds or a longer --timeout\n",
    );
    expect(formatAttentionAnnotations(stuck)[0]).toMatch(/^::warning title=Source needs attention%3A Sport \(sport\)::sport: not asked at 6 runs in a row/);
  });
});

describe('a step summary too large for GitHub, which then shows none of it', () => {
  const refused = Array.from({ length: 12_000 }, (_, index) => `“Market update ${index + 1}: shares close higher as traders weigh the latest figures” rejected: no link`);
  const sources = [
    ...Array.from({ length: 1500 }, (_, index) => source({ id: `wire-${index + 1}`, name: `Wire ${index + 1}`, result: 'not-modified' })),
    source({ id: 'markets', name: 'Markets', result: 'fetched', notes: refused }),
    ...Array.from({ length: 300 }, (_, index) => source({ id: `down-${index + 1}`, name: `Down ${index + 1}`, result: 'failed', error: `could not reach down-${index + 1}.example: the connection was refused (is the address right, and the server up?)`, consecutiveFailures: 9 })),
  ];
  const attention = sources.slice(-300).map(({ id, name, error }) => ({ id, name, reason: 'failing' as const, since: '2026-12-01T12:00:00Z', consecutiveFailures: 9, error }));
  const large = summarizeRun(sources, false, attention);
  const markdown = formatReportMarkdown(large);
  const lines = markdown.split('\n');

  it('keeps under the 1 MiB GitHub shows, a report that would pass it', () => {
    expect(new TextEncoder().encode(formatReportMarkdown(large, Infinity)).length).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES);
    expect(new TextEncoder().encode(markdown).length).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
  });

  it('keeps the totals, every source that needs attention and the failed rows first, then as many other rows as fit', () => {
    expect(lines.slice(0, 3)).toEqual(['## Aggregation', '', '1801 sources: 1 fetched, 1500 not modified, 300 failed, 0 backing off; 0 new items written.']);
    expect(lines.filter((line) => line.startsWith('- Down '))).toHaveLength(300);
    const rows = lines.filter((line) => line.startsWith('| ') && !line.startsWith('| source |') && !line.startsWith('| --- |'));
    expect(rows.slice(0, 300).every((row) => row.includes('| failed |'))).toBe(true);
    expect(rows.slice(300, 302)).toEqual(['| Wire 1 (`wire-1`) | not-modified | 0 | not modified |', '| Wire 2 (`wire-2`) | not-modified | 0 | not modified |']);
    expect(rows).toHaveLength(1801);
  });

  it('ends with a line counting what was left out and where the whole report is', () => {
    const kept = lines.filter((line) => line.startsWith('- Markets (`markets`): “Market update')).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(12_000);
    expect(lines.at(-2)).toBe(`**Shortened:** ${12_000 - kept} of 12000 notes left out, as GitHub shows no step summary over 1 MiB; the whole report is in this step's log.`);
  });

  it('leaves out rows, from the end, before the totals and what needs attention', () => {
    const tight = formatReportMarkdown(large, 100_000).split('\n');
    expect(new TextEncoder().encode(tight.join('\n')).length).toBeLessThanOrEqual(100_000);
    expect(tight[2]).toMatch(/^1801 sources: /);
    expect(tight.filter((line) => line.startsWith('- Down '))).toHaveLength(300);
    expect(tight.filter((line) => line.startsWith('| Wire '))).toEqual([]);
    expect(tight).not.toContain('### Notes');
    expect(tight.at(-2)).toMatch(/^\*\*Shortened:\*\* \d+ of 1801 source rows, 12000 of 12000 notes left out, as GitHub shows no step summary over 1 MiB; the whole report is in this step's log\.$/);
  });

  it('says nothing of leaving out when all of it fits', () => {
    expect(formatReportMarkdown(report)).not.toContain('Shortened');
  });
});

describe('attention annotations for an outlet whose feeds all fail on one host', () => {
  const sections = Array.from({ length: 30 }, (_, index) => `section-${index + 1}`);
  const failing = (id: string, host: string, error: string, since = '2026-12-01T12:00:00Z') => ({ id, name: id, reason: 'failing' as const, since, consecutiveFailures: 9, error, host });
  const attention = [
    ...sections.map((id, index) => failing(id, 'wire.example', `https://wire.example/${id}.xml answered 503 Service Unavailable`, index ? '2026-12-01T12:30:00Z' : '2026-12-01T12:00:00Z')),
    failing('wire-archive', 'wire.example', 'https://wire.example/archive.xml answered 404 Not Found'),
    failing('chipwire', 'chips.example', 'could not reach chips.example: the connection was refused (is the address right, and the server up?)'),
    { id: 'pixel', name: 'Pixel', reason: 'nothing-new' as const, since: '2026-10-15T08:45:00Z' },
    { id: 'sport', name: 'Sport', reason: 'not-asked' as const, since: '2026-12-01T12:00:00Z', runs: 7, host: 'slow.example' },
    { id: 'travel', name: 'Travel', reason: 'not-asked' as const, since: '2026-12-01T13:00:00Z', runs: 6, host: 'slow.example' },
  ];
  const annotations = formatAttentionAnnotations(summarizeRun(attention.map(({ id }) => source({ id, result: 'backing-off', until: '2026-12-02T14:00:00Z' })), false, attention));

  it('gives the host’s sources failing alike one warning naming the host, the error and the sources, so that every other source keeps its own', () => {
    expect(annotations).toEqual([
      `::warning title=30 sources on wire.example need attention::${sections.join(', ')}: failing on wire.example, the first since 2026-12-01 12:00 UTC, each with the same error: the feed answered 503 Service Unavailable; check the host before their feed addresses, as one outage fails all its feeds`,
      '::warning title=Source needs attention%3A wire-archive (wire-archive)::wire-archive: failing since 2026-12-01 12:00 UTC (9 failures in a row): https://wire.example/archive.xml answered 404 Not Found; check its feed address',
      '::warning title=Source needs attention%3A chipwire (chipwire)::chipwire: failing since 2026-12-01 12:00 UTC (9 failures in a row): could not reach chips.example: the connection was refused (is the address right, and the server up?); check its feed address',
      '::warning title=Source needs attention%3A Pixel (pixel)::pixel: nothing new since 2026-10-15 08:45 UTC; the feed may have moved',
      "::warning title=2 sources on slow.example need attention::sport, travel: not asked at 6 runs in a row or more, the first since 2026-12-01 12:00 UTC, as their host slow.example timed out or refused on another of its feeds, or used up its time, at each run; check the host's other feeds (one may hang at every run), or give the host fewer feeds or a longer --timeout",
    ]);
  });

  it('still lists each of them under "Needs attention" in the summary', () => {
    expect(formatReportMarkdown(summarizeRun([], false, attention)).split('\n').filter((line) => line.startsWith('- '))).toHaveLength(35);
  });
});
