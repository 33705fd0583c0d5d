/**
 * The articles loader against Astro's own data store and Markdown entry type (the pieces a build gives it), on
 * article files in a temporary folder: what each kind of article leaves in the store, and what a second sync keeps,
 * replaces and deletes.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// Not exported by the package: the loader is given these by Astro, so the test takes them from where Astro keeps them.
import { MutableDataStore } from '../../../node_modules/astro/dist/content/mutable-data-store.js';
import { markdownContentEntryType } from '../../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js';
import { articleLoader } from '../../../src/io/article-loader.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { markdownProcessor, markdownRenderOptions } from '../../../src/lib/output/markdown-processor.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'newsdesk-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = join(root, 'articles');
mkdirSync(join(folder, 'desk'), { recursive: true });

const article = (title: string, body: string) =>
  `---\ntitle: "${title}"\ndescription: "About ${title}."\npublishedAt: 2026-11-01T09:00:00Z\ntags: ["AI"]\n---\n\n${body}\n`;
writeFileSync(join(folder, 'plain.md'), article('Plain', 'Just **words** here.'));
writeFileSync(join(folder, 'desk', 'pictured.md'), article('Pictured', '![A chip](./chip.png)'));
cpSync(join(projectRoot, 'tests/fixtures/valid/desk/chip-plant.png'), join(folder, 'desk', 'chip.png'));
writeFileSync(join(folder, 'absolute-picture.md'), article('Absolute', '![Logo](/logo.png)'));

const store = new MutableDataStore();
const messages: string[] = [];
const context = {
  collection: 'articles',
  store: store.scopedStore('articles'),
  meta: store.metaStore('articles'),
  logger: { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(m), error: (m: string) => messages.push(m) },
  config: { root: pathToFileURL(`${root}/`), markdown: { processor: markdownProcessor('https://news.example.org'), ...markdownRenderOptions() }, image: {} },
  parseData: async ({ data }: { data: Record<string, unknown> }) => ({ ...data, parsed: true }),
  generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  entryTypes: new Map([['.md', markdownContentEntryType]]),
};
const now = () => new Date('2026-12-01T00:00:00Z');
const load = () => articleLoader({ folder, now }).load(context as never);
const entry = (id: string) => store.get('articles', id)!;

describe('the first sync', () => {
  beforeAll(load);

  it('keys entries by their path in the folder and stores their checked front matter', () => {
    expect([...store.keys('articles')].sort()).toEqual(['absolute-picture.md', 'desk/pictured.md', 'plain.md']);
    const plain = entry('plain.md');
    expect(plain.data).toMatchObject({ title: 'Plain', parsed: true });
    expect(plain.filePath).toBe('articles/plain.md');
  });

  it('keeps neither body nor HTML for Markdown without pictures, nor for pictures Astro does not resolve', () => {
    for (const id of ['plain.md', 'absolute-picture.md']) {
      expect(entry(id).body, id).toBeUndefined();
      expect(entry(id).rendered, id).toBeUndefined();
    }
  });

  it('keeps Astro’s rendering and the picture for Markdown with a picture in its body', () => {
    const pictured = entry('desk/pictured.md');
    expect(pictured.rendered!.html).toContain('__ASTRO_IMAGE_');
    expect(pictured.assetImports).toEqual(['./chip.png']);
  });
});

describe('a second sync', () => {
  let unchanged: unknown;
  beforeAll(async () => {
    unchanged = entry('desk/pictured.md');
    writeFileSync(join(folder, 'plain.md'), article('Plain, revised', 'Other words.'));
    rmSync(join(folder, 'absolute-picture.md'));
    writeFileSync(join(root, 'outside.md'), article('Outside', 'Elsewhere.'));
    symlinkSync(join(root, 'outside.md'), join(folder, 'linked.md'));
    await load();
  });

  it('keeps unchanged entries, replaces changed ones and deletes those whose file is gone', () => {
    expect(entry('desk/pictured.md')).toBe(unchanged);
    expect(entry('plain.md').data.title).toBe('Plain, revised');
    expect(store.has('articles', 'absolute-picture.md')).toBe(false);
  });

  it('refuses a symbolic link by name instead of reading what it points to', () => {
    expect(store.has('articles', 'linked.md')).toBe(false);
    expect(messages).toContain('articles/linked.md: is a symbolic link; articles must be files inside the content folder');
  });
});

describe('the same articles in another content folder, with the store kept', () => {
  const moved = join(root, 'moved');
  beforeAll(async () => {
    cpSync(folder, moved, { recursive: true, dereference: false, filter: (path) => !path.endsWith('linked.md') });
    await articleLoader({ folder: moved, now }).load(context as never);
  });

  it('points every entry at its file in the new folder, though nothing in the files changed', () => {
    expect(entry('plain.md').filePath).toBe('moved/plain.md');
    expect(entry('desk/pictured.md').filePath).toBe('moved/desk/pictured.md');
  });
});

describe('a file the schema refuses', () => {
  const badFolder = join(root, 'bad');
  mkdirSync(badFolder);
  writeFileSync(join(badFolder, 'good.md'), article('Good', 'Fine.'));
  writeFileSync(join(badFolder, 'bad-date.md'), article('Bad date', 'Words.').replace('2026-11-01T09:00:00Z', '"yesterday"'));
  writeFileSync(join(badFolder, 'unclosed.md'), '---\ntitle: "Unclosed"\ndescription: "No end."\n\nThe body.\n');
  // As Astro's schema: a missing field or a date it cannot read is refused with the fields named, not their lines.
  const strictParse = async ({ data }: { data: Record<string, unknown> }) => {
    if (typeof data.title !== 'string' || !(data.publishedAt instanceof Date)) throw new Error('data does not match collection schema: publishedAt');
    return data;
  };
  const loadBad = (watcher?: object) => {
    const badStore = new MutableDataStore();
    const logged: string[] = [];
    const badContext = {
      ...context,
      store: badStore.scopedStore('articles'),
      meta: badStore.metaStore('articles'),
      logger: { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) },
      parseData: strictParse,
      watcher,
    };
    return { run: () => articleLoader({ folder: badFolder, now }).load(badContext as never), ids: () => [...badStore.keys('articles')].sort(), logged };
  };

  it('fails `astro build` with Astro’s error after the content check’s file, line and field', async () => {
    const { run, logged } = loadBad();
    const failure = await run().then(() => undefined, (error: Error) => error.message);
    expect(failure).toMatch(/data does not match collection schema/);
    expect(logged[0]).toMatch(/^bad\/(bad-date\.md:4: publishedAt|unclosed\.md:1: the front matter is never closed)/);
  });

  it('lets `astro dev` start without the refused files, each named with its line and what to fix', async () => {
    const { run, ids, logged } = loadBad({ add: () => {}, on: () => {} });
    await run();
    expect(ids()).toEqual(['good.md']);
    expect(logged.join('\n')).toContain('bad/bad-date.md:4: publishedAt: "yesterday" is not a date');
    expect(logged.join('\n')).toContain('bad/unclosed.md:1: the front matter is never closed; add a line with just --- after the last field');
    expect(logged.join('\n')).not.toMatch(/title: is missing/);
  });
});

describe('`astro dev`, with a picture saved after the article that shows it', () => {
  const devFolder = join(root, 'dev');
  mkdirSync(devFolder);
  const withLead = article('Lead', 'Words.').replace('tags: ["AI"]', 'tags: ["AI"]\nimage:\n  src: "./lead.png"\n  alt: "A chip"');
  writeFileSync(join(devFolder, 'lead.md'), withLead);
  writeFileSync(join(devFolder, 'body.md'), article('Body', '![A chip](./body.png)'));
  const devStore = new MutableDataStore();
  const logged: string[] = [];
  const handlers = new Map<string, (path: string) => unknown>();
  const watcher = { add: () => {}, on: (event: string, handler: (path: string) => unknown) => handlers.set(event, handler) };
  const devContext = {
    ...context,
    store: devStore.scopedStore('articles'),
    meta: devStore.metaStore('articles'),
    logger: { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) },
    watcher,
  };
  const ids = () => [...devStore.keys('articles')].sort();
  beforeAll(() => articleLoader({ folder: devFolder, now }).load(devContext as never));

  it('leaves the article out instead of giving Astro an import of a missing file, naming file, line and field', () => {
    expect(ids()).toEqual([]);
    expect(logged.join('\n')).toContain('dev/lead.md:7: image.src: "./lead.png" does not exist next to the article');
    expect(logged.join('\n')).toContain('dev/body.md:8: the image "./body.png" does not exist next to the article');
  });

  it('loads the article when the picture is saved beside it', async () => {
    for (const picture of ['lead.png', 'body.png']) {
      cpSync(join(projectRoot, 'tests/fixtures/valid/desk/chip-plant.png'), join(devFolder, picture));
      await handlers.get('add')!(join(devFolder, picture));
    }
    await vi.waitFor(() => expect(ids()).toEqual(['body.md', 'lead.md']), { timeout: 10_000 });
    expect(devStore.get('articles', 'lead.md')!.data.image).toEqual({ src: './lead.png', alt: 'A chip' });
  });
});

describe('`astro dev` started again after a picture was deleted', () => {
  beforeAll(async () => {
    await load();
    rmSync(join(folder, 'desk', 'chip.png'));
    messages.length = 0;
    await articleLoader({ folder, now }).load({ ...context, watcher: { add: () => {}, on: () => {} } } as never);
  });
  afterAll(() => cpSync(join(projectRoot, 'tests/fixtures/valid/desk/chip-plant.png'), join(folder, 'desk', 'chip.png')));

  it('leaves out the unchanged article whose picture is gone, instead of keeping its import', () => {
    expect(store.has('articles', 'desk/pictured.md')).toBe(false);
    expect(messages.join('\n')).toContain('the image "./chip.png" does not exist next to the article');
  });
});

describe('`astro dev`, when an article is added with a mistake and then fixed', () => {
  it('says the new file did not load, then that it loaded, and only a file that had loaded is said to be reloaded', async () => {
    const devFolder = join(root, 'adding');
    mkdirSync(devFolder);
    const devStore = new MutableDataStore();
    const logged: string[] = [];
    const handlers = new Map<string, (path: string) => unknown>();
    const watcher = { add: () => {}, on: (event: string, handler: (path: string) => unknown) => handlers.set(event, handler) };
    const logger = { info: (m: string) => logged.push(m), warn: () => {}, error: (m: string) => logged.push(m) };
    await articleLoader({ folder: devFolder, now }).load({ ...context, store: devStore.scopedStore('articles'), meta: devStore.metaStore('articles'), logger, watcher } as never);
    const save = async (event: 'add' | 'change', text: string) => {
      writeFileSync(join(devFolder, 'fresh.md'), text);
      logged.length = 0;
      await handlers.get(event)!(join(devFolder, 'fresh.md'));
      return logged.join('\n');
    };

    expect(await save('add', article('Fresh', 'Words.').replace('tags: ["AI"]', 'tags: []'))).toMatch(/^Did not load fresh\.md:\nadding\/fresh\.md:5: tags: is empty/);
    expect(devStore.has('articles', 'fresh.md')).toBe(false);
    expect(await save('change', article('Fresh', 'Words.'))).toBe('Loaded fresh.md');
    expect(await save('change', article('Fresher', 'Words.'))).toBe('Reloaded fresh.md');
    expect(await save('change', article('Fresher', 'Words.').replace('tags: ["AI"]', 'tags: []'))).toMatch(/^Did not reload fresh\.md, whose page keeps the last version that loaded:\n/);
  });
});

describe('`astro dev`, when the sources registry is saved', () => {
  it('changes the store, so that the pages, which read the registry with the articles, read it again', async () => {
    const sourcesFile = join(root, 'sources.yaml');
    const changeHandlers: Array<(path: string) => unknown> = [];
    const watched: string[] = [];
    const watcher = { add: (path: string) => watched.push(path), on: (event: string, handler: (path: string) => unknown) => event === 'change' && changeHandlers.push(handler) };
    const devStore = new MutableDataStore();
    const meta = devStore.metaStore('articles');
    await articleLoader({ folder, now, sourcesFile }).load({ ...context, store: devStore.scopedStore('articles'), meta, watcher } as never);
    const before = JSON.stringify([...devStore.entries('meta:articles')]);
    for (const handler of changeHandlers) await handler(sourcesFile);
    expect(watched).toContain(sourcesFile);
    expect(JSON.stringify([...devStore.entries('meta:articles')])).not.toBe(before);
  });
});

describe('`astro dev`, with MDX that does not compile', () => {
  it('names the file and line in the terminal, as the content check does, where Astro’s own error names neither', async () => {
    const mdxFolder = join(root, 'mdx');
    mkdirSync(mdxFolder);
    writeFileSync(join(mdxFolder, 'broken.mdx'), article('Broken', 'An open <Callout> here'));
    const mdxStore = new MutableDataStore();
    const logged: string[] = [];
    await articleLoader({ folder: mdxFolder, now }).load({
      ...context,
      store: mdxStore.scopedStore('articles'),
      meta: mdxStore.metaStore('articles'),
      logger: { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) },
      // The MDX entry type reads front matter as the Markdown one does; only its rendering (not used here) differs.
      entryTypes: new Map([['.md', markdownContentEntryType], ['.mdx', markdownContentEntryType]]),
      watcher: { add: () => {}, on: () => {} },
    } as never);
    expect(logged.join('\n')).toMatch(/^mdx\/broken\.mdx:8: the MDX cannot be compiled: /m);
  });
});

describe('`astro dev`, when a picture an article shows is deleted', () => {
  it('leaves the article out, instead of keeping an import of the missing file, and names it', async () => {
    const devFolder = join(root, 'deleting');
    mkdirSync(devFolder);
    writeFileSync(join(devFolder, 'shown.md'), article('Shown', '![A chip](./chip.png)'));
    cpSync(join(projectRoot, 'tests/fixtures/valid/desk/chip-plant.png'), join(devFolder, 'chip.png'));
    const devStore = new MutableDataStore();
    const logged: string[] = [];
    const unlinkHandlers: Array<(path: string) => unknown> = [];
    const watcher = { add: () => {}, on: (event: string, handler: (path: string) => unknown) => event === 'unlink' && unlinkHandlers.push(handler) };
    const logger = { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) };
    await articleLoader({ folder: devFolder, now }).load({ ...context, store: devStore.scopedStore('articles'), meta: devStore.metaStore('articles'), logger, watcher } as never);
    expect(devStore.has('articles', 'shown.md')).toBe(true);

    rmSync(join(devFolder, 'chip.png'));
    for (const handler of unlinkHandlers) await handler(join(devFolder, 'chip.png'));
    await vi.waitFor(() => expect(devStore.has('articles', 'shown.md')).toBe(false), { timeout: 10_000 });
    expect(logged.join('\n')).toContain('Did not reload shown.md:\ndeleting/shown.md:8: the image "./chip.png" does not exist next to the article');
  });
});

describe('`astro dev`, with articles the content check refuses for more than their front matter', () => {
  const devFolder = join(root, 'refused');
  const devStore = new MutableDataStore();
  const logged: string[] = [];
  beforeAll(async () => {
    cpSync(join(projectRoot, 'tests/fixtures/invalid/svg-with-script'), devFolder, { recursive: true });
    writeFileSync(join(devFolder, 'fake.png'), 'not a picture');
    writeFileSync(join(devFolder, 'misnamed.md'), article('Misnamed', 'Words.').replace('tags: ["AI"]', 'tags: ["AI"]\nimage:\n  src: "./fake.png"\n  alt: "A chip"'));
    // Relates to an article in another file, which the check of one file alone must not call unknown.
    writeFileSync(join(devFolder, 'related.md'), article('Related', 'Words.').replace('tags: ["AI"]', 'tags: ["AI"]\nrelated: ["misnamed"]'));
    writeFileSync(join(devFolder, 'undated.md'), article('Undated', 'Words.').replace('2026-11-01T09:00:00Z', 'soon').replace('tags: ["AI"]', 'tags: ["AI"]\nrelated: ["misnamed"]'));
    await articleLoader({ folder: devFolder, now }).load({
      ...context,
      store: devStore.scopedStore('articles'),
      meta: devStore.metaStore('articles'),
      logger: { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) },
      watcher: { add: () => {}, on: () => {} },
    } as never);
  });

  it('leaves them out and names each with its line and what to fix, as the check and the build do', () => {
    expect([...devStore.keys('articles')]).toEqual(['related.md']);
    expect(logged.join('\n')).toMatch(/^refused\/chart-of-the-week\.md:10: the SVG "\.\/chart\.svg" contains active content \(onload attribute on <svg>, <script>\)/m);
    expect(logged.join('\n')).toMatch(/^refused\/misnamed\.md:7: image\.src: "\.\/fake\.png" is not a real PNG image/m);
    expect(logged.join('\n')).toMatch(/^refused\/undated\.md:4: publishedAt: "soon" is not a date/m);
    expect(logged.join('\n')).not.toContain('related');
  });

  it('keeps them in `astro build`, whose content check has already run', async () => {
    const buildStore = new MutableDataStore();
    // As Astro's schema gives it: a date, here one that is no instant, so the build holds the piece back as unpublished.
    const parseData = async ({ data }: { data: Record<string, unknown> }) => ({ ...data, publishedAt: new Date(String(data.publishedAt)) });
    await articleLoader({ folder: devFolder, now }).load({ ...context, parseData, store: buildStore.scopedStore('articles'), meta: buildStore.metaStore('articles') } as never);
    expect([...buildStore.keys('articles')].sort()).toEqual(['chart-of-the-week.md', 'misnamed.md', 'related.md', 'undated.md']);
  });
});

describe('`astro dev`, when a picture an article shows is changed', () => {
  const devFolder = join(root, 'changing');
  mkdirSync(devFolder);
  const clean = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#36c"/></svg>';
  const scripted = readFileSync(join(projectRoot, 'tests/fixtures/invalid/svg-with-script/chart.svg'), 'utf8');
  writeFileSync(join(devFolder, 'charted.md'), article('Charted', 'Prices rose.\n\n![Prices](./chart.svg)'));
  writeFileSync(join(devFolder, 'led.md'), article('Led', 'Words.').replace('tags: ["AI"]', 'tags: ["AI"]\nimage:\n  src: "./lead.svg"\n  alt: "A chart"'));
  writeFileSync(join(devFolder, 'chart.svg'), clean);
  writeFileSync(join(devFolder, 'lead.svg'), clean);
  const devStore = new MutableDataStore();
  const logged: string[] = [];
  const handlers = new Map<string, (path: string) => unknown>();
  const devLoad = () =>
    articleLoader({ folder: devFolder, now }).load({
      ...context,
      store: devStore.scopedStore('articles'),
      meta: devStore.metaStore('articles'),
      logger: { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) },
      watcher: { add: () => {}, on: (event: string, handler: (path: string) => unknown) => handlers.set(event, handler) },
    } as never);
  const ids = () => [...devStore.keys('articles')].sort();
  const save = async (picture: string, text: string) => {
    writeFileSync(join(devFolder, picture), text);
    await handlers.get('change')!(join(devFolder, picture));
  };
  beforeAll(devLoad);

  it('leaves out the article when its picture gets active content, naming it, and loads it again when the picture is fixed', async () => {
    expect(ids()).toEqual(['charted.md', 'led.md']);
    await save('chart.svg', scripted);
    await save('lead.svg', scripted);
    expect(ids()).toEqual([]);
    expect(logged.join('\n')).toMatch(/^Did not reload charted\.md:\nchanging\/charted\.md:10: the SVG "\.\/chart\.svg" contains active content/m);
    expect(logged.join('\n')).toMatch(/^Did not reload led\.md:\nchanging\/led\.md:7: image\.src: the SVG "\.\/lead\.svg" contains active content/m);

    await save('chart.svg', clean);
    await save('lead.svg', clean);
    expect(ids()).toEqual(['charted.md', 'led.md']);
  });

  it('checks again, when started again, an unchanged article whose picture changed while it was stopped', async () => {
    writeFileSync(join(devFolder, 'chart.svg'), scripted);
    logged.length = 0;
    await devLoad();
    expect(ids()).toEqual(['led.md']);
    expect(logged.join('\n')).toMatch(/^changing\/charted\.md:10: the SVG "\.\/chart\.svg" contains active content/m);
  });
});

describe('dates, with the schema the site reads them with', () => {
  const datedFolder = join(root, 'dated');
  mkdirSync(datedFolder);
  const dated = (publishedAt: string) => `---\ntitle: "Dated"\ndescription: "A dek."\npublishedAt: ${publishedAt}\ntags: ["AI"]\n---\n\nWords.\n`;
  writeFileSync(join(datedFolder, 'day.md'), dated('2026-11-01'));
  writeFileSync(join(datedFolder, 'evening.md'), dated('2026-10-31T20:00:00-04:00'));
  const datedStore = new MutableDataStore();
  const datedContext = { ...context, store: datedStore.scopedStore('articles'), meta: datedStore.metaStore('articles'), parseData: ({ data }: { data: unknown }) => articleSchema.parseAsync(data) };
  const stored = (id: string) => datedStore.get<{ data: Record<string, unknown> }>('articles', id)!.data;

  it('stores whether a date was written as a day alone, told from a time at midnight in UTC by the text', async () => {
    await articleLoader({ folder: datedFolder, now }).load(datedContext as never);
    expect([stored('day.md'), stored('evening.md')]).toMatchObject([
      { publishedAt: new Date('2026-11-01T00:00:00Z'), dayAlone: { publishedAt: true } },
      { publishedAt: new Date('2026-11-01T00:00:00Z') },
    ]);
    expect(stored('evening.md').dayAlone).toBeUndefined();
  });

  it('reads again an unchanged file whose entry an earlier version stored, without what the site now reads', async () => {
    const contents = readFileSync(join(datedFolder, 'day.md'), 'utf8');
    // As stored before entries said which dates were written as days: by the file's path and text alone.
    datedContext.store.delete('day.md');
    datedContext.store.set({ id: 'day.md', data: { publishedAt: new Date('2026-11-01T00:00:00Z') }, filePath: 'dated/day.md', digest: context.generateDigest(`dated/day.md\n${contents}`) });
    await articleLoader({ folder: datedFolder, now }).load(datedContext as never);
    expect(stored('day.md')).toMatchObject({ title: 'Dated', dayAlone: { publishedAt: true } });
  });
});
