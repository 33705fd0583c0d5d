import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../../src/lib/authoring/import/parse-feed.ts';

const feed = (name: string) => parseFeedText(readFileSync(new URL(`../../../fixtures/feeds/${name}`, import.meta.url), 'utf8'));
const images = (name: string) => Object.fromEntries(feed(name).entries.map((entry) => [entry.title, entry.image]));

describe('pictures in RSS 2.0', () => {
  const found = images('pictures/rss-media.xml');

  it('takes the image media:content (not the video) with its description as alt', () => {
    expect(found['Media content with its own description']).toEqual({ url: 'https://cdn.pixelwire.example/racks.jpg', alt: 'Server racks in a cold aisle' });
  });

  it('falls back to media:thumbnail', () => {
    expect(found['Only a thumbnail']).toEqual({ url: 'https://cdn.pixelwire.example/thumb.png' });
  });

  it('reads media:content inside a media:group, with the group description', () => {
    expect(found['A media group']).toEqual({ url: 'https://cdn.pixelwire.example/whiteboard.webp', alt: 'Two engineers at a whiteboard' });
  });

  it('takes an enclosure only when its type is an image', () => {
    expect(found['An image enclosure']).toEqual({ url: 'https://cdn.pixelwire.example/chart.png' });
  });

  it('takes the first real image of the content, skipping tracking pixels and resolving relative paths', () => {
    expect(found['Only the first image of the content']).toEqual({ url: 'https://pixelwire.example/uploads/map.jpg', alt: 'A map of the new cables' });
  });

  it('passes over images declared smaller than 100 pixels a side: avatars and icons, not lead pictures', () => {
    expect(found['An avatar is no lead picture']).toEqual({ url: 'https://pixelwire.example/uploads/release.png', alt: 'The new dashboard' });
  });

  it('passes over emoji drawn as images (WordPress replaces emoji characters with them)', () => {
    expect(found['An emoji is no lead picture']).toEqual({ url: 'https://pixelwire.example/uploads/team.jpg', alt: 'The team' });
  });

  it('takes a podcast episode’s itunes:image, and its itunes:author as the byline', () => {
    const episode = feed('pictures/rss-media.xml').entries.find((entry) => entry.title === 'A podcast episode');
    expect(episode?.image).toEqual({ url: 'https://pixelwire.example/podcast/ep42.jpg' });
    expect(episode?.authors).toEqual(['Dana Ortiz']);
  });

  it('keeps only https pictures', () => {
    expect(found['A picture over plain http is not kept']).toBeUndefined();
  });
});

describe('pictures in the other formats', () => {
  it('RSS 2.0 content images from the existing fixture', () => {
    expect(feed('rss2.xml').entries[0]!.image).toEqual({ url: 'https://circuitledger.example/wp-content/uploads/2026/05/wafer.jpg', alt: 'A 300 mm wafer under inspection light' });
  });

  it('Atom media:thumbnail with media:title, and rel="enclosure" links', () => {
    const found = images('pictures/atom-media.xml');
    expect(found['Atom with a media thumbnail']).toEqual({ url: 'https://cdn.pixelatom.example/board.jpg', alt: 'A circuit board' });
    expect(found['Atom with an enclosure link']).toEqual({ url: 'https://pixelatom.example/media/antenna.jpg' });
  });

  it('a media:group thumbnail (YouTube), described by the group title rather than the video description', () => {
    expect(images('pictures/atom-media.xml')['A video in a media group']).toEqual({ url: 'https://i.pixelatom.example/vi/abc/hqdefault.jpg', alt: 'What a 2 nm process is' });
  });

  it('Atom content images', () => {
    expect(feed('atom.xml').entries[0]!.image).toEqual({ url: 'https://byteandbolt.example/img/model-k.jpg', alt: 'The Model K on a desk' });
  });

  it('JSON Feed image before content images; none when there is no picture', () => {
    const found = images('pictures/json-image.json');
    expect(found['JSON Feed with an image']).toEqual({ url: 'https://cdn.pixeljson.example/solar.jpg' });
    expect(found['JSON Feed without any picture']).toBeUndefined();
  });

  it('RSS 1.0 (RDF) items without an image have none (a link to a figure is not a picture)', () => {
    expect(feed('rdf.xml').entries.map((entry) => entry.image)).toEqual([undefined, undefined]);
  });
});
