/** Launches Debian's Chromium through playwright-core: never a browser download, the same flags everywhere. */
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Quiet, sandbox-free, offline-by-default: tests must never depend on Google services or GPU drivers. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const launchOptions: LaunchOptions = { executablePath: chromiumPath, headless: true, args: chromiumArgs };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/** One browser process shared by every test file; workers reach it over its WebSocket endpoint. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ ...launchOptions, host: '127.0.0.1' });
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
