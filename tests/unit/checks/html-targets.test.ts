import { describe, expect, it } from 'vitest';
import { htmlTargetProblem, mayHaveHtmlTargets, relativeHtmlTargets } from '../../../src/lib/checks/html-targets.ts';

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

describe('mayHaveHtmlTargets', () => {
  it('is false only when none of those tags appears', () => {
    expect(mayHaveHtmlTargets('Text with ![a](./a.png), <abbr>, <aside> and <figure>.')).toBe(false);
    for (const tag of ['<Img src="x">', '<video\n src="x">', '<a href="x">', '<audio>', '<source/>', '<track src=x>']) expect(mayHaveHtmlTargets(tag), tag).toBe(true);
  });
});
