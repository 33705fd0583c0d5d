/**
 * The articles collection's loader: Astro's glob loader (astro/dist/content/loaders/glob.js) as this site uses it,
 * except that Markdown bodies stay out of Astro's data store. Astro writes that store as one JSON string, which an
 * engine limit caps, and keeps it all in memory while pages render; the glob loader puts every body's rendered HTML
 * in it. Here a `.md` entry holds its front matter only and its page renders the body from the file
 * (src/site.ts), unless the body has pictures, which Astro resolves at page time from the HTML it stored (kept as
 * glob keeps it). MDX is compiled by Astro as a module, as with glob.
 *
 * Front matter is read and checked by Astro's own entry types and schema, so its values and errors are Astro's.
 * Files are listed as every tool lists them (src/io/article-paths.ts) and read without following links.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { hasResolvablePictures, mayHavePictures } from '../lib/content/body-images.ts';
import { isPublished, type Publishable } from '../lib/content/publish.ts';
import { readArticle, type ArticleSource } from '../lib/content/article.ts';
import { withDatesAsWritten } from '../lib/content/written-dates.ts';
import { checkArticleFile } from '../lib/checks/check-content.ts';
import { formatProblem, type Problem } from '../lib/checks/problems.ts';
import { readArticleSource } from './article-files.ts';
import { isHiddenIn, listArticleFiles } from './article-paths.ts';
import { liveWatcher } from './dev-watcher.ts';
import { inspectFile } from './inspect-file.ts';

/**
 * Given to every loader but not in Astro's public types (glob uses both): Astro's entry type per extension, and the
 * store's way to hear which pictures an unchanged entry still uses.
 */
type ArticleLoaderContext = LoaderContext & {
  entryTypes: Map<string, ContentEntryType>;
  store: LoaderContext['store'] & { addAssetImports(assets: string[], fileName: string): void };
};
type RenderFunction = Awaited<ReturnType<NonNullable<ContentEntryType['getRenderFunction']>>>;

/**
 * Raised whenever what an entry's data holds changes (articles' `dayAlone`: 2), so that an entry stored by an earlier
 * version, which Astro's cache keeps while its file is unchanged, is read again.
 */
const ENTRY_VERSION = 2;

/** Files read and parsed at once: as glob, enough to overlap reading with parsing. */
const CONCURRENCY = 10;
const ARTICLE_FILE = /\.mdx?$/;

const toPosix = (path: string) => path.split(sep).join('/');

interface ArticleLoaderOptions {
  /** The absolute path of the articles folder. */
  folder: string;
  /** The instant publishing is judged at, for the content check's wording of a refused file. */
  now: () => Date;
  /** The sources registry, which the articles' pages read with them (src/site.ts). */
  sourcesFile?: string;
}

export function articleLoader({ folder, now, sourcesFile }: ArticleLoaderOptions): Loader {
  return {
    name: 'newsdesk-article-loader',
    load: async (loaderContext) => {
      const context = loaderContext as ArticleLoaderContext;
      const { store } = context;
      const watcher = liveWatcher(context.watcher);
      // `astro dev` only: the articles refused for a picture (missing, or one the check refuses), by that picture's path.
      const awaitingPictures = watcher ? new Map<string, Set<string>>() : undefined;
      // A build (`npm run build` or `astro build` alone) stores drafts and scheduled pieces by their fields alone,
      // without their lead image, pictures or MDX module, which Astro would otherwise publish (under hashed names,
      // linked from no page) though the article is not on the site. The site index still sees them, as `related` and
      // `story` name them. `astro dev` keeps them whole, checking their pictures as the content check would.
      const sync = createEntrySync(context, folder, now, { awaitingPictures, holdBackUnpublished: !watcher });

      const untouched = new Set(store.keys());
      const limit = pLimit(CONCURRENCY);
      const exists = existsSync(folder);
      if (!exists) context.logger.warn(`The articles folder ${folder} does not exist.`);
      await Promise.all(
        (exists ? listArticleFiles(folder) : []).map((path) =>
          limit(async () => {
            try {
              untouched.delete(await sync(path));
            } catch (error) {
              const { message, cause } = error as Error;
              // A build has run the content check before Astro; `astro dev` has not, and one bad file must not stop
              // it. `astro build` alone still fails with Astro's own error, after the check's wording with the line.
              if (watcher || cause) context.logger.error(message);
              if (!watcher) throw cause ?? error;
            }
          }),
        ),
      );
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      // `astro dev`: added, changed and removed articles reach the store (and the pages) without a restart.
      watcher.add(folder);
      const isArticle = (path: string) => {
        const inFolder = relative(folder, path);
        return ARTICLE_FILE.test(path) && !inFolder.startsWith('..') && !isHiddenIn(folder, path);
      };
      const onChange = async (path: string) => {
        if (!isArticle(path)) return;
        const name = toPosix(relative(folder, path));
        // A file new to the server (added, or refused until now) is loaded, not reloaded.
        const loadedBefore = store.has(idOf(folder, path));
        try {
          await sync(path);
          context.logger.info(`${loadedBefore ? 'Reloaded' : 'Loaded'} ${name}`);
        } catch (error) {
          const kept = store.has(idOf(folder, path)) ? ', whose page keeps the last version that loaded' : '';
          context.logger.error(`Did not ${loadedBefore ? 'reload' : 'load'} ${name}${kept}:\n${(error as Error).message}`);
        }
      };
      const root = fileURLToPath(context.config.root);
      // A picture saved, changed or deleted: the articles that show it, or were refused for it, are read and checked again.
      const onPicture = (path: string) => {
        const articles = new Set(awaitingPictures!.get(path));
        awaitingPictures!.delete(path);
        for (const entry of store.values()) {
          const article = entry.filePath && resolve(root, entry.filePath);
          if (article && picturesOf(entry).some((picture) => resolve(dirname(article), picture) === path)) articles.add(article);
        }
        return Promise.all([...articles].map(onChange));
      };
      watcher.on('add', (path) => (isArticle(path) ? onChange(path) : onPicture(path)));
      watcher.on('change', (path) => (isArticle(path) ? onChange(path) : onPicture(path)));
      watcher.on('unlink', (path) => (isArticle(path) ? store.delete(idOf(folder, path)) : onPicture(path)));
      if (!sourcesFile) return;
      // Pages read the registry once, with the articles; a change to the store is what makes them read it again.
      watcher.add(sourcesFile);
      watcher.on('change', (path) => {
        if (path === sourcesFile) context.meta.set('sources-changed', String(Date.now()));
      });
    },
  };
}

