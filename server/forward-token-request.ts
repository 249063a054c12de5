import { request as httpsRequest, type Agent } from "node:https";
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";

/** An Entra answer is a few KiB; anything past this is not a token response. */
export const MAX_UPSTREAM_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;

export interface UpstreamAnswer {
  /** The upstream's HTTP status, e.g. 200, or 400/401 with an AADSTS error body. */
  status: number;
  /** The upstream's JSON body, parsed and otherwise unchanged. */
  body: unknown;
  durationMs: number;
}

export interface ForwardOptions {
  url: URL;
  /** Already application/x-www-form-urlencoded. */
  formBody: string;
  timeoutMs: number;
  maxResponseBytes?: number;
  /** The authority's keep-alive agent (upstream-agents.ts); undefined uses Node's global agent. */
  agent?: Agent;
  /** Aborts the upstream exchange early, e.g. when the browser has gone away. */
  cancelSignal?: AbortSignal;
}

/**
 * The only headers sent upstream. Nothing from the browser's request is copied: Entra refuses
 * client-credential redemption when Origin is present (AADSTS9002326; docs/entra.md, "Why a proxy"), and
 * Referer/Cookie/Authorization are not ours to pass on. Host is set by Node from the URL.
 */
function upstreamHeaders(formBody: string): Record<string, string> {
  return {
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
    "Content-Length": String(Buffer.byteLength(formBody)),
    "User-Agent": "credential-workbench-proxy",
  };
}

const TLS_ERROR_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "EPROTO",
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Maps a socket-level failure to a 502 that says which kind it was; the cause stays for the log. */
function toUpstreamError(error: unknown, host: string): HttpError {
  const code = errorCode(error);
  if (code !== undefined && (TLS_ERROR_CODES.has(code) || code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL"))) {
    return new HttpError(502, "upstream_tls_failed", `The TLS connection to ${host} failed (${code}); its certificate is not trusted by this server.`, { cause: error });
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new HttpError(502, "upstream_unreachable", `${host} could not be resolved; check the authority host and this machine's network.`, { cause: error });
  }
  return new HttpError(502, "upstream_unreachable", `${host} could not be reached (${code ?? "connection failed"}); check the authority and the network.`, { cause: error });
}

/** Reads the answer up to `maxBytes`, then parses it as JSON. `abortRequest` is told why it must stop. */
function readUpstreamJson(response: IncomingMessage, host: string, maxBytes: number, abortRequest: (reason: HttpError) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    response.on("data", (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (receivedBytes > maxBytes) {
        const tooLarge = new HttpError(502, "upstream_too_large", `${host} answered with more than ${String(maxBytes / 1024 / 1024)} MiB; that is not a token response.`);
        response.removeAllListeners("data");
        abortRequest(tooLarge);
        reject(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown);
      } catch (error) {
        reject(new HttpError(502, "upstream_not_json", `${host} answered with something that is not JSON (HTTP ${String(response.statusCode)}); is it really a token endpoint?`, { cause: error }));
      }
    });
    response.on("error", (error) => reject(toUpstreamError(error, host)));
  });
}

/**
 * Posts the form to the token endpoint and returns its status and JSON body.
 * Redirects are never followed (a 3xx is a 502): the allowlist vetted this URL, not wherever
 * it points next. Two bounds of `timeoutMs` each (504): one for the connection (TCP and TLS
 * handshakes, none on a reused connection), then one for the answer, body included, counted from
 * when the request was sent, so that the endpoint is judged on its own answer time only. Whenever
 * the exchange is cut short (a timeout, the browser gone, an answer too large), the connection is
 * destroyed, never returned to the pool: the endpoint may still answer on it later.
 */
export function forwardTokenRequest(options: ForwardOptions): Promise<UpstreamAnswer> {
  const { url, formBody, timeoutMs, agent, cancelSignal } = options;
  const maxBytes = options.maxResponseBytes ?? MAX_UPSTREAM_RESPONSE_BYTES;
  const host = url.host;
  const startedAt = performance.now();

  return new Promise<UpstreamAnswer>((resolve, reject) => {
    // Why the exchange was cut short, if it was: the first of timeout or cancel wins. The socket is
    // destroyed rather than aborted through an AbortSignal: AbortSignal.any per request cost a
    // measurable share of the proxy's time in scripts/bench-proxy.ts (weak references for the GC).
    let stopped: HttpError | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancelSignal?.removeEventListener("abort", onCancel);
      outcome();
    };
    // Records the first reason before the socket goes: destroying it emits errors of its own
    // (a reset) that must not replace the reason.
    const stop = (error: HttpError) => {
      stopped ??= error;
      upstreamRequest.destroy();
      settle(() => reject(stopped));
    };
    const onCancel = () =>
      // Never reaches the browser (it has gone); nginx's 499 "client closed request" names it in the log.
      stop(new HttpError(499, "client_closed_request", "The browser closed the request before the upstream answered."));
    const seconds = String(timeoutMs / 1000);
    let timer = setTimeout(() => stop(new HttpError(504, "upstream_timeout", `${host} did not accept a connection within ${seconds} s; check the authority and the network.`)), timeoutMs);

    const upstreamRequest = httpsRequest(url, { method: "POST", headers: upstreamHeaders(formBody), agent }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        settle(() => reject(new HttpError(502, "upstream_redirect", `${host} answered with a redirect (HTTP ${String(status)}); the proxy does not follow redirects.`)));
        // Closed, not drained for reuse: a redirect is a failure here, and its body need not end.
        upstreamRequest.destroy();
        return;
      }
      readUpstreamJson(response, host, maxBytes, stop)
        .then((body) => settle(() => resolve({ status, body, durationMs: Math.round(performance.now() - startedAt) })))
        .catch((error: unknown) => settle(() => reject(stopped ?? error)));
    });
    // "finish": the whole request has been handed to the connection, after any handshakes.
    upstreamRequest.once("finish", () => {
      if (settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => stop(new HttpError(504, "upstream_timeout", `${host} did not answer within ${seconds} s of being sent the request; try again later.`)), timeoutMs);
    });
    upstreamRequest.on("error", (error) => settle(() => reject(stopped ?? toUpstreamError(error, host))));
    if (cancelSignal?.aborted) onCancel();
    else cancelSignal?.addEventListener("abort", onCancel, { once: true });
    upstreamRequest.end(formBody);
  });
}
