import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { HttpTimeouts } from "../config";

export interface ListenOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  timeouts: HttpTimeouts;
}

export interface Listening {
  server: Server;
  port: number;
}

/**
 * Starts the Node HTTP server for the app with the keep-alive, headers and request
 * timeouts set on purpose (server/config.ts says why). main.ts and the tests start
 * the server through here, so the tests read the timeouts the real server runs with.
 */
export function listen(app: { fetch: (request: Request) => Response | Promise<Response> }, options: ListenOptions) {
  const { timeouts } = options;
  return new Promise<Listening>((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port: options.port,
      hostname: options.host,
      // Passed at creation: Node checks here that headersTimeout ≤ requestTimeout.
      serverOptions: { headersTimeout: timeouts.headersTimeoutMs, requestTimeout: timeouts.requestTimeoutMs },
    }) as Server;
    // Not a creation option in Node 20: set on the server before any connection arrives.
    server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
    server.headersTimeout = timeouts.headersTimeoutMs;
    server.requestTimeout = timeouts.requestTimeoutMs;
    const failed = (error: Error) => reject(error);
    server.once("error", failed);
    server.once("listening", () => {
      server.off("error", failed);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