/** Ids are paths inside the folder, not slugs: duplicate slugs must reach the cross-article check, not overwrite each other. */
function idOf(folder: string, path: string): string {
  return toPosix(relative(folder, path));
}

/**
 * Astro's schema error names the fields but not their lines, and reads unclosed front matter as missing fields: a
 * refused file is reported as the content check reports it, file:line and field, when the check finds it at fault.
 */
function refusal(
  source: ArticleSource,
  error: unknown,
  folders: { contentDir: string; projectRoot: string },
  now: Date,
  about: (problem: Problem) => boolean = () => true,
): Error {
  const errors = ownErrors(source, folders, now).filter(about);
  return errors.length === 0 ? (error as Error) : new Error(errors.map(formatProblem).join('\n'), { cause: error });
}

/** The errors the content check finds in this file alone (the checks between articles need them all). */
function ownErrors(source: ArticleSource, folders: { contentDir: string; projectRoot: string }, now: Date): Problem[] {
  return checkArticleFile(source, { now, ...folders, inspectFile, nearDuplicates: false }).problems.filter((problem) => problem.severity === 'error');
}

/** The local pictures an entry has Astro import: its lead image, when it is a path, and the pictures of a Markdown body. */
function localPictures(data: Record<string, unknown>, bodyPictures: readonly string[] = []): string[] {
  const lead = (data.image as { src?: unknown } | undefined)?.src;
  return [...new Set(typeof lead === 'string' && !URL.canParse(lead.trim()) ? [lead.trim(), ...bodyPictures] : bodyPictures)];
}

/** The local pictures of a stored entry (the store lists a lead image among the imports too, when Astro's image() gave it). */
const picturesOf = (entry: { data: Record<string, unknown>; assetImports?: string[] }) => localPictures(entry.data, entry.assetImports);

/**
 * The local pictures an entry would have Astro import that are not on disk. Astro imports all entries' pictures in
 * one module every page of `astro dev` loads, so a single missing one fails the whole site, and keeps failing after
 * the picture is saved until the article changes again.
 */
function missingPictures(path: string, data: Record<string, unknown>, bodyPictures: readonly string[] = []): string[] {
  return localPictures(data, bodyPictures).filter((picture) => !existsSync(resolve(dirname(path), picture)));
}

/**
 * Brings one file's entry up to date; returns its id. Given `awaitingPictures` (`astro dev`), a file that names a
 * picture not beside it yet is refused, as the content check refuses it, and listed there under the picture's path.
 */
