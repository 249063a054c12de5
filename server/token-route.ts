import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenProxyEnvelope } from "../src/entra/api-wire";
import { checkTokenEndpoint } from "./allowlist";
import { forwardTokenRequest } from "./forward-token-request";
import { HttpError, sendJson } from "./http-error";
import { readJsonBody } from "./read-json-body";
import { assertSameOrigin } from "./request-origin";
import { encodeForm } from "../src/entra/token-form";
import { checkFormForEndpoint, parseTokenProxyRequest } from "./token-request";
import type { UpstreamAgents, UpstreamLease } from "./upstream-agents";

export type WorkbenchLogger = (line: string) => void;

export interface TokenRouteContext {
  extraAuthorityOrigins: readonly string[];
  upstreamTimeoutMs: number;
  /** How long the body may take to arrive once the headers are in (see workbench-server.ts). */
  bodyDeadlineMs: number;
  upstreamAgents: UpstreamAgents;
  listeningOnLoopback: boolean;
  logger: WorkbenchLogger;
}

/**
 * POST /api/token. One log line per request that reached the allowlist: host, tenant, status
 * and duration — never the form, the assertion or any header value.
 */
export async function handleTokenRoute(request: IncomingMessage, response: ServerResponse, context: TokenRouteContext): Promise<void> {
  assertSameOrigin(request, context.listeningOnLoopback);
  const proxyRequest = parseTokenProxyRequest(await readJsonBody(request, { deadlineMs: context.bodyDeadlineMs }));
  const endpoint = checkTokenEndpoint(proxyRequest.tokenEndpoint, context.extraAuthorityOrigins);
  if (!endpoint.allowed) {
    context.logger(`token refused endpoint rule=${endpoint.refusal}`);
    throw new HttpError(400, "endpoint_not_allowed", endpoint.message);
  }
  try {
    checkFormForEndpoint(proxyRequest.form, endpoint.version);
  } catch (error) {
    context.logger(`token refused form host=${endpoint.host} version=${endpoint.version}`);
    throw error;
  }

  // If the browser hangs up, stop waiting on the upstream too (the request is closed before the answer).
  const browserGone = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) browserGone.abort();
  });
  const startedAt = performance.now();
  const where = `host=${endpoint.host} tenant=${endpoint.tenant}`;
  let lease: UpstreamLease | undefined;
  try {
    lease = context.upstreamAgents.acquire(endpoint.url);
    const answer = await forwardTokenRequest({
      url: endpoint.url,
      formBody: encodeForm(proxyRequest.form),
      timeoutMs: context.upstreamTimeoutMs,
      agent: lease.agent,
      cancelSignal: browserGone.signal,
    });
    context.logger(`token ${where} status=${String(answer.status)} durationMs=${String(answer.durationMs)}`);
    const envelope: TokenProxyEnvelope = answer;
    sendJson(response, 200, envelope);
  } catch (error) {
    const durationMs = Math.round(performance.now() - startedAt);
    const code = error instanceof HttpError ? `${String(error.status)} error=${error.code}` : "500 error=internal_error";
    context.logger(`token ${where} status=${code} durationMs=${String(durationMs)}`);
    throw error;
  } finally {
    lease?.release();
  }
}
