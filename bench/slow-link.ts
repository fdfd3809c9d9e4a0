/**
 * A slow phone link in front of a loopback server: one shared 400 kbit/s
 * pipe each way and 400 ms round trip, as a TCP proxy. Unlike DevTools'
 * Network.emulateNetworkConditions (which slows one page's requests only),
 * everything the browser sends goes through it: the page, its workers and
 * the service worker's precache compete for the same bytes per second, as on
 * a real phone.
 *
 * Model: a new connection costs one round trip before its first byte reaches
 * the server (the TCP handshake); every byte then waits half a round trip
 * each way, after its turn on the shared pipe. Connections take turns on the
 * pipe one segment at a time, so parallel downloads share it fairly.
 */

import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";

export interface LinkOptions {
  /** Bits per second, each way. */
  bitsPerSecond: number;
  roundTripMs: number;
}

export const SLOW_PHONE_LINK: LinkOptions = { bitsPerSecond: 400_000, roundTripMs: 400 };

const SEGMENT = 1460;

interface Queue {
  chunks: Buffer[];
  /** Called once every byte queued so far has arrived at the other end. */
  onDrained: (() => void) | null;
  inFlight: number;
}

/** One direction of the link: segments leave in turn at the link's rate and arrive half a round trip later. */
class Pipe {
  private readonly queues = new Map<Queue, (segment: Buffer) => void>();
  private order: Queue[] = [];
  private next = 0;
  private busy = false;

  constructor(
    private readonly bytesPerMs: number,
    private readonly oneWayMs: number,
  ) {}

  open(deliver: (segment: Buffer) => void): Queue {
    const queue: Queue = { chunks: [], onDrained: null, inFlight: 0 };
    this.queues.set(queue, deliver);
    this.order.push(queue);
    return queue;
  }

  close(queue: Queue): void {
    this.queues.delete(queue);
    this.order = this.order.filter((candidate) => candidate !== queue);
  }

  send(queue: Queue, data: Buffer): void {
    for (let offset = 0; offset < data.byteLength; offset += SEGMENT) {
      queue.chunks.push(data.subarray(offset, offset + SEGMENT));
    }
    this.pump();
  }

  /** Calls `done` when everything queued on `queue` has arrived (at once when nothing is pending). */
  whenDrained(queue: Queue, done: () => void): void {
    if (queue.chunks.length === 0 && queue.inFlight === 0) done();
    else queue.onDrained = done;
  }

  private pump(): void {
    if (this.busy) return;
    const queue = this.pickQueue();
    if (!queue) return;
    const segment = queue.chunks.shift() as Buffer;
    const deliver = this.queues.get(queue);
    this.busy = true;
    queue.inFlight++;
    setTimeout(() => {
      this.busy = false;
      setTimeout(() => {
        queue.inFlight--;
        deliver?.(segment);
        if (queue.chunks.length === 0 && queue.inFlight === 0 && queue.onDrained) {
          const done = queue.onDrained;
          queue.onDrained = null;
          done();
        }
      }, this.oneWayMs);
      this.pump();
    }, segment.byteLength / this.bytesPerMs);
  }

  /** Round robin over the connections that have something to send. */
  private pickQueue(): Queue | undefined {
    for (let tried = 0; tried < this.order.length; tried++) {
      const queue = this.order[(this.next + tried) % this.order.length] as Queue;
      if (queue.chunks.length > 0) {
        this.next = (this.next + tried + 1) % this.order.length;
        return queue;
      }
    }
    return undefined;
  }
}

export interface SlowLink {
  url: string;
  stop(): Promise<void>;
}

/** Listens on a free loopback port and forwards every connection to `target` through the slow link. */
export async function startSlowLink(target: string, options: LinkOptions = SLOW_PHONE_LINK): Promise<SlowLink> {
  const { hostname, port } = new URL(target);
  const bytesPerMs = options.bitsPerSecond / 8 / 1000;
  const oneWay = options.roundTripMs / 2;
  const down = new Pipe(bytesPerMs, oneWay);
  const up = new Pipe(bytesPerMs, oneWay);
  const sockets = new Set<Socket>();

  const server: Server = createServer((phone) => {
    const origin = connect(Number(port), hostname);
    sockets.add(phone);
    sockets.add(origin);
    const toOrigin = up.open((segment) => origin.write(segment));
    const toPhone = down.open((segment) => phone.write(segment));
    // The handshake: nothing the phone sends leaves before one round trip has passed.
    const buffered: Buffer[] = [];
    let connected = false;
    setTimeout(() => {
      connected = true;
      for (const data of buffered) up.send(toOrigin, data);
    }, options.roundTripMs);
    phone.on("data", (data) => (connected ? up.send(toOrigin, data) : buffered.push(data)));
    origin.on("data", (data) => down.send(toPhone, data));
    const finish = (from: Socket, to: Socket, pipe: Pipe, queue: Queue) => {
      from.on("end", () => pipe.whenDrained(queue, () => to.end()));
    };
    finish(phone, origin, up, toOrigin);
    finish(origin, phone, down, toPhone);
    const teardown = () => {
      up.close(toOrigin);
      down.close(toPhone);
      phone.destroy();
      origin.destroy();
      sockets.delete(phone);
      sockets.delete(origin);
    };
    phone.on("close", teardown);
    origin.on("close", () => down.whenDrained(toPhone, teardown));
    phone.on("error", teardown);
    origin.on("error", teardown);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
