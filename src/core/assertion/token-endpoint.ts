import { WorkbenchError } from "../errors";

/** The national clouds the workbench knows, plus a custom authority host (Azure Stack, a local test service). */
export type Cloud = "public" | "usgov" | "china" | "custom";
/** The v2.0 endpoint (`/oauth2/v2.0/token`, scopes) or the v1 endpoint (`/oauth2/token`, resources). */
export type EndpointVersion = "v2.0" | "v1";

/**
 * Authority hosts per cloud, as MSAL uses them (Microsoft identity platform "National clouds" doc).
 * China is also reachable as login.partner.microsoftonline.cn (the Entra doc's spelling).
 */
export const CLOUD_HOSTS: Readonly<Record<Exclude<Cloud, "custom">, string>> = {
  public: "login.microsoftonline.com",
  usgov: "login.microsoftonline.us",
  china: "login.chinacloudapi.cn",
};

const HOST_CLOUDS: Readonly<Record<string, Exclude<Cloud, "custom">>> = {
  "login.microsoftonline.com": "public",
  "login.microsoftonline.us": "usgov",
  "login.chinacloudapi.cn": "china",
  "login.partner.microsoftonline.cn": "china",
};

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const MULTI_TENANT_ALIASES = ["common", "organizations", "consumers"];

/** True for a GUID in its 8-4-4-4-12 hex form, the form Entra uses for tenant and application IDs. */
export function isGuid(text: string): boolean {
  return GUID_PATTERN.test(text);
}

/**
 * Returns a message when `tenant` cannot name a tenant in a client-credentials token request,
 * otherwise undefined. Accepts a tenant GUID or a verified domain (contoso.onmicrosoft.com).
 * The aliases common/organizations/consumers are refused: the client credentials grant has no
 * user to pick the tenant from, so Entra needs the real one (Microsoft identity platform,
 * "OAuth 2.0 client credentials flow": "the {tenant} value … must be the tenant ID or domain name").
 */
export function validateTenant(tenant: string): string | undefined {
  const value = tenant.trim();
  if (value === "") return "Enter the tenant: its ID (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47) or a domain such as contoso.onmicrosoft.com.";
  if (MULTI_TENANT_ALIASES.includes(value.toLowerCase())) {
    return `"${value}" is not a tenant but an alias for many; a client credentials request has no user to choose one, so Entra needs the tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.`;
  }
  if (isGuid(value) || DOMAIN_PATTERN.test(value)) return undefined;
  return `"${value}" is neither a tenant ID (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47) nor a domain name such as contoso.onmicrosoft.com. Copy the Directory (tenant) ID from the app registration's Overview page.`;
}

/** Returns a message when `clientId` is not an application (client) ID, a GUID, otherwise undefined. */
export function validateClientId(clientId: string): string | undefined {
  if (isGuid(clientId.trim())) return undefined;
  return "The client ID is the Application (client) ID, a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444: copy it from the app registration's Overview page.";
}

/**
 * Checks a custom authority host and returns its origin (`https://host[:port]`).
 * Throws ERR_INVALID_AUTHORITY with what to type when it is anything else.
 */
export function normalizeCustomAuthority(authority: string): string {
  const text = authority.trim();
  const hint = "Type the authority host as an https origin, e.g. https://login.example.com or https://localhost:8443, with no path, query or user name.";
  let url: URL | undefined;
  try {
    url = /^https:\/\//i.test(text) ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== "https:") {
    throw new WorkbenchError("ERR_INVALID_AUTHORITY", `"${text}" is not an https origin. ${hint}`);
  }
  const hasExtra = url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "" || url.pathname !== "/" || /[?#]/.test(text);
  const trailingPath = text.replace(/^https:\/\/[^/]*/i, "");
  if (hasExtra || (trailingPath !== "" && trailingPath !== "/")) {
    throw new WorkbenchError("ERR_INVALID_AUTHORITY", `"${text}" has more than a host and port. ${hint}`);
  }
  return url.origin;
}

export interface TokenEndpointOptions {
  cloud: Cloud;
  tenant: string;
  version: EndpointVersion;
  /** Required when cloud is "custom": an https origin such as https://login.example.com:8443. */
  customAuthority?: string;
}

/**
 * The token endpoint a client-credentials request is posted to, which is also the exact `aud`
 * of the client assertion (Microsoft identity platform, "certificate credentials": aud is
 * `https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token`).
 *
 * @example tokenEndpointFor({ cloud: "public", tenant: "contoso.onmicrosoft.com", version: "v2.0" })
 * // "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
 */
export function tokenEndpointFor(options: TokenEndpointOptions): string {
  const tenantError = validateTenant(options.tenant);
  if (tenantError) throw new WorkbenchError("ERR_INVALID_TENANT", tenantError);
  const origin =
    options.cloud === "custom"
      ? normalizeCustomAuthority(options.customAuthority ?? "")
      : `https://${CLOUD_HOSTS[options.cloud]}`;
  const path = options.version === "v1" ? "oauth2/token" : "oauth2/v2.0/token";
  return `${origin}/${options.tenant.trim()}/${path}`;
}

/** What a token endpoint URL names: the inverse of tokenEndpointFor, for linting an `aud`. */
export interface TokenEndpointParts {
  cloud: Cloud;
  origin: string;
  /** The path segment as written; it may still be an invalid tenant (check with validateTenant). */
  tenant: string;
  version: EndpointVersion;
}

/** Reads an https token endpoint URL, or returns undefined when the text is not one. */
export function parseTokenEndpoint(text: string): TokenEndpointParts | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "" || /[?#]/.test(text)) return undefined;
  const match = /^\/([^/]+)\/oauth2\/(v2\.0\/)?token$/.exec(url.pathname);
  if (!match?.[1]) return undefined;
  let tenant: string;
  try {
    tenant = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return {
    cloud: HOST_CLOUDS[url.host] ?? "custom",
    origin: url.origin,
    tenant,
    version: match[2] ? "v2.0" : "v1",
  };
}
