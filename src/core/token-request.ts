/**
 * The client-credentials token request (RFC 6749 §4.4.2) with a JWT-bearer client assertion
 * (RFC 7523 §2.2), as Entra's token endpoints take it (entra-facts.md, "The token request").
 *
 * The v2.0 endpoint (`/oauth2/v2.0/token`) takes `scope` = `{resource}/.default`; the v1 endpoint
 * (`/oauth2/token`) takes `resource` = the App ID URI itself (Azure AD v1.0 "Service to service
 * calls using client credentials", certificate case: grant_type, client_id,
 * client_assertion_type, client_assertion, resource — all required). The page keeps one field
 * (settings.scope) for both and converts it here when it builds the form.
 */
import type { Cloud, EndpointVersion } from "../entra/clouds";
import { isEntraAuthorityOrigin } from "../entra/clouds";
import { isGuid } from "../entra/tenant";
import { CLIENT_CREDENTIALS_GRANT_TYPE, JWT_BEARER_ASSERTION_TYPE, formFields, type ClientCredentialsForm } from "../entra/token-form";

export { JWT_BEARER_ASSERTION_TYPE, formFields } from "../entra/token-form";
export type { ClientCredentialsForm, ResourceClientCredentialsForm, ScopeClientCredentialsForm } from "../entra/token-form";

const DEFAULT_SUFFIX = "/.default";

/**
 * Microsoft Graph's App ID URI per cloud (Microsoft Graph "national cloud deployments": global
 * https://graph.microsoft.com, US Government L4 https://graph.microsoft.us, L5 (DoD)
 * https://dod-graph.microsoft.us, China (21Vianet) https://microsoftgraph.chinacloudapi.cn).
 * For "usgov" the first entry (L4, GCC High) is the default; DoD tenants use the second.
 */
export const GRAPH_RESOURCES: Readonly<Record<Exclude<Cloud, "custom">, readonly string[]>> = {
  public: ["https://graph.microsoft.com"],
  usgov: ["https://graph.microsoft.us", "https://dod-graph.microsoft.us"],
  china: ["https://microsoftgraph.chinacloudapi.cn"],
};

/** Graph's resource for a cloud (https://graph.microsoft.us for US Government), or undefined for a custom authority. */
export function graphResourceFor(cloud: Cloud): string | undefined {
  return cloud === "custom" ? undefined : GRAPH_RESOURCES[cloud][0];
}

/** Graph's `.default` scope for a cloud, e.g. https://graph.microsoft.us/.default; undefined for a custom authority. */
export function graphDefaultScopeFor(cloud: Cloud): string | undefined {
  const resource = graphResourceFor(cloud);
  return resource === undefined ? undefined : `${resource}${DEFAULT_SUFFIX}`;
}

/** The resource a scope names: the text with a trailing /.default removed (what v1 sends as `resource`). */
export function resourceFromScope(scope: string): string {
  const text = scope.trim();
  return text.endsWith(DEFAULT_SUFFIX) ? text.slice(0, -DEFAULT_SUFFIX.length) : text;
}

/** A one-click change the panel can offer: the new value of the scope field and the button's label. */
export interface ScopeFix {
  label: string;
  value: string;
}

/** True for an App ID URI (https://…, api://…, any absolute URI) or an application ID GUID. */
function looksLikeResource(text: string): boolean {
  return isGuid(text) || /^[a-z][a-z0-9+.-]*:\/?\/?[^\s]+$/i.test(text);
}

/** True when the text names a whole resource (no path beyond "/"), so appending /.default makes sense. */
function isBareResource(text: string): boolean {
  if (isGuid(text) || /^api:\/\/[^/\s]+\/?$/i.test(text)) return true;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.pathname === "/" && url.search === "" && url.hash === "" && !text.includes("?");
  } catch {
    return false;
  }
}

/**
 * A scope for the client-credentials grant is one resource's `/.default` (AADSTS70011 otherwise).
 * Returns a message when the scope will be refused.
 */
export function validateScope(scope: string): string | undefined {
  const text = scope.trim();
  if (text === "") return "Enter a scope such as https://graph.microsoft.com/.default.";
  if (/\s/.test(text)) return "Client credentials take one scope, the resource's /.default (e.g. https://graph.microsoft.com/.default), not a list.";
  if (!text.endsWith(DEFAULT_SUFFIX)) {
    return `"${text}" does not end in /.default: the client-credentials grant asks for all the app's roles on one resource, e.g. https://graph.microsoft.com/.default (AADSTS70011 otherwise).`;
  }
  return undefined;
}

