/**
 * The page's only calls to its own server (`/api`, src/entra/api-wire.ts). Each returns what the
 * answer means, typed; a network failure (server gone) rejects, as fetch does.
 */
import {
  API_ROUTES,
  readApiErrorBody,
  readTokenProxyEnvelope,
  readWorkbenchConfig,
  type TokenProxyEnvelope,
  type TokenProxyRequest,
  type WorkbenchConfig,
} from "@/entra/api-wire";

/** GET /api/config: the config, or undefined when whatever answered is not the workbench's server. */
export async function fetchWorkbenchConfig(): Promise<WorkbenchConfig | undefined> {
  const response = await fetch(API_ROUTES.config, { headers: { Accept: "application/json" } });
  // A 200 that is not JSON rejects, like a server that does not answer.
  const json: unknown = response.ok ? await response.json() : undefined;
  return readWorkbenchConfig(json);
}

export type TokenProxyAnswer =
  /** The token endpoint answered (any status, also Entra's 400/401). */
  | { ok: true; envelope: TokenProxyEnvelope }
  /** The proxy refused or failed: its HTTP status and what its error body says. */
  | { ok: false; httpStatus: number; error: { error?: string; message?: string } };

/** POST /api/token: forwards the client-credentials request through the local proxy. */
export async function postTokenRequest(request: TokenProxyRequest): Promise<TokenProxyAnswer> {
  const response = await fetch(API_ROUTES.token, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(request),
  });
  const json: unknown = await response.json().catch(() => undefined);
  const envelope = response.ok ? readTokenProxyEnvelope(json) : undefined;
  if (envelope) return { ok: true, envelope };
  return { ok: false, httpStatus: response.status, error: readApiErrorBody(json) };
}
