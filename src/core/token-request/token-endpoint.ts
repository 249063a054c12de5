import { CLOUD_AUTHORITY_HOSTS, cloudOfAuthorityHost, endpointVersionOfPath, TOKEN_ENDPOINT_PATHS, type Cloud, type EndpointVersion } from "../../entra/clouds";
import { isGuid, tenantProblem } from "../../entra/tenant";
import { WorkbenchError } from "../errors";


/**
 * Returns a message when `tenant` cannot name a tenant in a client-credentials token request,
 * otherwise undefined. Accepts a tenant GUID or a verified domain (contoso.onmicrosoft.com).
 * The aliases common/organizations/consumers are refused: the client credentials grant has no
 * user to pick the tenant from, so Entra needs the real one (Microsoft identity platform,
 * "OAuth 2.0 client credentials flow": "the {tenant} value … must be the tenant ID or domain name").
 */
export function validateTenant(tenant: string): string | undefined {
  const value = tenant.trim();
  const problem = tenantProblem(value);
  if (problem === undefined) return undefined;
  if (problem === "empty") return "Enter the tenant: its ID (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47) or a domain such as contoso.onmicrosoft.com.";
  if (problem === "multi_tenant_alias") {
    return `"${value}" is not a tenant but an alias for many; a client credentials request has no user to choose one, so Entra needs the tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.`;
  }
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
      : `https://${CLOUD_AUTHORITY_HOSTS[options.cloud]}`;
  return `${origin}/${options.tenant.trim()}/${TOKEN_ENDPOINT_PATHS[options.version]}`;
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
  const match = /^\/([^/]+)\/(.*)$/.exec(url.pathname);
  const version = endpointVersionOfPath(match?.[2] ?? "");
  if (!match?.[1] || !version) return undefined;
  let tenant: string;
  try {
    tenant = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return {
    cloud: cloudOfAuthorityHost(url.host),
    origin: url.origin,
    tenant,
    version,
  };
}
