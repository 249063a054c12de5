/**
 * What the page and the workbench's server say to each other over `/api`: routes, bodies and
 * error codes. The server sends these shapes; the page reads them with the readers below, which
 * accept only the shape and never trust a field's type.
 */
import type { ClientCredentialsForm, FormProblemCode } from "./token-form";

export const API_ROUTES = {
  /** GET: WorkbenchConfig. */
  config: "/api/config",
  /** POST TokenProxyRequest: TokenProxyEnvelope when the token endpoint answered, ApiErrorBody otherwise. */
  token: "/api/token",
  /** GET: `{ ok: true }` while the server runs. */
  health: "/healthz",
} as const;

/** Body of GET /api/config: tells the page the proxy is there and which custom authorities it accepts. */
export interface WorkbenchConfig {
  proxy: true;
  /** Origins (`https://host[:port]`) from WORKBENCH_EXTRA_AUTHORITIES, besides Entra's own hosts. */
  extraAuthorities: string[];
}

/** What the page posts to /api/token. */
export interface TokenProxyRequest {
  tokenEndpoint: string;
  form: ClientCredentialsForm;
}

/**
 * What /api/token answers when the token endpoint answered at all: HTTP 200 with Entra's `status`
 * and `body` unchanged — also when Entra said 400/401. One envelope for every upstream answer
 * keeps "the proxy failed" (non-200, ApiErrorBody) apart from "Entra refused" (200, status ≥ 400).
 */
export interface TokenProxyEnvelope {
  status: number;
  body: unknown;
  durationMs: number;
}

/** Every code the server's error answers carry; stable, so the page can say what to do about each. */
export type ApiErrorCode =
  // The request to the server itself.
  | "not_found"
  | "method_not_allowed"
  | "app_not_built"
  | "cross_origin_refused"
  | "unsupported_media_type"
  | "body_too_large"
  | "invalid_json"
  | "request_aborted"
  | "request_timeout"
  | "client_closed_request"
  | "internal_error"
  // What the page asked the proxy to send.
  | "invalid_request"
  | "endpoint_not_allowed"
  | FormProblemCode
  // The token endpoint's side.
  | "upstream_tls_failed"
  | "upstream_unreachable"
  | "upstream_too_large"
  | "upstream_not_json"
  | "upstream_timeout"
  | "upstream_not_answering"
  | "upstream_redirect";

/** The JSON body of every error the server sends (any status but 200). */
export interface ApiErrorBody {
  error: ApiErrorCode;
  /** What is wrong and what to do, written for the user. */
  message: string;
}

/** A JSON object (not null, not an array): the one guard the page and the server read untrusted JSON with. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads GET /api/config's body; undefined when it is not the workbench's config (another server answered). */
export function readWorkbenchConfig(json: unknown): WorkbenchConfig | undefined {
  if (!isRecord(json) || json.proxy !== true) return undefined;
  const extraAuthorities = Array.isArray(json.extraAuthorities) ? json.extraAuthorities.filter((item): item is string => typeof item === "string") : [];
  return { proxy: true, extraAuthorities };
}

/** Reads /api/token's 200 body; undefined when it has no numeric status. */
export function readTokenProxyEnvelope(json: unknown): TokenProxyEnvelope | undefined {
  if (!isRecord(json) || typeof json.status !== "number") return undefined;
  return { status: json.status, body: json.body, durationMs: Number(json.durationMs) };
}

/** Reads an error answer's body as far as it has the shape: code and message each only when a string. */
export function readApiErrorBody(json: unknown): { error?: string; message?: string } {
  if (!isRecord(json)) return {};
  return {
    error: typeof json.error === "string" ? json.error : undefined,
    message: typeof json.message === "string" ? json.message : undefined,
  };
}
