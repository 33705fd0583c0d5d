import { afterEach, describe, expect, it } from 'vitest';
import { digestsInThread, hashInThread } from '../../../src/integrations/in-thread-digests.ts';

const text = new TextEncoder().encode('body{margin:0} — 日本 ');
const framed = new Uint8Array([0xff, 0xfe, ...text, 0x00]);
/** Every form of data a caller may hand WebCrypto, a view into a larger buffer among them. */
const inputs: Record<string, BufferSource> = {
  'a Uint8Array': text,
  'an ArrayBuffer': text.slice().buffer,
  'a DataView inside a larger buffer': new DataView(framed.buffer, 2, text.length),
  'a Buffer': Buffer.from(text),
  'nothing at all': new Uint8Array(),
};
const algorithms: AlgorithmIdentifier[] = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'sha-256', { name: 'SHA-256' }];

const original = crypto.subtle.digest;
const viaWebCrypto = async (algorithm: AlgorithmIdentifier, data: BufferSource) => Buffer.from(await original.call(crypto.subtle, algorithm, data)).toString('hex');
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('hashInThread', () => {
  it.each(Object.entries(inputs))('gives the digest WebCrypto gives, for %s and every SHA algorithm', async (_name, data) => {
    const expected = await Promise.all(algorithms.map((algorithm) => viaWebCrypto(algorithm, data)));
    restore = hashInThread();
    expect(crypto.subtle.digest).not.toBe(original);
    const digests = await Promise.all(algorithms.map((algorithm) => crypto.subtle.digest(algorithm, data)));
    expect(digests.map((digest) => Buffer.from(digest).toString('hex'))).toEqual(expected);
    // Exactly the digest's bytes, as WebCrypto's ArrayBuffer is.
    expect(digests.map((digest) => digest.byteLength)).toEqual([20, 32, 48, 64, 32, 32]);
  });

  it('leaves what it does not hash itself to WebCrypto, errors included', async () => {
    const expected = await original.call(crypto.subtle, 'MD5', text).then(
      () => 'resolved',
      (error: Error) => error.name,
    );
    restore = hashInThread();
    await expect(crypto.subtle.digest('MD5', text)).rejects.toMatchObject({ name: expected });
    await expect(crypto.subtle.digest('SHA-256', 'not bytes' as unknown as BufferSource)).rejects.toThrow();
  });

  it('gives WebCrypto its own digest back', () => {
    hashInThread()();
    expect(crypto.subtle.digest).toBe(original);
    expect(Object.getOwnPropertyNames(crypto.subtle)).not.toContain('digest');
  });
});

describe('digestsInThread', () => {
  it('hashes in the thread from the start of the build to its end', async () => {
    const hooks = digestsInThread().hooks as Record<string, () => void>;
    hooks['astro:build:start']!();
    restore = () => hooks['astro:build:done']!();
    expect(crypto.subtle.digest).not.toBe(original);
    expect(Buffer.from(await crypto.subtle.digest('SHA-256', text)).toString('hex')).toBe(await viaWebCrypto('SHA-256', text));
    hooks['astro:build:done']!();
    restore = undefined;
    expect(crypto.subtle.digest).toBe(original);
  });
});