/**
 * A resource for the v1 endpoint is the App ID URI of the API (e.g. https://graph.microsoft.com),
 * or its application ID. A trailing /.default is not an error here: it is stripped when the form is
 * built (see checkTargetField for the notice that says so). Returns a message when it will be refused.
 */
export function validateResource(value: string): string | undefined {
  const text = value.trim();
  if (text === "") return "Enter the resource's App ID URI, such as https://graph.microsoft.com.";
  if (/\s/.test(text)) return "The v1 endpoint takes one resource, its App ID URI (e.g. https://graph.microsoft.com), not a list.";
  const resource = resourceFromScope(text);
  if (!looksLikeResource(resource)) {
    return `"${resource}" is not an App ID URI: the v1 endpoint takes the resource as a URI such as https://graph.microsoft.com or api://…, or its application ID (a GUID).`;
  }
  return undefined;
}

/** What the panel shows under the scope/resource field for the chosen endpoint version. */
export interface TargetFieldCheck {
  /** "Scope" for v2.0, "Resource (App ID URI)" for v1. */
  label: string;
  hint: string;
  /** Blocks Send. */
  error?: string;
  /** Does not block Send, but says what will happen or what is likely wrong. */
  notice?: string;
  fix?: ScopeFix;
}

/**
 * The `.default` scope of the resource a delegated-style scope or a list names: client credentials
 * ask for all of one resource's app roles ("https://graph.microsoft.com/User.Read" →
 * "https://graph.microsoft.com/.default"). Undefined when no resource can be read from the text.
 */
export function defaultScopeOfResource(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0] ?? "";
  const match = /^((?:https?|api):\/\/[^/\s]+)(\/.*)?$/.exec(first);
  if (!match?.[1]) return undefined;
  const path = (match[2] ?? "").replace(/\/[^/]*$/, "");
  return `${match[1]}${path}${DEFAULT_SUFFIX}`;
}

/** Checks the scope field as the chosen endpoint version reads it; `cloud` picks the examples. */
export function checkTargetField(value: string, version: EndpointVersion, cloud: Cloud = "public"): TargetFieldCheck {
  const text = value.trim();
  const graph = graphResourceFor(cloud) ?? "https://graph.microsoft.com";
  if (version === "v1") {
    const check: TargetFieldCheck = {
      label: "Resource (App ID URI)",
      hint: `The v1 endpoint (/oauth2/token) takes the API's App ID URI as resource, e.g. ${graph}, with no /.default.`,
      error: validateResource(text),
    };
    if (!check.error && text.endsWith(DEFAULT_SUFFIX)) {
      const resource = resourceFromScope(text);
      check.notice = `The v1 endpoint takes a resource, not a scope: resource=${resource} is sent (without /.default).`;
      check.fix = { label: "Strip /.default", value: resource };
    }
    return check;
  }
  const check: TargetFieldCheck = {
    label: "Scope",
    hint: `One resource's /.default, e.g. ${graph}${DEFAULT_SUFFIX}.`,
    error: validateScope(text),
  };
  if (check.error && text !== "" && !/\s/.test(text) && isBareResource(text)) {
    check.fix = { label: "Add /.default", value: `${text.replace(/\/$/, "")}${DEFAULT_SUFFIX}` };
  } else if (check.error && text !== "") {
    const wholeResource = defaultScopeOfResource(text);
    if (wholeResource && wholeResource !== text) check.fix = { label: `Use ${wholeResource}`, value: wholeResource };
  }
  return check;
}

/** Which cloud's Microsoft Graph a scope or resource names, or undefined when it is not Graph. */
export function graphCloudOf(value: string): Exclude<Cloud, "custom"> | undefined {
  const resource = resourceFromScope(value).replace(/\/$/, "").toLowerCase();
  for (const cloud of Object.keys(GRAPH_RESOURCES) as Exclude<Cloud, "custom">[]) {
    if (GRAPH_RESOURCES[cloud].includes(resource)) return cloud;
  }
  return undefined;
}

const CLOUD_NAMES: Readonly<Record<Exclude<Cloud, "custom">, string>> = {
  public: "the global (public) cloud",
  usgov: "the US Government cloud",
  china: "the China (21Vianet) cloud",
};

/**
 * When the scope names Microsoft Graph of another cloud than the authority's (tokens are not
 * interchangeable between clouds; Graph's national cloud doc), says so and offers that cloud's
 * Graph, in the shape the endpoint version takes (`…/.default` for v2.0, the bare URI for v1).
 */
