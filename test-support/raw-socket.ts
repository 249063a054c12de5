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
  /** The socket error the client saw, e.g. "ECONNRESET" or "EPIPE"; undefined for a clean close. */
  errorCode?: string;
}

function statusOf(response: string): number {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(response);
  return match ? Number(match[1]) : 0;
}

/**
 * `allowHalfOpen`: when the server ends its side, the client's own side stays open, so it decides
 * itself whether to stop sending (Node's default ends it at once, like a polite client).
 */
function connectTo(origin: string, allowHalfOpen = false): Socket {
  const url = new URL(origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`raw-socket tests talk to 127.0.0.1 only, not ${url.hostname}`);
  return connect({ host: url.hostname, port: Number(url.port), allowHalfOpen });
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
  /**
   * What the client does when the server ends its side: "stop" sending and close (as an HTTP
   * client does once it has a complete answer with `Connection: close`), or "keep-sending"
   * (default: a client that ignores the answer).
   */
  onServerEnd?: "stop" | "keep-sending";
}

/**
 * Sends the head, then body bytes as fast as the socket takes them until the server closes the
 * connection, `maxBodyBytes` were sent or `timeLimitMs` passed.
 */
export function floodRequest(origin: string, options: FloodOptions): Promise<RawExchange> {
  const socket = connectTo(origin, true);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const framedChunk = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  const startedAt = performance.now();
  let response = "";
  let bodyBytesSent = 0;
  let closed = false;
  let closedByServer = false;
  let stopSending = false;
  let errorCode: string | undefined;

  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(giveUp);
      resolve({ response, status: statusOf(response), bodyBytesSent, closedByServer, elapsedMs: performance.now() - startedAt, ...(errorCode === undefined ? {} : { errorCode }) });
    };
    const giveUp = setTimeout(() => {
      closed = true;
      socket.destroy();
    }, options.timeLimitMs);
    socket.on("data", (data: Buffer) => (response += data.toString("latin1")));
    socket.on("end", () => {
      closedByServer = true;
      if (options.onServerEnd === "stop") {
        stopSending = true;
        socket.end();
      }
    });
    socket.on("error", (error: Error & { code?: string }) => {
      errorCode ??= error.code ?? error.message;
      closedByServer = !closed;
    });
    socket.on("close", () => {
      if (!closed) closedByServer = true;
      closed = true;
      finish();
    });
    const pump = () => {
      while (!closed && !stopSending && bodyBytesSent < options.maxBodyBytes) {
        bodyBytesSent += chunk.length;
        if (!socket.write(options.chunked ? framedChunk : chunk)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (!closed && !stopSending && bodyBytesSent >= options.maxBodyBytes) socket.end();
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
  /** Go on dripping after the server has ended its side (a client that ignores the answer). */
  ignoreServerEnd?: boolean;
}

/** Sends `prefix`, then drips `drip` one byte at a time until the server hangs up or the time limit. */
export function dripRequest(origin: string, options: DripOptions): Promise<RawExchange> {
  const socket = connectTo(origin, options.ignoreServerEnd === true);
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
