/**
 * Entra's clouds and their authority hosts: the one list the page (src/core) and the proxy
 * (server/) both read. Imports nothing, so `node --import tsx` and the browser load it alike.
 *
 * Hosts: Microsoft identity platform "National clouds" (authority endpoints per cloud) and MSAL's
 * known-authority list (msal-common `AuthorityMetadata`, `login.partner.microsoftonline.cn` is the
 * China alias both accept). Token endpoint paths: Microsoft identity platform "OAuth 2.0 client
 * credentials flow" (`/{tenant}/oauth2/v2.0/token`) and Azure AD v1.0 "Service to service calls
 * using client credentials" (`/{tenant}/oauth2/token`).
 */

/** The national clouds the workbench knows, plus a custom authority host (Azure Stack, a local test service). */
export type Cloud = "public" | "usgov" | "china" | "custom";
/** A cloud Entra runs, with hosts of its own (not a custom authority). */
export type EntraCloud = Exclude<Cloud, "custom">;
/** The v2.0 endpoint (`/oauth2/v2.0/token`, scopes) or the v1 endpoint (`/oauth2/token`, resources). */
export type EndpointVersion = "v2.0" | "v1";

/** The authority host the workbench uses for each cloud, as MSAL uses them. */
export const CLOUD_AUTHORITY_HOSTS: Readonly<Record<EntraCloud, string>> = {
  public: "login.microsoftonline.com",
  usgov: "login.microsoftonline.us",
  china: "login.chinacloudapi.cn",
};

/** Every Entra authority host and its cloud: the hosts above plus China's other spelling. */
export const AUTHORITY_HOST_CLOUDS: Readonly<Record<string, EntraCloud>> = {
  "login.microsoftonline.com": "public",
  "login.microsoftonline.us": "usgov",
  "login.chinacloudapi.cn": "china",
  "login.partner.microsoftonline.cn": "china",
};

/** The https origins of every Entra authority host: what the proxy forwards to without being told. */
export const ENTRA_AUTHORITY_ORIGINS: readonly string[] = Object.keys(AUTHORITY_HOST_CLOUDS).map((host) => `https://${host}`);

/** The cloud an authority host (`host[:port]`, lower case) belongs to, or "custom" for any other host. */
export function cloudOfAuthorityHost(host: string): Cloud {
  return Object.hasOwn(AUTHORITY_HOST_CLOUDS, host) ? (AUTHORITY_HOST_CLOUDS[host] as EntraCloud) : "custom";
}

/** True when `origin` (`https://host[:port]`) is one of Entra's own authority origins. */
export function isEntraAuthorityOrigin(origin: string): boolean {
  return ENTRA_AUTHORITY_ORIGINS.includes(origin);
}

/** The path after `/{tenant}/` for each endpoint version. */
export const TOKEN_ENDPOINT_PATHS: Readonly<Record<EndpointVersion, string>> = {
  "v2.0": "oauth2/v2.0/token",
  v1: "oauth2/token",
};

/** The endpoint version a path after `/{tenant}/` names, or undefined when it is no token endpoint. */
export function endpointVersionOfPath(path: string): EndpointVersion | undefined {
  if (path === TOKEN_ENDPOINT_PATHS["v2.0"]) return "v2.0";
  if (path === TOKEN_ENDPOINT_PATHS.v1) return "v1";
  return undefined;
}

/**
 * The Entra authority origin an `iss` claim names (`https://login.microsoftonline.us/{tid}/v2.0`
 * → `https://login.microsoftonline.us`), where the tenant's signing keys are published; undefined
 * when the issuer is not on an Entra authority host.
 */
export function entraAuthorityOriginOfIssuer(issuer: string): string | undefined {
  const origin = ENTRA_AUTHORITY_ORIGINS.find((candidate) => issuer.startsWith(`${candidate}/`));
  return origin;
}

/**
 * True when an `iss` looks like a token Entra (or an Entra-like authority) issued: the v1 issuer
 * `https://sts.windows.net/{tid}/` or any `https://login.…` authority (v2.0 issuers, national
 * clouds, test authorities named login.*). A hint for telling access tokens from assertions, not a check.
 */
export function looksLikeEntraIssuer(issuer: string): boolean {
  return /^https:\/\/(sts\.windows\.net|login\.)/.test(issuer);
}
