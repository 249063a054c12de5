import type { ServerResponse } from "node:http";
import type { ApiErrorBody, ApiErrorCode } from "../src/entra/api-wire";

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


/** Sends `body` as JSON with an exact Content-Length. */
export function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Readonly<Record<string, string>> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  response.writeHead(status, {
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
