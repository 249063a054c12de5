import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";

/** A request body larger than this is refused with 413; a token request is a few KiB. */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

/**
 * The request body is left unread after a refusal, so the connection cannot be reused:
 * `Connection: close` tells the client (RFC 9112 §9.6), and the socket is closed after the answer
 * (with a bounded lingering read when body bytes are still coming; lingering-close.ts).
 */
const CLOSE_CONNECTION = { Connection: "close" } as const;

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

export interface ReadJsonBodyOptions {
  maxBytes?: number;
  /**
   * The body must have arrived this many ms after reading starts, or the answer is 408. Node's
   * own requestTimeout also counts from the request's first byte; this timer makes the cut exact.
   */
  deadlineMs?: number;
}

/**
 * Reads and parses a JSON request body, counting bytes as they arrive: the Content-Length header
 * is checked first, but the stream is what is trusted (chunked bodies have none). Reading stops
 * as soon as the limit is passed or the deadline is reached.
 * @throws HttpError 415 (not JSON), 413 (too large), 408 (too slow), 400 (`invalid_json`).
 */
export function readJsonBody(request: IncomingMessage, options: ReadJsonBodyOptions = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? MAX_REQUEST_BODY_BYTES;
  if (!isJsonMediaType(request.headers["content-type"])) {
    return Promise.reject(
      new HttpError(415, "unsupported_media_type", "Send the request as JSON (Content-Type: application/json).", { headers: CLOSE_CONNECTION }),
    );
  }
  const tooLarge = () =>
    new HttpError(413, "body_too_large", `The request body is larger than ${String(maxBytes / 1024)} KiB; a token request is much smaller.`, {
      headers: CLOSE_CONNECTION,
    });
  const declaredLength = Number(request.headers["content-length"] ?? "0");
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) return Promise.reject(tooLarge());

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    const deadline =
      options.deadlineMs === undefined
        ? undefined
        : setTimeout(() => {
            cleanUp();
            // Stop reading, as for 413: the socket closes after the 408 is sent.
            request.pause();
            reject(
              new HttpError(408, "request_timeout", `The request did not arrive within ${String(Math.ceil((options.deadlineMs ?? 0) / 1000))} s; send it again.`, {
                headers: CLOSE_CONNECTION,
              }),
            );
          }, options.deadlineMs);
    const cleanUp = () => {
      clearTimeout(deadline);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (receivedBytes > maxBytes) {
        cleanUp();
        // Stop reading: nothing more is buffered, and the socket closes after the 413 is sent.
        request.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown);
      } catch (error) {
        reject(new HttpError(400, "invalid_json", "The request body is not valid JSON.", { cause: error }));
      }
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(new HttpError(400, "request_aborted", "The request body could not be read.", { cause: error, headers: CLOSE_CONNECTION }));
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}
