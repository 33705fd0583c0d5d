import { describe, expect, it } from 'vitest';
import { hasResolvablePictures, mayHavePictures } from '../../../src/lib/content/body-images.ts';
import { markdownProcessor } from '../../../src/lib/output/markdown-processor.ts';

describe('mayHavePictures', () => {
  it('is true for inline and reference pictures', () => {
    expect(mayHavePictures('Before.\n\n![A ship](./ship.png)\n')).toBe(true);
    expect(mayHavePictures('![A ship][ship]\n\n[ship]: ./ship.png\n')).toBe(true);
  });

  it('is false for bodies with links, raw HTML images and exclamations only', () => {
    expect(mayHavePictures('See [the photo](./ship.png)! <img src="./ship.png" alt="">')).toBe(false);
  });

  it('never misses a picture Astro’s renderer would resolve', async () => {
    const renderer = await markdownProcessor('https://news.example.org').createRenderer({});
    const bodies = [
      'Text only.',
      '[a link to a picture](./ship.png) and <img src="./ship.png" alt="raw">',
      '![A ship](./ship.png)',
      '![A ship][ship]\n\n[ship]: ./ship.png',
      'Inline ![icon](icons/wave.svg) in a sentence.',
      '> ![Quoted](../quoted.jpg)',
    ];
    const withPictures: string[] = [];
    for (const body of bodies) {
      const { metadata } = await renderer.render(body, { frontmatter: {} });
      if (metadata.localImagePaths.length + metadata.remoteImagePaths.length > 0) withPictures.push(body);
    }
    // Astro resolves inline pictures only; a reference picture stays a plain <img>, a "maybe" that rendering rules out.
    expect(withPictures).toEqual([bodies[2], bodies[4], bodies[5]]);
    expect(bodies.filter(mayHavePictures)).toEqual(bodies.slice(2));
  });
});

describe('hasResolvablePictures', () => {
  it('is true only when rendering found picture paths', () => {
    expect(hasResolvablePictures({ metadata: { imagePaths: ['./ship.png'] } })).toBe(true);
    expect(hasResolvablePictures({ metadata: { imagePaths: [] } })).toBe(false);
    expect(hasResolvablePictures({ metadata: {} })).toBe(false);
    expect(hasResolvablePictures(undefined)).toBe(false);
  });
});
