import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { htmlImagesWithoutAlt, htmlTargetProblem, mayHaveHtmlTargets, relativeHtmlTargets, removedSchemeHtmlTargets } from '../../../src/lib/checks/html-targets.ts';
import { createMarkdownSafetyPlugin } from '../../../src/lib/output/markdown-safety.ts';

const paths = (text: string) => relativeHtmlTargets(text).map(({ tag, attribute, path }) => `${tag} ${attribute} ${path}`);

describe('relativeHtmlTargets', () => {
  it('finds relative paths in the src of <img> and <source>, however the attribute is quoted', () => {
    expect(paths(`<img src="./a.png"> <IMG alt='x > y' src='b.png'/> <img src=c/d.png> <picture><source src="../e.webp"></picture>`)).toEqual(['img src ./a.png', 'IMG src b.png', 'img src c/d.png', 'source src ../e.webp']);
  });

  it('finds each relative candidate of a srcset', () => {
    expect(paths('<picture><source srcset="./wide.webp 1200w, https://cdn.example/x.webp 600w"><img srcset="small.png 1x, ./big.png 2x" src="https://cdn.example/x.png"></picture>')).toEqual(['source srcset ./wide.webp', 'img srcset small.png', 'img srcset ./big.png']);
  });

  it('finds the files of <video>, <audio> and <track>, a poster, and the href of a link', () => {
    const html = '<video src="./clip.mp4" poster="./still.jpg" controls><source src="clip.webm" type="video/webm"><track src="captions.vtt"></video> <audio src=interview.mp3></audio> <a href="./report.pdf">the report</a>';
    expect(paths(html)).toEqual(['video src ./clip.mp4', 'video poster ./still.jpg', 'source src clip.webm', 'track src captions.vtt', 'audio src interview.mp3', 'a href ./report.pdf']);
  });

  it('leaves web addresses, root paths, fragments, other attributes and tags, and commented-out tags alone', () => {
    expect(paths('<figure><img src="https://cdn.example/a.png" data-src="./lazy.png" alt="src=./no.png"></figure> <img src="/logo.png"> <img src="data:image/png;base64,AAAA"> <!-- <img src="./old.png"> --> <a href="#top" title="./x.pdf">top</a> <abbr title="x" src="./a.pdf">A</abbr> <img href="./b.pdf"> <a src="./c.pdf">c</a> <video poster="/files/still.jpg" src="https://cdn.example/v.mp4">')).toEqual([]);
  });

  it('leaves an MDX expression as the src alone: its value is the code\'s', () => {
    expect(paths('<img src={hero.src} alt="Hero" /> <img src={`./${name}.png`} /> <video src={clip} />')).toEqual([]);
  });

  it('leaves a tag escaped with a backslash alone, which Markdown shows as text (an article quoting an XSS payload), but not one after an escaped backslash', () => {
    expect(paths(String.raw`A payload such as \<img src=x onerror=alert(1)> or \<a href="y">, then \\<img src="./z.png">`)).toEqual(['img src ./z.png']);
    expect(htmlImagesWithoutAlt(String.raw`\<img src=x>`)).toEqual([]);
    expect(removedSchemeHtmlTargets(String.raw`\<a href="javascript:alert(1)">x</a>`)).toEqual([]);
  });

  it('gives the offset of each tag, so messages can name its line', () => {
    const text = 'Intro.\n\n<figure>\n  <img src="./x.png">\n</figure>\n';
    expect(relativeHtmlTargets(text)[0]!.index).toBe(text.indexOf('<img'));
  });
});

