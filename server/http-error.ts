import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiErrorBody, ApiErrorCode } from "../src/entra/api-wire";
import { lingerBeforeClosing } from "./lingering-close";

/**
 * An error the server answers with on purpose: an HTTP status, a stable `code` the page can
 * switch on, and a `message` written for the user. `cause` keeps the underlying error for the
 * server's own log; it is never sent to the client. `headers` carries what the status needs
 * (`Allow` for 405, RFC 9110 §15.5.6; `Connection: close` when the request body is left unread).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: ApiErrorCode, message: string, options?: { cause?: unknown; headers?: Record<string, string> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.headers = options?.headers ?? {};
  }
}


/**
 * True while the request announced a body (Content-Length above 0, or Transfer-Encoding; RFC 9112
 * §6.3) that has not been read to its end. Answering such a request on a kept-alive connection
 * would make Node read and discard the rest of the body, however large, before the next request.
 */
export function requestBodyLeftUnread(request: IncomingMessage): boolean {
  if (request.complete) return false;
  const declaredLength = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (declaredLength !== undefined && declaredLength.trim() !== "0");
}

/**
 * `Connection: close` when the answer goes out before the request body was read: the connection is
 * closed once the answer is sent (RFC 9112 §9.6) instead of reading the body on, after a bounded
 * lingering read so that the client still receives the answer (lingering-close.ts). A refused
 * request costs no more than its headers and that bounded read.
 *
 * A 408 gets no lingering: its client was too slow to send within the deadline, and is given no
 * more time.
 */
export function connectionHeadersFor(request: IncomingMessage, status: number): Readonly<Record<string, string>> {
  if (!requestBodyLeftUnread(request)) return {};
  if (status !== 408) lingerBeforeClosing(request);
  return { Connection: "close" };
}

/** Sends `body` as JSON with an exact Content-Length. */
export function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Readonly<Record<string, string>> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  response.writeHead(status, {
    ...connectionHeadersFor(response.req, status),
    ...extraHeaders,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(payload.length),
  });
  response.end(payload);
}

/** Sends an HttpError as `{ error, message }`; anything else becomes a plain 500 that leaks nothing. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    // Too late for a status line: cut the connection so the client sees a failure, not a truncated success.
    response.destroy();
    return;
  }
  if (error instanceof HttpError) {
    const body: ApiErrorBody = { error: error.code, message: error.message };
    sendJson(response, error.status, body, error.headers);
    return;
  }
  const body: ApiErrorBody = {
    error: "internal_error",
    message: "The server hit an unexpected error. Try again; if it keeps happening, look at the server's console.",
  };
  sendJson(response, 500, body);
}

export function methodNotAllowed(allowed: readonly string[]): HttpError {
  return new HttpError(405, "method_not_allowed", `This path accepts ${allowed.join(", ")} only.`, {
    headers: { Allow: allowed.join(", ") },
  });
}
