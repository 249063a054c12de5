import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** True for names and addresses that only reach this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTNAMES.has(host.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function hostnameOf(hostHeader: string): string {
  // "[::1]:8080" → "[::1]", "127.0.0.1:8080" → "127.0.0.1"
  return hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : (hostHeader.split(":")[0] ?? "");
}

/**
 * CSRF and DNS-rebinding guard for the /api routes that matter (the token proxy, and the
 * configured extra authorities in /api/config). Browsers send `Origin` on every cross-origin
 * request and on same-origin POSTs from fetch (https://fetch.spec.whatwg.org/#origin-header), so a
 * present Origin must be this server's own (`http://` + the Host the browser used). When the
 * server listens on loopback, the Host must be a loopback name too, so a DNS-rebound site cannot
 * pose as us. Requests without Origin (curl, tests) are allowed: they are not a browser acting for
 * a page.
 * @param refusal the sentence a refused request gets.
 */
export function assertSameOrigin(request: IncomingMessage, listeningOnLoopback: boolean, refusal = "Token requests are accepted only from the workbench page served by this server."): void {
  const origin = request.headers.origin;
  const hostHeader = request.headers.host ?? "";
  const forbidden = () => new HttpError(403, "cross_origin_refused", refusal);
  if (listeningOnLoopback && !isLoopbackHost(hostnameOf(hostHeader))) throw forbidden();
  if (request.headers["sec-fetch-site"] === "cross-site") throw forbidden();
  if (origin !== undefined && origin !== `http://${hostHeader}`) throw forbidden();
}
