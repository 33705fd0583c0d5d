// An SVG an article brings along, opened directly (a reader following the image link): with the headers the
// `_headers` file gives SVGs, its script never runs, and the content check refuses such a file in the first place.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgActiveContent } from '../../src/lib/checks/bundled-files.ts';
import { distFile } from './built-site.ts';
import { useBrowser } from './support.ts';

const hostileSvg = readFileSync(resolve(import.meta.dirname, '../fixtures/invalid/svg-with-script/chart.svg'), 'utf8');

/** The `_headers` rules whose path pattern (`*` matching anything) covers `path`, in file order. */
function headersFor(headersFile: string, path: string): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  let applies = false;
  for (const line of headersFile.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      applies = pattern.test(path);
    } else if (applies) {
      const [, name, value] = /^\s+([\w-]+):\s*(.+)$/.exec(line)!;
      headers.push([name!, value!.trim()]);
    }
  }
  return headers;
}

const browser = useBrowser();
let server: Server;
let origin: string;

beforeAll(async () => {
  const headers = headersFor(distFile('_headers'), '/_astro/chart.DfRt2x9a.svg');
  server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'image/svg+xml');
    for (const [name, value] of headers) response.setHeader(name, value);
    response.end(hostileSvg);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('an SVG with a script, served as the site serves SVGs', () => {
  it('is what the content check refuses', () => {
    expect(svgActiveContent(hostileSvg)).toEqual(['onload attribute on <svg>', '<script>']);
  });

  it('raises no dialog when opened directly', async () => {
    const { page } = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${origin}/_astro/chart.DfRt2x9a.svg`);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
