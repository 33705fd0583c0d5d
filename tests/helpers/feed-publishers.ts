/**
 * Publishers for aggregation tests: several HTTP servers on 127.0.0.1 (one "host" each, told apart by port),
 * each route a feed behaving some way. Records every request with its headers, and how many were in flight at
 * once, per host and overall.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll } from 'vitest';

export interface SeenRequest {
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A route answering 200 with `body` as an RSS feed, and any more `headers` (an ETag, say). */
export const rssRoute = (body: string, headers: Record<string, string> = {}): Route => (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(body);

export class Publishers {
  readonly requests: SeenRequest[] = [];
  readonly maxInFlightByHost = new Map<string, number>();
  maxInFlight = 0;
  private inFlight = 0;
  private readonly inFlightByHost = new Map<string, number>();
  private readonly routes = new Map<string, Route>();
  private readonly servers: Server[] = [];
  readonly hosts: string[] = [];

  private readonly delayMs: number;

  /** `delayMs` before every answer, so that requests overlap whenever the client lets them. */
  constructor(delayMs = 0) {
    this.delayMs = delayMs;
  }

  async start(count: number): Promise<this> {
    for (let index = 0; index < count; index++) {
      const server = createServer((request, response) => void this.handle(request, response));
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      this.servers.push(server);
      this.hosts.push(`127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
    return this;
  }

  /** Serves `route` at `path` on host number `hostIndex`; returns the URL. */
  route(hostIndex: number, path: string, route: Route): string {
    const host = this.hosts[hostIndex % this.hosts.length]!;
    this.routes.set(`${host}${path}`, route);
    return `http://${host}${path}`;
  }

  requestsTo(url: string): SeenRequest[] {
    const { host, pathname } = new URL(url);
    return this.requests.filter((request) => request.host === host && request.path === pathname);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    const path = request.url ?? '/';
    this.requests.push({ host, path, headers: request.headers });
    this.inFlight++;
    this.inFlightByHost.set(host, (this.inFlightByHost.get(host) ?? 0) + 1);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.maxInFlightByHost.set(host, Math.max(this.maxInFlightByHost.get(host) ?? 0, this.inFlightByHost.get(host)!));
    response.on('close', () => {
      this.inFlight--;
      this.inFlightByHost.set(host, this.inFlightByHost.get(host)! - 1);
    });
    response.on('error', () => {});
    if (this.delayMs) await sleep(this.delayMs);
    const route = this.routes.get(`${host}${path}`);
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('no such feed');
  }

  async close(): Promise<void> {
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  }
}

/** Publishers on `count` hosts for the enclosing suite: started before its own setup, closed after its tests. */
export function publishersForSuite(count: number, delayMs?: number): Publishers {
  const publishers = new Publishers(delayMs);
  beforeAll(async () => {
    await publishers.start(count);
  });
  afterAll(() => publishers.close());
  return publishers;
}

/** A port on 127.0.0.1 where nothing listens. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}
