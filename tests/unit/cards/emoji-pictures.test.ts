import { describe, expect, it } from 'vitest';
import { emojiKey, flagIconName, iconSvg, withMarkersDrawn, type IconSet } from '../../../src/lib/cards/emoji-pictures.ts';

describe('the key of an emoji in an emoji set', () => {
  it('lists its code points in hex, four digits at least', () => {
    expect(emojiKey('🚀')).toBe('1f680');
    expect(emojiKey('✅')).toBe('2705');
  });

  it('keeps skin tones, joiners and keycap marks, and drops the emoji presentation selector', () => {
    expect(emojiKey('👍🏽')).toBe('1f44d-1f3fd');
    expect(emojiKey('👩‍💻')).toBe('1f469-200d-1f4bb');
    expect(emojiKey('❤️')).toBe('2764');
    expect(emojiKey('🏳️‍🌈')).toBe('1f3f3-200d-1f308');
    expect(emojiKey('#️⃣')).toBe('0023-20e3');
  });
});

describe('an icon of the set as an SVG document', () => {
  const set: IconSet = {
    width: 32,
    height: 32,
    icons: { 'left-hand': { body: '<path d="M0 0h8v8z"/>' }, 'wide-one': { body: '<path/>', width: 48 }, turned: { body: '<path/>', rotate: 1 } },
    aliases: { 'right-hand': { parent: 'left-hand', hFlip: true }, 'right-hand-again': { parent: 'right-hand' }, 'left-again': { parent: 'right-hand', hFlip: true } },
  };

  it('draws the body in the set’s box', () => {
    expect(iconSvg(set, 'left-hand')).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"><path d="M0 0h8v8z"/></svg>');
    expect(iconSvg(set, 'wide-one')).toContain('viewBox="0 0 48 32"');
  });

  it('follows aliases, mirroring as they say', () => {
    const mirrored = '<g transform="translate(32 0) scale(-1 1)"><path d="M0 0h8v8z"/></g>';
    expect(iconSvg(set, 'right-hand')).toContain(mirrored);
    expect(iconSvg(set, 'right-hand-again')).toContain(mirrored);
    expect(iconSvg(set, 'left-again')).toBe(iconSvg(set, 'left-hand'));
  });

  it('draws a marker out at the middle corners of its path, which Skia would leave out (the stars of the US flag)', () => {
    const star = '<path fill="#fff" d="m14 0l9 27L0 10h28L5 27z"/>';
    const body = `<path fill="#192f5d" d="M0 0h364.8v258.5H0"/><marker id="star" markerHeight="30" markerWidth="30">${star}</marker><path fill="none" marker-mid="url(#star)" d="m0 0l16 11h61L47 37h61z"/>`;
    expect(withMarkersDrawn(body)).toBe(
      `<path fill="#192f5d" d="M0 0h364.8v258.5H0"/><path fill="none" d="m0 0l16 11h61L47 37h61z"/>` +
        [
          [16, 11],
          [77, 11],
          [47, 37],
          [108, 37],
        ]
          .map(([x, y]) => `<g transform="translate(${x} ${y})">${star}</g>`)
          .join(''),
    );
  });

  it('leaves a body without markers, or a marker on a curved path, as it is', () => {
    expect(withMarkersDrawn('<path d="M0 0h10"/>')).toBe('<path d="M0 0h10"/>');
    const curved = '<marker id="m"><path d="M0 0h1"/></marker><path marker-mid="url(#m)" d="M0 0c1 1 2 2 3 3"/>';
    expect(withMarkersDrawn(curved)).toBe('<path marker-mid="url(#m)" d="M0 0c1 1 2 2 3 3"/>');
  });

  it('has no picture for a name the set lacks, nor for a turned icon', () => {
    expect(iconSvg(set, 'flag-japan')).toBeUndefined();
    expect(iconSvg(set, 'turned')).toBeUndefined();
  });
});

describe('the flag set’s icon of a flag emoji', () => {
  it('names a region’s flag by its two regional indicator letters', () => {
    expect(flagIconName('🇯🇵')).toBe('jp-4x3');
    expect(flagIconName('🇪🇺')).toBe('eu-4x3');
  });

  it('names a subdivision’s flag by its tag letters', () => {
    expect(flagIconName('🏴󠁧󠁢󠁥󠁮󠁧󠁿')).toBe('gb-eng-4x3');
    expect(flagIconName('🏴󠁧󠁢󠁷󠁬󠁳󠁿')).toBe('gb-wls-4x3');
  });

  it('names nothing for other emoji, a lone indicator letter or an unfinished tag sequence', () => {
    for (const grapheme of ['🚀', '🏴', '🏳️‍🌈', '🇦', '👍🏽', '🏴󠁧󠁢']) expect(flagIconName(grapheme), grapheme).toBeUndefined();
  });
});
