import { describe, expect, it } from 'vitest';
import { checkDraft, onlyDraft, rssItem } from '../../../helpers/feed-import.ts';

describe('feeds property tests found wanting (feed-properties.test.ts)', () => {
  it('files a tag and credits a byline without the direction marks an Arabic feed puts in them, so each has its one page', () => {
    const decision = onlyDraft(rssItem('<title>أخبار اليوم</title><description>نص الخبر.</description><category>\u200Fتقنية</category><category>AI\u061C</category><dc:creator>جين دو\u200E</dc:creator>'));
    expect(decision.draft.tags).toEqual(['تقنية', 'AI']);
    expect(decision.draft.authors).toEqual(['جين دو']);
    expect(checkDraft(decision)).toEqual([]);
  });
});
