import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES, failureAdvice, feedErrorCause, networkCause, statusCause } from '../../../src/lib/aggregation/failure-cause.ts';

describe('the cause of an error answer', () => {
  it('names the statuses that need their own advice', () => {
    expect([401, 403, 404, 407, 410, 429].map(statusCause)).toEqual(['unauthorized', 'forbidden', 'not-found', 'unauthorized', 'gone', 'rate-limited']);
  });

  it('takes every 5xx as the server erring, and any other status as the request refused', () => {
    expect([500, 502, 503, 504, 521].map(statusCause)).toEqual(Array(5).fill('server-error'));
    expect([400, 406, 451, 300].map(statusCause)).toEqual(Array(4).fill('client-error'));
  });
});

describe('the cause of a request without a usable answer', () => {
  it('reads the system and undici error codes Node reports', () => {
    const causes = Object.fromEntries(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ECONNRESET', 'UND_ERR_SOCKET'].map((code) => [code, networkCause(code)]));
    expect(causes).toEqual({
      ENOTFOUND: 'dns-not-found',
      EAI_AGAIN: 'dns-failed',
      ECONNREFUSED: 'refused',
      EHOSTUNREACH: 'unreachable',
      ENETUNREACH: 'unreachable',
      ETIMEDOUT: 'timeout',
      UND_ERR_CONNECT_TIMEOUT: 'timeout',
      ECONNRESET: 'connection-dropped',
      UND_ERR_SOCKET: 'connection-dropped',
    });
  });

  it('takes every certificate verification error as a certificate problem, those whose codes name no certificate included', () => {
    const codes = ['CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'HOSTNAME_MISMATCH', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'];
    expect(codes.map((code) => networkCause(code))).toEqual(Array(codes.length).fill('tls'));
  });

  it('takes bytes that are no TLS at all as an address whose server does not speak it, not as a certificate problem', () => {
    const codes = ['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_UNKNOWN_PROTOCOL', 'ERR_SSL_PACKET_LENGTH_TOO_LONG'];
    expect(codes.map((code) => networkCause(code))).toEqual(Array(codes.length).fill('not-tls'));
    expect(failureAdvice('not-tls')).toMatch(/^check the scheme and port in its feed: line/);
    expect(failureAdvice('not-tls')).not.toContain('certificate');
  });

  it('knows no cause for a code it has not met', () => {
    expect(networkCause('Z_DATA_ERROR')).toBeUndefined();
    expect(networkCause(undefined)).toBeUndefined();
  });
});

describe('the cause of a document that is no feed', () => {
  it('tells a web page or other document from a feed broken where it is made', () => {
    expect(feedErrorCause('not-a-feed')).toBe('not-a-feed');
    expect((['malformed', 'unsupported', 'unsafe', 'empty', undefined] as const).map(feedErrorCause)).toEqual(Array(5).fill('unreadable-feed'));
  });
});

describe('the advice for a cause', () => {
  it('differs from cause to cause, for one feed and for a host’s several', () => {
    for (const several of [false, true]) expect(new Set(FAILURE_CAUSES.map((cause) => failureAdvice(cause, { several }))).size).toBe(FAILURE_CAUSES.length);
  });

  it('is none for a failure of unknown cause, which keeps the generic advice', () => {
    expect(failureAdvice(undefined)).toBeUndefined();
  });

  it('says how long the failure has lasted where it is not a day, for a source backing off sooner', () => {
    expect(failureAdvice('timeout')).toContain('in time for a day: check');
    expect(failureAdvice('timeout', { lasting: 'since 2026-12-01 11:00 UTC' })).toBe(failureAdvice('timeout')!.replace('for a day', 'since 2026-12-01 11:00 UTC'));
  });

  it('speaks of several feeds in the plural where it names what to update', () => {
    expect(failureAdvice('not-found')).toContain('update its feed: line');
    expect(failureAdvice('not-found', { several: true })).toContain('update their feed: lines');
  });

  it('suspects a typo in a feed: line whose address has never given a feed, where the usual advice would look for a move', () => {
    expect(failureAdvice('not-found', { neverRead: true })).toBe("this address has never given a feed: check its feed: line for a typo, or find the feed's address on the outlet's site");
    expect(failureAdvice('dns-not-found', { neverRead: true })).toContain('check the host name in its feed: line for a typo');
    expect(failureAdvice('not-a-feed', { neverRead: true })).toContain('npm run sources -- add');
    // A server error says nothing of the address, read before or not.
    expect(failureAdvice('server-error', { neverRead: true })).toBe(failureAdvice('server-error'));
  });
});
