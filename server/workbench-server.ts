import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkbenchConfig } from "../src/entra/api-wire";
import { normalizeAuthorityOrigin } from "./allowlist";
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from "./forward-token-request";
import { HttpError, methodNotAllowed, sendError, sendJson } from "./http-error";
import { connectionIsClosing } from "./lingering-close";
import { assertSameOrigin, isLoopbackHost } from "./request-origin";
import { applyApiSecurityHeaders, applyPageSecurityHeaders } from "./security-headers";
import { serveStaticFile } from "./static-files";
import { createUpstreamAgents } from "./upstream-agents";
import { handleTokenRoute, type TokenRouteContext, type WorkbenchLogger } from "./token-route";


export interface WorkbenchServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one (tests). Default 8080. */
  port?: number;
  /** The built app; default ../dist next to this file. */
  distDir?: string | URL;
  /** Extra `https://host[:port]` origins the proxy may post to, besides Entra's own hosts. */
  extraAuthorities?: readonly string[];
  /** Upstream timeout in ms; default 15 000. */
  upstreamTimeoutMs?: number;
  /** Headers plus body must arrive within this many ms (slow-loris guard); default 30 000. */
  requestDeadlineMs?: number;
  /** Requests to one authority that may await its answer at once before the rest get 503; default 64 (upstream-agents.ts). */
  maxUnansweredPerAuthority?: number;
  /** A PEM CA to trust in addition to Node's roots (in-process tests). Processes use NODE_EXTRA_CA_CERTS. */
  extraCaPem?: string;
  /** Where log lines go; default console.log. */
  logger?: WorkbenchLogger;
}

export interface RunningWorkbenchServer {
  server: Server;
  /** e.g. http://127.0.0.1:8080 */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_DIST_DIR = new URL("../dist", import.meta.url);

/** A whole request, headers plus body, must arrive within this; a token request is a few KiB. */
export const DEFAULT_REQUEST_DEADLINE_MS = 30_000;

/**
 * Node checks its headersTimeout/requestTimeout only every `connectionsCheckingInterval`, counted
 * from the request's first byte (a new connection counts from its opening). Setting both to the
 * deadline less one check interval makes the cut land at the deadline at the latest, instead of up
 * to a whole interval (30 s by default) after it. The body timer in readJsonBody uses the same
 * budget from the moment the headers are in, so when the headers came fast it cuts at once.
 */
function requestTimeouts(deadlineMs: number): { checkingIntervalMs: number; timeoutMs: number } {
  const checkingIntervalMs = Math.min(1_000, Math.max(50, Math.floor(deadlineMs / 10)));
  return { checkingIntervalMs, timeoutMs: deadlineMs - checkingIntervalMs };
}

function routeApi(request: IncomingMessage, response: ServerResponse, path: string, context: TokenRouteContext): Promise<void> | void {
  applyApiSecurityHeaders(response);
  const isRead = request.method === "GET" || request.method === "HEAD";
  if (path === "/healthz") {
    if (!isRead) throw methodNotAllowed(["GET", "HEAD"]);
    return sendJson(response, 200, { ok: true });
  }
  if (path === "/api/config") {
    if (!isRead) throw methodNotAllowed(["GET", "HEAD"]);
    // The extra authorities describe the user's network: only our own page may read them.
    assertSameOrigin(request, context.listeningOnLoopback, "The proxy's settings are given only to the workbench page served by this server.");
    const config: WorkbenchConfig = { proxy: true, extraAuthorities: [...context.extraAuthorityOrigins] };
    return sendJson(response, 200, config);
  }
  if (path === "/api/token") {
    if (request.method !== "POST") throw methodNotAllowed(["POST"]);
    return handleTokenRoute(request, response, context);
  }
  throw new HttpError(404, "not_found", "There is no such API route.");
}

/** Creates the server (not yet listening). Throws a TypeError for a malformed extra authority. */
export function createWorkbenchServer(options: WorkbenchServerOptions = {}): Server {
  const distDir =
    options.distDir === undefined ? fileURLToPath(DEFAULT_DIST_DIR) : options.distDir instanceof URL ? fileURLToPath(options.distDir) : resolvePath(options.distDir);
  const logger = options.logger ?? ((line: string) => console.log(line));
  const upstreamAgents = createUpstreamAgents({ extraCaPem: options.extraCaPem, maxUnansweredPerAuthority: options.maxUnansweredPerAuthority });
  const deadlineMs = options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  if (!(deadlineMs >= 500 && deadlineMs <= DEFAULT_REQUEST_DEADLINE_MS)) {
    throw new TypeError(`requestDeadlineMs must be between 500 and ${String(DEFAULT_REQUEST_DEADLINE_MS)} ms.`);
  }
  const { checkingIntervalMs, timeoutMs } = requestTimeouts(deadlineMs);
  const context: TokenRouteContext = {
    extraAuthorityOrigins: (options.extraAuthorities ?? []).map(normalizeAuthorityOrigin),
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    bodyDeadlineMs: timeoutMs,
    upstreamAgents,
    listeningOnLoopback: isLoopbackHost(options.host ?? "127.0.0.1"),
    logger,
  };

  const server = createServer({ headersTimeout: timeoutMs, requestTimeout: timeoutMs, connectionsCheckingInterval: checkingIntervalMs }, (request, response) => {
    // Pipelined behind a request answered with Connection: close: not processed, and never answered.
    if (connectionIsClosing(request)) return;
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const isApi = path === "/healthz" || path === "/api" || path.startsWith("/api/");
    let handled: Promise<void> | void;
    try {
      if (isApi) {
        handled = routeApi(request, response, path, context);
      } else {
        applyPageSecurityHeaders(response);
        handled = serveStaticFile(request, response, distDir);
      }
    } catch (error) {
      handled = Promise.reject(error);
    }
    Promise.resolve(handled).catch((error: unknown) => {
      try {
        // Names only: an error's message may quote request data.
        if (!(error instanceof HttpError)) logger(`error ${request.method ?? "?"} ${path} ${error instanceof Error ? error.name : "unknown"}`);
      } catch {
        // A broken logger must not stop the answer (or crash the process with an unhandled rejection).
      }
      sendError(response, error);
    });
  });
  // Answers take at most the upstream timeout; the request deadline covers only what the client sends.
  server.on("close", () => upstreamAgents.destroy());
  return server;
}

/** Creates the server and listens; resolves once it accepts connections. */
export async function startWorkbenchServer(options: WorkbenchServerOptions = {}): Promise<RunningWorkbenchServer> {
  const server = createWorkbenchServer(options);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    server,
    origin: `http://${urlHost}:${String(port)}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
