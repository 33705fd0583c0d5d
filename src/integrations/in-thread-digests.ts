/**
 * Astro hashes each page's inline styles and scripts for its CSP <meta> with WebCrypto's `crypto.subtle.digest`,
 * which sends every hash to libuv's thread pool and back: for a few hundred bytes that round trip, not the hashing,
 * is the cost, and a large site pays it twice a page on the thread that renders the pages. While Astro builds,
 * `digest` with a SHA algorithm and a buffer hashes in the calling thread with node:crypto (the same function, so
 * the same bytes) and resolves at once; anything else goes to WebCrypto as before. The original is back once the
 * build is done.
 */
import { createHash } from 'node:crypto';
import type { AstroIntegration } from 'astro';
import { duringBuild } from './during-build.ts';

type Digest = SubtleCrypto['digest'];

/** WebCrypto's names (matched without regard to case, as WebCrypto matches them) and node:crypto's for each. */
const NODE_HASHES: Record<string, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function nodeHashOf(algorithm: AlgorithmIdentifier): string | undefined {
  const name = typeof algorithm === 'string' ? algorithm : algorithm?.name;
  return typeof name === 'string' ? NODE_HASHES[name.toUpperCase()] : undefined;
}

function bytesOf(data: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return undefined;
}

/** Makes `crypto.subtle.digest` hash SHA digests in the calling thread; returns what puts the original back. */
export function hashInThread(subtle: SubtleCrypto = crypto.subtle): () => void {
  const original: Digest = subtle.digest;
  const ownDescriptor = Object.getOwnPropertyDescriptor(subtle, 'digest');
  const inThread = function (this: SubtleCrypto, algorithm: AlgorithmIdentifier, data: BufferSource) {
    const hash = nodeHashOf(algorithm);
    const bytes = bytesOf(data);
    if (!hash || !bytes) return original.call(this, algorithm, data);
    const digest = createHash(hash).update(bytes).digest();
    return Promise.resolve(digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength));
  } as Digest;
  Object.defineProperty(subtle, 'digest', { value: inThread, configurable: true, writable: true });
  return () => {
    if (ownDescriptor) Object.defineProperty(subtle, 'digest', ownDescriptor);
    else delete (subtle as { digest?: Digest }).digest;
  };
}

/** From the start of `astro build` to its end, `crypto.subtle.digest` hashes in the calling thread. */
export function digestsInThread(): AstroIntegration {
  return duringBuild('newsdesk:digests-in-thread', () => hashInThread());
}
