/** What the page says about the local proxy: what it will refuse before sending, and why it refused after. */
import { readApiErrorBody, type ApiErrorCode } from "../../entra/api-wire";
import { isEntraAuthorityOrigin } from "../../entra/clouds";

/**
 * Says, before anything is sent, that the local proxy will refuse a custom authority: it forwards
 * only to Entra hosts and to the origins in WORKBENCH_EXTRA_AUTHORITIES when it started (an IP
 * address only when it is listed exactly). Returns undefined when the proxy will forward.
 * @param origin the custom authority's normalised origin (normalizeCustomAuthority)
 */
export function customAuthorityRefusal(origin: string, extraAuthorities: readonly string[]): string | undefined {
  if (isEntraAuthorityOrigin(origin) || extraAuthorities.includes(origin)) return undefined;
  const listed = extraAuthorities.length === 0 ? "none are set" : `set: ${extraAuthorities.join(", ")}`;
  return `This server forwards only to Entra hosts and to those named in WORKBENCH_EXTRA_AUTHORITIES at start (${listed}). Restart with ${restartCommandForAuthority(origin, extraAuthorities)}`;
}

/** The command that restarts the workbench with `origin` added to the authorities it forwards to. */
export function restartCommandForAuthority(origin: string, extraAuthorities: readonly string[]): string {
  return `WORKBENCH_EXTRA_AUTHORITIES=${[...extraAuthorities, origin].join(",")} npm start`;
}

/** What to do about a proxy refusal, by its error code (src/entra/api-wire.ts ApiErrorCode). */
const PROXY_ERROR_FIXES: Readonly<Partial<Record<ApiErrorCode, string>>> = {
  cross_origin_refused: "Open the workbench at the address npm start printed (e.g. http://127.0.0.1:8080), not through another host name.",
  upstream_tls_failed: "For a local test authority with its own certificate, restart with NODE_EXTRA_CA_CERTS=<its certificate.pem> npm start.",
  upstream_timeout: "Press Send again; if it keeps timing out, run the curl command below to see whether the authority answers at all.",
  not_found: "This server has no token proxy: restart the workbench with npm start.",
  method_not_allowed: "This server has no token proxy: restart the workbench with npm start.",
};

/**
 * The sentence the page shows when the proxy refused or failed (a non-200 answer with
 * `{ error, message }`): the server's message, which says what is wrong, plus what to do when
 * the message alone does not say it.
 */
export function proxyErrorMessage(httpStatus: number, body: unknown): string {
  const { error: code, message: said } = readApiErrorBody(body);
  const message = said ?? `The proxy answered HTTP ${String(httpStatus)} without saying why; restart it with npm start and try again.`;
  const fix = code !== undefined && Object.hasOwn(PROXY_ERROR_FIXES, code) ? PROXY_ERROR_FIXES[code as ApiErrorCode] : undefined;
  return `The proxy did not send the request: ${message}${fix && !message.includes(fix) ? ` ${fix}` : ""}`;
}
