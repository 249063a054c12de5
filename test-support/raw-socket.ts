import { connect, type Socket } from "node:net";

/**
 * Raw TCP clients for tests that need what an HTTP client library hides: how many body bytes a
 * server took before it hung up, and when it hung up on a request that arrives too slowly.
 * Loopback only; every exchange is bounded in bytes and in time.
 */

/** What one raw exchange observed. */
export interface RawExchange {
  /** Everything the server sent, as latin1 text (status line, headers, body). */
  response: string;
  /** The status code from the first status line, or 0 when none arrived. */
  status: number;
  /** Body bytes the client managed to hand to the socket before it was closed or the limit was reached. */
  bodyBytesSent: number;
  /** True when the server closed the connection (FIN or reset) before the client gave up. */
  closedByServer: boolean;
  /** Milliseconds from connecting to the close (or to giving up). */
  elapsedMs: number;
}

function statusOf(response: string): number {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(response);
  return match ? Number(match[1]) : 0;
}

function connectTo(origin: string): Socket {
  const url = new URL(origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`raw-socket tests talk to 127.0.0.1 only, not ${url.hostname}`);
  return connect({ host: url.hostname, port: Number(url.port) });
}

export interface FloodOptions {
  /** Request line and headers, each line ending in CRLF, without the blank line. */
  head: string;
  /** Send the body with chunked transfer coding (endless until the limit) instead of raw bytes. */
  chunked?: boolean;
  /** The most body bytes to send. */
  maxBodyBytes: number;
  /** Give up after this long. */
  timeLimitMs: number;
}

/**
 * Sends the head, then body bytes as fast as the socket takes them until the server closes the
 * connection, `maxBodyBytes` were sent or `timeLimitMs` passed.
 */
export function floodRequest(origin: string, options: FloodOptions): Promise<RawExchange> {
  const socket = connectTo(origin);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const framedChunk = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  const startedAt = performance.now();
  let response = "";
  let bodyBytesSent = 0;
  let closed = false;
  let closedByServer = false;

  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(giveUp);
      resolve({ response, status: statusOf(response), bodyBytesSent, closedByServer, elapsedMs: performance.now() - startedAt });
    };
    const giveUp = setTimeout(() => {
      closed = true;
      socket.destroy();
    }, options.timeLimitMs);
    socket.on("data", (data: Buffer) => (response += data.toString("latin1")));
    socket.on("end", () => (closedByServer = true));
    socket.on("error", () => (closedByServer = !closed));
    socket.on("close", () => {
      if (!closed) closedByServer = true;
      closed = true;
      finish();
    });
    const pump = () => {
      while (!closed && bodyBytesSent < options.maxBodyBytes) {
        bodyBytesSent += chunk.length;
        if (!socket.write(options.chunked ? framedChunk : chunk)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (!closed && bodyBytesSent >= options.maxBodyBytes) socket.end();
    };
    socket.once("connect", () => {
      socket.write(`${options.head}\r\n`);
      pump();
    });
  });
}

export interface DripOptions {
  /** Sent at once when connected. */
  prefix: string;
  /** Then one byte of this every `intervalMs`, repeated as needed. */
  drip: string;
  intervalMs: number;
  /** Give up (and report closedByServer: false) after this long. */
  timeLimitMs: number;
}

/** Sends `prefix`, then drips `drip` one byte at a time until the server hangs up or the time limit. */
export function dripRequest(origin: string, options: DripOptions): Promise<RawExchange> {
  const socket = connectTo(origin);
  const startedAt = performance.now();
  let response = "";
  let bodyBytesSent = 0;
  let gaveUp = false;
  let closedByServer = false;

  return new Promise((resolve) => {
    let ticker: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, options.timeLimitMs);
    socket.on("data", (data: Buffer) => (response += data.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closedByServer = !gaveUp;
      clearTimeout(giveUp);
      clearInterval(ticker);
      resolve({ response, status: statusOf(response), bodyBytesSent, closedByServer, elapsedMs: performance.now() - startedAt });
    });
    socket.once("connect", () => {
      if (options.prefix !== "") socket.write(options.prefix);
      let position = 0;
      ticker = setInterval(() => {
        if (socket.destroyed || socket.writableEnded) return;
        socket.write(options.drip[position % options.drip.length] ?? " ");
        position += 1;
        bodyBytesSent += 1;
      }, options.intervalMs);
    });
  });
}