function createEntrySync(
  context: ArticleLoaderContext,
  folder: string,
  now: () => Date,
  { awaitingPictures, holdBackUnpublished }: { awaitingPictures?: Map<string, Set<string>>; holdBackUnpublished: boolean },
): (path: string) => Promise<string> {
  const { config, entryTypes, generateDigest, logger, parseData, store } = context;
  const root = fileURLToPath(config.root);
  let renderMarkdown: Promise<RenderFunction> | undefined;

  return async (path) => {
    const id = idOf(folder, path);
    const source = readArticleSource(path, toPosix(relative(root, path)));
    if (source.unreadable) {
      const result = readArticle(source);
      if (!result.ok) logger.error(`${source.file}: ${result.problem.message}`);
      store.delete(id);
      return id;
    }
    const contents = Buffer.from(source.bytes).toString('utf8');
    const filePath = source.file;
    // The path is digested too: the same file in a content folder that moved is read (and its imports resolved) where
    // it is now, and Astro's store keeps an entry whose digest did not change.
    const digest = generateDigest(`${ENTRY_VERSION}\n${filePath}\n${contents}`);
    const existing = store.get(id);
    const awaitFor = (picture: string) => awaitingPictures!.set(picture, (awaitingPictures!.get(picture) ?? new Set()).add(path));
    // `astro dev` runs no content check first: an article the check would refuse (an SVG with a script, a picture
    // that is another format than its name says, MDX that does not compile…) is left out and named as the check names
    // it, and saving one of its pictures reads it again.
    const refuseAsTheCheck = (pictures: readonly string[]) => {
      const errors = awaitingPictures ? ownErrors(source, { contentDir: folder, projectRoot: root }, now()) : [];
      if (errors.length === 0) return;
      for (const picture of pictures) awaitFor(resolve(dirname(path), picture));
      throw new Error(errors.map(formatProblem).join('\n'));
    };

    // A picture deleted since the entry was stored makes it worth reading again, and the entry cannot be kept meanwhile.
    const picturesGone = awaitingPictures && existing && missingPictures(path, existing.data, existing.assetImports).length > 0;
    // One stored whole while unpublished (by `astro dev`, sharing the cache) is read again, to be held back.
    const heldBackNow = holdBackUnpublished && existing && !isPublished(existing.data as unknown as Publishable, now());
    if (picturesGone) store.delete(id);
    else if (existing && existing.digest === digest && existing.filePath && !heldBackNow) {
      // Unchanged, but in `astro dev` its pictures may have changed since it was stored (even while the server was
      // stopped), and the check reads them.
      const pictures = awaitingPictures ? picturesOf(existing) : [];
      if (pictures.length > 0) {
        try {
          refuseAsTheCheck(pictures);
        } catch (error) {
          store.delete(id);
          throw error;
        }
      }
      // Astro still needs to hear which modules and pictures the entry uses, as glob tells it.
      if (existing.deferredRender) store.addModuleImport(existing.filePath);
      if (existing.assetImports?.length) store.addAssetImports(existing.assetImports, existing.filePath);
      return id;
    }

    const isMdx = path.endsWith('.mdx');
    const entryType = entryTypes.get(isMdx ? '.mdx' : '.md')!;
    const fileUrl = pathToFileURL(path);
    let body: string;
    let data: Record<string, unknown>;
    let parsedData: Record<string, unknown>;
    try {
      const entry = await entryType.getEntryInfo({ contents, fileUrl });
      body = entry.body;
      // The schema tells a day written alone from a time at midnight in UTC by the text, as for the tools (article.ts).
      data = withDatesAsWritten(entry.data, entry.rawData ?? '');
      // A copy: the front matter's values are slices of its text, which would keep every file's front matter in
      // Astro's store (held for the whole build) besides the values themselves.
      parsedData = structuredClone(await parseData({ id, data, filePath: path }));
    } catch (error) {
      throw refusal(source, error, { contentDir: folder, projectRoot: root }, now());
    }
    if (holdBackUnpublished && !isPublished(parsedData as unknown as Publishable, now())) {
      const { image: _image, ...fields } = parsedData;
      // Another digest, so that once it is published a later build reads it whole.
      store.set({ id, data: fields, filePath, digest: generateDigest(`${ENTRY_VERSION}\n${filePath}\n${contents}\nheld back`) });
      return id;
    }
    const refuseWithoutPictures = (bodyPictures?: string[]) => {
      const pictures = awaitingPictures ? missingPictures(path, data, bodyPictures) : [];
      if (pictures.length === 0) return;
      for (const picture of pictures) awaitFor(resolve(dirname(path), picture));
      const missing = new Error(`${filePath}: ${pictures.map((picture) => `"${picture}"`).join(', ')} not found next to the article`);
      throw refusal(source, missing, { contentDir: folder, projectRoot: root }, now(), (problem) => pictures.some((picture) => problem.message.includes(`"${picture}" does not exist`)));
    };
    if (isMdx) {
      refuseWithoutPictures();
      refuseAsTheCheck(localPictures(data));
      store.set({ id, data: parsedData, filePath, digest, deferredRender: true });
      return id;
    }
    if (mayHavePictures(body)) {
      renderMarkdown ??= entryType.getRenderFunction!(config);
      const render = await renderMarkdown;
      let rendered;
      try {
        rendered = await render({ id, data, body, filePath: path, digest });
      } catch (error) {
        logger.error(`Error rendering ${id}: ${(error as Error).message}`);
      }
      if (hasResolvablePictures(rendered)) {
        refuseWithoutPictures(rendered!.metadata!.imagePaths);
        refuseAsTheCheck(localPictures(data, rendered!.metadata!.imagePaths));
        store.set({ id, data: parsedData, filePath, digest, rendered, assetImports: rendered!.metadata!.imagePaths });
        return id;
      }
    }
    refuseWithoutPictures();
    refuseAsTheCheck(localPictures(data));
    store.set({ id, data: parsedData, filePath, digest });
    return id;
  };
}
