import { describe, expect, it } from 'vitest';
import { mayHaveHtmlPictures, relativeHtmlPictures } from '../../../src/lib/checks/html-images.ts';

const paths = (text: string) => relativeHtmlPictures(text).map(({ tag, path }) => `${tag} ${path}`);

describe('relativeHtmlPictures', () => {
  it('finds relative paths in the src of <img> and <source>, however the attribute is quoted', () => {
    expect(paths(`<img src="./a.png"> <IMG alt='x > y' src='b.png'/> <img src=c/d.png> <picture><source src="../e.webp"></picture>`)).toEqual(['img ./a.png', 'IMG b.png', 'img c/d.png', 'source ../e.webp']);
  });

  it('finds each relative candidate of a srcset', () => {
    expect(paths('<picture><source srcset="./wide.webp 1200w, https://cdn.example/x.webp 600w"><img srcset="small.png 1x, ./big.png 2x" src="https://cdn.example/x.png"></picture>')).toEqual(['source ./wide.webp', 'img small.png', 'img ./big.png']);
  });

  it('leaves web addresses, root paths, other attributes and commented-out tags alone', () => {
    expect(paths('<figure><img src="https://cdn.example/a.png" data-src="./lazy.png" alt="src=./no.png"></figure> <img src="/logo.png"> <img src="data:image/png;base64,AAAA"> <!-- <img src="./old.png"> --> <a href="./doc.pdf">doc</a>')).toEqual([]);
  });

  it('leaves an MDX expression as the src alone: its value is the code\'s', () => {
    expect(paths('<img src={hero.src} alt="Hero" /> <img src={`./${name}.png`} />')).toEqual([]);
  });

  it('gives the offset of each tag, so messages can name its line', () => {
    const text = 'Intro.\n\n<figure>\n  <img src="./x.png">\n</figure>\n';
    expect(relativeHtmlPictures(text)[0]!.index).toBe(text.indexOf('<img'));
  });
});

describe('mayHaveHtmlPictures', () => {
  it('is false only when no <img or <source appears', () => {
    expect(mayHaveHtmlPictures('Text with ![a](./a.png) and <figure>.')).toBe(false);
    expect(mayHaveHtmlPictures('<Img src="x">')).toBe(true);
  });
});