describe('htmlTargetProblem', () => {
  const problem = (html: string) => relativeHtmlTargets(html).map(htmlTargetProblem);

  it('offers a picture as a Markdown image, which the build copies', () => {
    expect(problem('<img src="./a.png"><picture><source srcset="b.webp"><source src="c.avif"></picture>').map((found) => found?.hint)).toEqual([
      'write it as a Markdown image, ![what it shows](./a.png), or use an https:// URL',
      'write it as a Markdown image, ![what it shows](b.webp), or use an https:// URL',
      'write it as a Markdown image, ![what it shows](c.avif), or use an https:// URL',
    ]);
  });

  it('sends a video, its poster, a caption track or a sound to public/, as a linked file is', () => {
    expect(problem('<video src="./clip.mp4?t=3" poster="./still.jpg"><source src="media/clip.webm"><track src="captions.vtt"></video>')).toEqual([
      { message: 'the HTML <video> src "./clip.mp4?t=3" leads to a file beside the article, which the site does not publish, so readers would find nothing there', hint: 'put the file under public/ (public/files/clip.mp4, say) and write src="/files/clip.mp4"' },
      { message: 'the HTML <video> poster "./still.jpg" leads to a file beside the article, which the site does not publish, so readers would find nothing there', hint: 'put the file under public/ (public/files/still.jpg, say) and write poster="/files/still.jpg"' },
      { message: 'the HTML <source> src "media/clip.webm" leads to a file beside the article, which the site does not publish, so readers would find nothing there', hint: 'put the file under public/ (public/files/clip.webm, say) and write src="/files/clip.webm"' },
      { message: 'the HTML <track> src "captions.vtt" leads to a file beside the article, which the site does not publish, so readers would find nothing there', hint: 'put the file under public/ (public/files/captions.vtt, say) and write src="/files/captions.vtt"' },
    ]);
  });

  it('judges a link\'s href as a Markdown link is judged: a file, an article\'s file, a host without https://, a page', () => {
    expect(problem('<a href="./report.pdf">r</a> <a href="other.md">o</a> <a href="example.com/page">e</a> <a href="../other-article/">p</a>').map((found) => found?.message)).toEqual([
      'the link "./report.pdf" leads to a file beside the article, which the site does not publish, so readers would find nothing there',
      'the link "other.md" names an article\'s file, which has no address on the site, so readers would find nothing there',
      'the link "example.com/page" has no https:// in front, so it leads to a page of this site that does not exist',
      undefined,
    ]);
  });
});

describe('htmlImagesWithoutAlt', () => {
  it('finds the <img> tags with no alt attribute at all, not one marked as decoration or in a comment', () => {
    const html = '<img src="https://images.example/a.png">\n<IMG SRC=./b.png ALT="The plant">\n<img alt src="c.png">\n<img src="d.png" alt="">\n<!-- <img src="e.png"> -->\n<img data-alt="x" src=\'f.png\'/>\n<img>';
    expect(htmlImagesWithoutAlt(html).map(({ index, src }) => [html.slice(0, index).split('\n').length, src])).toEqual([
      [1, 'https://images.example/a.png'],
      [6, 'f.png'],
      [7, undefined],
    ]);
  });
});

describe('mayHaveHtmlTargets', () => {
  it('is false only when none of those tags appears', () => {
    expect(mayHaveHtmlTargets('Text with ![a](./a.png), <abbr>, <aside> and <figure>.')).toBe(false);
    for (const tag of ['<Img src="x">', '<video\n src="x">', '<a href="x">', '<audio>', '<source/>', '<track src=x>', '<iframe src=x>']) expect(mayHaveHtmlTargets(tag), tag).toBe(true);
  });
});

