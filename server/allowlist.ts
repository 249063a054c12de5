/**
 * Which token endpoints the proxy may post to. Pure: no I/O, no globals.
 *
 * The proxy must never become an open relay (an SSRF tool against the user's network), so a
 * token endpoint is allowed only when it is, character for character, the canonical URL of an
 * Entra token endpoint on an allowed authority:
 *
 *   https://{allowed host}[:{port of an extra authority}]/{tenant}/oauth2/v2.0/token
 *   https://{allowed host}[:{port of an extra authority}]/{tenant}/oauth2/token
 *
 * Two independent checks guard it: the raw string must equal the WHATWG URL parser's
 * serialisation (so percent-encoding, backslashes, upper case hosts, `:443`, decimal/hex/octal
 * IPv4 and `..` segments — all of which the parser rewrites — are refused), and the parsed parts
 * must match the allowlist exactly. Hosts: docs/entra.md ("The token request").
 */

/** The Entra authority hosts for the public, US Government and China (21Vianet) clouds. */
export const ENTRA_AUTHORITY_ORIGINS: readonly string[] = [
  "https://login.microsoftonline.com",
  "https://login.microsoftonline.us",
  "https://login.chinacloudapi.cn",
  "https://login.partner.microsoftonline.cn",
];

/** Why a token endpoint was refused; stable, so tests and logs can name the rule. */
export type EndpointRefusal =
  | "not_a_string"
  | "too_long"
  | "not_a_url"
  | "not_https"
  | "user_info"
  | "query_or_fragment"
  | "ip_literal"
  | "not_canonical"
  | "host_not_allowed"
  | "path_not_token_endpoint"
  | "invalid_tenant";

export type EndpointCheck =
  | { allowed: true; url: URL; host: string; tenant: string; version: "v1" | "v2" }
  | { allowed: false; refusal: EndpointRefusal; message: string };

/** Longer than any real token endpoint (tenant domains are at most 253 characters). */
const MAX_ENDPOINT_LENGTH = 512;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What the raw string may contain at all: no `%`, `\`, `@`, `?`, `#`, whitespace or controls. */
const SAFE_CHARACTERS = /^[A-Za-z0-9\-._~:/[\]]+$/;

function refuse(refusal: EndpointRefusal, message: string): EndpointCheck {
  return { allowed: false, refusal, message };
}

/** True for hosts the URL parser produced from an IP literal (IPv4 in any notation, or IPv6). */
function isIpLiteralHost(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Domain names as Entra verifies them: dot-separated labels ending in an alphabetic TLD. */
const TENANT_DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Aliases for many tenants: the client-credentials grant needs the real one. */
const MULTI_TENANT_ALIASES = ["common", "organizations", "consumers"];

/**
 * A tenant is a GUID or a (verified) domain name such as contoso.onmicrosoft.com; the same rule
 * the page applies (src/core/assertion/token-endpoint.ts validateTenant; a test keeps them equal).
 */
export function isValidTenant(tenant: string): boolean {
  if (MULTI_TENANT_ALIASES.includes(tenant.toLowerCase())) return false;
  return GUID.test(tenant) || TENANT_DOMAIN.test(tenant);
}

/**
 * Normalises the configured extra authorities to origins (`https://host[:port]`). Throws a
 * TypeError naming the bad entry: a typo here should stop the server, not be silently ignored.
 */
export function normalizeAuthorityOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`Extra authority "${value}" is not a URL; write it as https://host[:port].`);
  }
  const isBareOrigin =
    url.protocol === "https:" && url.username === "" && url.password === "" && url.pathname === "/" && url.search === "" && url.hash === "";
  if (!isBareOrigin || value.includes("@") || value.includes("?") || value.includes("#")) {
    throw new TypeError(`Extra authority "${value}" must be an https origin only, like https://login.example.test:8443.`);
  }
  return url.origin;
}

/**
 * Decides whether the proxy may post to `tokenEndpoint`.
 * @param extraAuthorityOrigins origins from WORKBENCH_EXTRA_AUTHORITIES, already normalised.
 * @example checkTokenEndpoint("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", [])
 */
export function checkTokenEndpoint(tokenEndpoint: unknown, extraAuthorityOrigins: readonly string[]): EndpointCheck {
  if (typeof tokenEndpoint !== "string") return refuse("not_a_string", "tokenEndpoint must be a string URL.");
  if (tokenEndpoint.length > MAX_ENDPOINT_LENGTH) return refuse("too_long", "tokenEndpoint is too long to be an Entra token endpoint.");

  let url: URL;
  try {
    url = new URL(tokenEndpoint);
  } catch {
    return refuse("not_a_url", "tokenEndpoint is not a URL; use https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token.");
  }
  if (url.protocol !== "https:") return refuse("not_https", "Only https token endpoints are allowed.");
  if (url.username !== "" || url.password !== "" || tokenEndpoint.includes("@")) {
    return refuse("user_info", "The token endpoint must not contain user-info (user@host).");
  }
  if (url.search !== "" || url.hash !== "" || tokenEndpoint.includes("?") || tokenEndpoint.includes("#")) {
    return refuse("query_or_fragment", "The token endpoint must not have a query string or fragment.");
  }

  const extraOrigins = new Set(extraAuthorityOrigins);
  // An IP literal is refused unless that exact origin was configured (a local test service).
  if (isIpLiteralHost(url.hostname) && !extraOrigins.has(url.origin)) {
    return refuse("ip_literal", `IP addresses are allowed as token endpoint hosts only when listed: use the authority's host name, or restart the workbench with WORKBENCH_EXTRA_AUTHORITIES=${url.origin} npm start.`);
  }
  // Anything the parser had to rewrite (percent-escapes, `\`, `..`, `//`, upper case, `:443`,
  // numeric IPv4 forms) is refused outright rather than trusted after normalisation.
  if (!SAFE_CHARACTERS.test(tokenEndpoint) || url.href !== tokenEndpoint) {
    return refuse("not_canonical", "The token endpoint must be written in canonical form: lower-case host, no escapes, no default port, no dot segments.");
  }
  if (!ENTRA_AUTHORITY_ORIGINS.includes(url.origin) && !extraOrigins.has(url.origin)) {
    return refuse(
      "host_not_allowed",
      `${url.host} is not an Entra authority host or a configured extra authority: restart the workbench with WORKBENCH_EXTRA_AUTHORITIES=${url.origin} npm start to allow it.`,
    );
  }

  const segments = url.pathname.split("/");
  const [leading, tenant = "", ...rest] = segments;
  const route = rest.join("/");
  const version = route === "oauth2/v2.0/token" ? "v2" : route === "oauth2/token" ? "v1" : undefined;
  if (leading !== "" || version === undefined) {
    return refuse("path_not_token_endpoint", "The path must be /{tenant}/oauth2/v2.0/token or /{tenant}/oauth2/token.");
  }
  if (!isValidTenant(tenant)) {
    return refuse("invalid_tenant", "The tenant must be a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com.");
  }
  return { allowed: true, url, host: url.host, tenant, version };
}
