import type { ServerResponse } from "node:http";

/**
 * The page's Content-Security-Policy: only our own origin, no inline scripts, no third parties.
 * `connect-src 'self'` keeps the page from calling Entra (or anyone) directly — it goes through
 * /api/token. `img-src data:` for inline icons.
 * Directives: CSP Level 3 (https://www.w3.org/TR/CSP3/).
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The page's worker (src/workers/work.worker.ts) runs PFX decryption and large-token inspection off the main thread.
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** JSON answers are never rendered as documents; nothing may load from them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries, page or API. */
const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Never guess a type from the bytes (https://fetch.spec.whatwg.org/#x-content-type-options-header).
  "X-Content-Type-Options": "nosniff",
  // The page URL never leaves the machine (https://www.w3.org/TR/referrer-policy/).
  "Referrer-Policy": "no-referrer",
  // No other window keeps a handle on ours (https://html.spec.whatwg.org/#cross-origin-opener-policies).
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  // The workbench needs none of these powerful features (only features Chromium recognises, or it logs console errors).
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

export function applyPageSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader("Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY);
}

/** API answers: same headers, a deny-all CSP, and never cached (they carry tokens). No CORS headers: same origin only. */
export function applyApiSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  response.setHeader("Cache-Control", "no-store");
}