describe('removedSchemeHtmlTargets', () => {
  /** One element of each kind with `address` in one attribute, and where to find that attribute on the built page. */
  const PLACES = [
    ['<a href="ADDRESS">text</a>', 'a', 'href'],
    ['<img src="ADDRESS" alt="">', 'img', 'src'],
    ['<img srcset="ADDRESS 2x" alt="">', 'img', 'srcset'],
    ['<picture><source srcset="ADDRESS"><img src="https://images.example/a.png" alt=""></picture>', 'source', 'srcset'],
    ['<video src="ADDRESS" controls></video>', 'video', 'src'],
    ['<video poster="ADDRESS" controls></video>', 'video', 'poster'],
    ['<video controls><source src="ADDRESS" type="video/mp4"></video>', 'source', 'src'],
    ['<audio src="ADDRESS" controls></audio>', 'audio', 'src'],
    ['<video controls><track src="ADDRESS" kind="captions"></video>', 'track', 'src'],
    ['<iframe src="ADDRESS" title="The launch"></iframe>', 'iframe', 'src'],
  ] as const;
  const ADDRESSES = ['https://player.vimeo.com/video/1', 'http://player.vimeo.com/video/1', 'https://www.youtube.com/embed/x', 'https://www.youtube.com/watch?v=x', '//player.vimeo.com/video/1', './chart.html', 'https://media.example/a.png', 'http://media.example/a.png', 'HTTPS://media.example/a.png', 'mailto:desk@example.com', 'tel:+15550100', 'javascript:alert(1)', ' java\tscript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://media.example/a.png', '//media.example/a.png', '/files/a.png', '#top'];

  it('warns of exactly the addresses the build removes from raw HTML, in every attribute that loads or links one', async () => {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [createMarkdownSafetyPlugin({ site: 'https://news.example.org', pageIds: [] })] });
    const disagreements: string[] = [];
    for (const [template, tag, attribute] of PLACES) {
      for (const address of ADDRESSES) {
        // In a srcset, a space or tab ends the address and starts its size.
        if (attribute === 'srcset' && /\s/.test(address.trim())) continue;
        const html = template.replace('ADDRESS', address);
        const page = parse((await processor.render(html)).code);
        const kept = page.querySelectorAll(tag).some((element) => element.getAttribute(attribute) !== undefined);
        const warned = removedSchemeHtmlTargets(html).length > 0;
        if (kept === warned) disagreements.push(`${html}: ${kept ? 'kept' : 'removed'} but ${warned ? 'warned of' : 'not warned of'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps a player only over https, where the pages let frames load from', async () => {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [createMarkdownSafetyPlugin({ site: 'https://news.example.org', pageIds: [] })] });
    const page = parse((await processor.render('<iframe src="http://player.vimeo.com/video/1"></iframe>')).code);
    expect(page.querySelector('iframe')?.getAttribute('src')).toBe('https://player.vimeo.com/video/1');
  });

  it('says that an embed of any other page is removed, and how to embed a player or link to the page', () => {
    const problems = removedSchemeHtmlTargets('<iframe src="https://datawrapper.dwcdn.net/AbC/1/" width="600"></iframe>\n<IFRAME SRC="//player.vimeo.com/video/1"></IFRAME>');
    expect(problems.map(({ message, hint }) => `${message}; ${hint}`)).toEqual([
      'the embed "https://datawrapper.dwcdn.net/AbC/1/" is removed when the site is built (only YouTube and Vimeo players are kept), so readers would see nothing in its place; embed the player\'s address (https://www.youtube.com/embed/… or https://player.vimeo.com/video/…), or link to the page instead: [what it shows](https://…)',
      'the embed "//player.vimeo.com/video/1" names its host without a scheme, and the build removes such an address from HTML, so readers would see nothing in its place; write https: before it (https://player.vimeo.com/video/1)',
    ]);
  });

  it('says what readers would miss and where the file can go instead', () => {
    const problems = removedSchemeHtmlTargets('<video src="data:video/mp4;base64,AAAA" poster="javascript:x"><track src="http://media.example/en.vtt"></video><img src="//media.example/a.png" alt="">');
    expect(problems.map(({ message, hint }) => `${message}; ${hint}`)).toEqual([
      'the video "data:video/mp4;base64,AAAA" is removed when the site is built (only http: and https: addresses are kept there), so readers would see a player with nothing to play; use an https:// address, or put the file under public/ and write its path from there (public/files/clip.mp4 is /files/clip.mp4)',
      'the poster "javascript:x" is removed when the site is built (only http: and https: addresses are kept there), so readers would see no picture before the video plays; use an https:// address, or put the file under public/ and write its path from there (public/files/poster.jpg is /files/poster.jpg)',
      'the caption track "http://media.example/en.vtt" is removed when the site is built (only https: addresses are kept there), so readers would see no captions; use an https:// address, or put the file under public/ and write its path from there (public/files/captions.vtt is /files/captions.vtt)',
      'the picture "//media.example/a.png" names its host without a scheme, and the build removes such an address from HTML, so readers would see a broken image; write https: before it (https://media.example/a.png)',
    ]);
  });
});
