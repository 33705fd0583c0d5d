import { describe, expect, it } from 'vitest';
import { chooseDescription, MAX_DESCRIPTION_LENGTH, stripSummaryTrailers, trimToSentences } from '../../../../src/lib/authoring/import/description.ts';

describe('trimToSentences', () => {
  it('keeps whole sentences that fit', () => {
    expect(trimToSentences('First sentence here. Second one too! Third?', 40)).toBe('First sentence here. Second one too!');
  });

  it('never exceeds the limit', () => {
    const text = 'A sentence of moderate length that goes on. '.repeat(20);
    const result = trimToSentences(text);
    expect(result.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    expect(result.endsWith('on.')).toBe(true);
  });

  it('drops an unfinished last sentence when a complete one precedes it', () => {
    expect(trimToSentences('Prices rose in May. Analysts expect the trend to')).toBe('Prices rose in May.');
    expect(trimToSentences('Prices rose in May. Analysts expect the trend to…')).toBe('Prices rose in May.');
  });

  it('keeps an unfinished sentence when it is all there is', () => {
    expect(trimToSentences('We asked a lawyer what changes in September')).toBe('We asked a lawyer what changes in September');
  });

  it('cuts an overlong first sentence at a word boundary with an ellipsis', () => {
    const result = trimToSentences(`${'word '.repeat(80)}end.`, 50);
    expect(result.length).toBeLessThanOrEqual(50);
    expect(result).toMatch(/^word( word)*…$/);
  });

  it('never ends inside a link: a "?" or "!" with no space after it ends no sentence', () => {
    expect(trimToSentences('Watch it. Sponsor: https://sponsor.example/?ref=chiptalk and more words here.', 60)).toBe('Watch it.');
    expect(trimToSentences('新しい工場が開いた。生産は来年始まる。', 12)).toBe('新しい工場が開いた。');
  });

  it('does not split at abbreviations followed by lower case', () => {
    expect(trimToSentences('U.S. officials said on Monday that talks continue. More later.', 80)).toBe('U.S. officials said on Monday that talks continue. More later.');
  });
});

describe('stripSummaryTrailers', () => {
  it('removes what blog engines append to summaries', () => {
    expect(stripSummaryTrailers('Story text. The post Story appeared first on Example News.')).toBe('Story text.');
    expect(stripSummaryTrailers('Story text goes [&hellip;]'.replace('&hellip;', '…'))).toBe('Story text goes');
    expect(stripSummaryTrailers('Story text. Continue reading →')).toBe('Story text.');
  });

  it('removes what link aggregators give instead of a summary: Reddit’s byline and links, Hacker News’s lone "Comments"', () => {
    expect(stripSummaryTrailers('Has anyone tried it? submitted by /u/selfposter [link] [comments]')).toBe('Has anyone tried it?');
    expect(stripSummaryTrailers('submitted by /u/chipfan99 [link] [comments]')).toBe('');
    expect(stripSummaryTrailers('Comments')).toBe('');
    expect(stripSummaryTrailers('The minister declined to make comments')).toBe('The minister declined to make comments');
  });

  it('removes a paragraph that is only the caption of Substack’s subscribe or share box, and keeps one that says more', () => {
    expect(stripSummaryTrailers('Prices fell.\n\nThanks for reading The Grid Letter! Subscribe for free to receive new posts and support my work.\n\nThey rose again.')).toMatch(/^Prices fell\.\s+They rose again\.$/);
    expect(stripSummaryTrailers('The Grid Letter is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.')).toBe('');
    expect(stripSummaryTrailers('Thanks for reading The Grid Letter! This post is public so feel free to share it.')).toBe('');
    const kept = [
      'Thanks for reading! Subscribe to the podcast for the interview.',
      'Thanks for reading The Grid Letter! Subscribe for free to receive new posts and support my work. Today: why prices fell.',
      'The Grid Letter is a reader-supported publication, and readers voted to fund a reporter in Kyiv.',
    ];
    for (const text of kept) expect(stripSummaryTrailers(text)).toBe(text);
  });
});

describe('chooseDescription: never empty', () => {
  it('prefers the summary', () => {
    expect(chooseDescription('Summary sentence.', 'Body sentence.', 'Title')).toBe('Summary sentence.');
  });

  it('falls back to the body, then the title', () => {
    expect(chooseDescription('', 'Body sentence. More body.', 'Title')).toBe('Body sentence. More body.');
    expect(chooseDescription('  ', '', 'The title')).toBe('The title');
    expect(chooseDescription('[…]', '…', 'The title')).toBe('The title');
  });

  it('passes over a video’s chapter list to the first paragraph that is not one', () => {
    expect(chooseDescription('0:00 Intro 0:41 Why peaks cost more 3:12 What changed\n\nBatteries now cover the peak.', '', 'T')).toBe('Batteries now cover the peak.');
    expect(chooseDescription('Chapters: 00:00 Intro 01:05 Prices 1:02:40 Questions\n\nBatteries now cover the peak.', '', 'T')).toBe('Batteries now cover the peak.');
    expect(chooseDescription('0:00 Intro 0:41 Prices 3:12 Outlook', 'Batteries now cover the peak.', 'T')).toBe('Batteries now cover the peak.');
  });

  it('keeps text that has times in it but is not a chapter list', () => {
    for (const text of ['0:00 GMT is when the polls close.', 'At 0:00, 1:30 and 4:00 the trains stop.', 'Counting starts at 0:00 and ends by 4:00; results follow at 6:30.']) {
      expect(chooseDescription(text, '', 'T')).toBe(text);
    }
  });
});
