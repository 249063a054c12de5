import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * Closing a connection whose request body is still arriving, without losing the answer.
 *
 * When a server closes a TCP connection while unread data sits in its receive buffer, or arrives
 * after the close, the kernel answers with a reset, and a reset can make the client discard the
 * answer it has not read yet (RFC 9112 §9.6; RFC 7230 §6.6 before it). A client that streams an
 * endless body at a refusal (a 413, a 403) then sees "connection reset" or EPIPE instead of the
 * refusal. So, as §9.6 describes: the answer goes out with `Connection: close`, the write side is
 * closed (the client reads the answer and an end of stream), and the server goes on reading and
 * discarding what the client still sends, for a bounded time and number of bytes, before it closes
 * for good. The body is never processed: what is read is dropped as it arrives.
 */

/** The most a refused request may still send after its answer: bytes read past that are not waited for. */
export const LINGER_MAX_BYTES = 4 * 1024 * 1024;
/** The longest the connection stays half-open after the answer. */
export const LINGER_MAX_MS = 2_000;

export interface LingerLimits {
  maxBytes: number;
  maxMs: number;
}

const arranged = new WeakSet<Socket>();

/**
 * Called as the answer is sent: from now on the body is read and dropped, counted, and the
 * connection lingers when it closes.
 *
 * Node closes a `Connection: close` answer's socket with `socket.destroySoon()` once the answer is
 * sent (lib/_http_server.js, resOnFinish): end the write side, destroy as soon as that is flushed,
 * however much the client is still sending. For this one socket, that becomes: end the write side,
 * then destroy when the client closes its side or a limit is reached. The body is consumed here,
 * not left to Node: a request Node drains itself (its "dump") drops the bytes before any listener
 * could count them.
 */
export function lingerBeforeClosing(request: IncomingMessage, limits: LingerLimits = { maxBytes: LINGER_MAX_BYTES, maxMs: LINGER_MAX_MS }): void {
  const socket = request.socket as Socket | null;
  if (socket === null || socket.destroyed || arranged.has(socket)) return;
  arranged.add(socket);
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  socket.once("close", () => clearTimeout(timer));

  // Once the answer is flushed: destroy, after which nothing the client sends can be lost any more.
  const closeOnceAnswered = () => {
    if (socket.writableFinished) close();
    else socket.once("finish", close);
  };

  let discardedBytes = 0;
  let bodyEnded = false;
  request.removeAllListeners("data");
  request.on("data", (chunk: Buffer) => {
    discardedBytes += chunk.length;
    if (discardedBytes > limits.maxBytes) close();
  });
  // The whole body has arrived: nothing of this request is left to discard, and what may follow
  // on the connection is another request, which is not to be processed (RFC 9112 §9.6).
  request.once("end", () => {
    bodyEnded = true;
    if (socket.writableEnded) closeOnceAnswered();
  });
  // A reset now is expected; it has no one left to report to.
  request.on("error", () => undefined);
  request.resume();

  socket.destroySoon = () => {
    if (socket.destroyed) return;
    // Called again (the client closed its side), or the body is complete: nothing is left to discard.
    if (socket.writableEnded || bodyEnded) {
      socket.end();
      closeOnceAnswered();
      return;
    }
    timer = setTimeout(close, limits.maxMs);
    // The client has sent all it will: the read side is at its end.
    socket.once("end", close);
    socket.end();
  };
}

/**
 * True once the connection of `request` is closing after an answer with `Connection: close`: a
 * request that still arrives on it (pipelined behind the refused one) must not be processed
 * (RFC 9112 §9.6), only dropped with the connection.
 */
export function connectionIsClosing(request: IncomingMessage): boolean {
  const socket = request.socket as Socket | null;
  return socket !== null && arranged.has(socket);
}