export function scopeCloudMismatch(options: { cloud: Cloud; scope: string; version: EndpointVersion }): { message: string; fix: ScopeFix } | undefined {
  const { cloud, version } = options;
  if (cloud === "custom") return undefined;
  const scopeCloud = graphCloudOf(options.scope);
  if (scopeCloud === undefined || scopeCloud === cloud) return undefined;
  const resource = graphResourceFor(cloud) ?? "";
  const value = version === "v1" ? resource : `${resource}${DEFAULT_SUFFIX}`;
  return {
    message: `${resourceFromScope(options.scope)} is Microsoft Graph in ${CLOUD_NAMES[scopeCloud]}, but the authority is in ${CLOUD_NAMES[cloud]}: Entra there knows Graph as ${resource}${cloud === "usgov" ? " (https://dod-graph.microsoft.us for DoD tenants)" : ""}.`,
    fix: { label: `Use ${value}`, value },
  };
}

export function buildClientCredentialsForm(options: { clientId: string; scope: string; clientAssertion: string; version?: EndpointVersion }): ClientCredentialsForm {
  const base = {
    grant_type: CLIENT_CREDENTIALS_GRANT_TYPE,
    client_id: options.clientId.trim(),
    client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
    client_assertion: options.clientAssertion,
  } as const;
  // Field order matters for readability only; formFields() fixes the wire order.
  if (options.version === "v1") return { ...base, resource: resourceFromScope(options.scope) };
  return { ...base, scope: options.scope.trim() };
}

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

/** Which of the Assertion panel's settings are wrong (validateAppSettings in the store). */
export interface SettingsProblems {
  tenant?: string;
  clientId?: string;
  customAuthority?: string;
  lifetimeSeconds?: string;
}

/**
 * One sentence naming the setting to fix in the Assertion panel, or undefined when none is wrong.
 * Empty fields ask to be filled in; filled but invalid ones are named as not valid.
 */
export function describeSettingsProblem(problems: SettingsProblems, values: { tenant: string; clientId: string }): string | undefined {
  const tenantEmpty = values.tenant.trim() === "";
  const clientIdEmpty = values.clientId.trim() === "";
  if (problems.tenant && problems.clientId && tenantEmpty && clientIdEmpty) return "Fill in tenant and client ID in the Assertion panel.";
  if (problems.tenant) return tenantEmpty ? "Fill in the tenant in the Assertion panel." : "The tenant ID is not valid: fix it in the Assertion panel.";
  if (problems.clientId) return clientIdEmpty ? "Fill in the client ID in the Assertion panel." : "The client ID is not valid: fix it in the Assertion panel.";
  if (problems.customAuthority) return "The custom authority is not valid: fix it in the Assertion panel.";
  if (problems.lifetimeSeconds) return "The assertion lifetime is not valid: fix it in the Assertion panel.";
  return undefined;
}

/** Quotes a value for a POSIX shell: single quotes, with embedded single quotes closed and escaped. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The same request as a `curl` command. The assertion is a bearer credential for its lifetime,
 * so it is replaced by a placeholder unless the user asked to reveal it.
 */
export function curlCommandFor(options: { tokenEndpoint: string; form: ClientCredentialsForm; revealAssertion: boolean; revealSecret?: boolean }): string {
  // A client secret is masked the same way until the user shows it.
  const masks: Readonly<Record<string, string | undefined>> = {
    client_assertion: options.revealAssertion ? undefined : "<client assertion: press Reveal to include it>",
    client_secret: options.revealSecret ? undefined : "<client secret: press Show to include it>",
  };
  const fields = formFields(options.form).map(([name, value]): [string, string] => [name, masks[name] ?? value]);
  return [
    `curl -sS -X POST ${shellQuote(options.tokenEndpoint)}`,
    `  -H 'Content-Type: application/x-www-form-urlencoded'`,
    ...fields.map(([name, value]) => `  --data-urlencode ${shellQuote(`${name}=${value}`)}`),
  ].join(" \\\n");
}

/** What to do about a proxy refusal, by its error code (server/*.ts HttpError codes). */
const PROXY_ERROR_FIXES: Readonly<Record<string, string>> = {
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
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === "string" ? record.error : undefined;
  const message = typeof record.message === "string" ? record.message : `The proxy answered HTTP ${String(httpStatus)} without saying why; restart it with npm start and try again.`;
  const fix = code === undefined ? undefined : PROXY_ERROR_FIXES[code];
  return `The proxy did not send the request: ${message}${fix && !message.includes(fix) ? ` ${fix}` : ""}`;
}
