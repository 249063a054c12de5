import { HttpError } from "./http-error";

/**
 * The client-credentials forms the proxy forwards, and nothing else
 * (RFC 6749 §4.4.2; RFC 7521 §4.2 / RFC 7523 §2.2 for the assertion fields; docs/entra.md, "The token request").
 * The v2.0 endpoint (/oauth2/v2.0/token) takes `scope` ({resource}/.default); the v1 endpoint
 * (/oauth2/token) takes `resource` (the App ID URI) instead (Azure AD v1.0 "Service to service
 * calls using client credentials", certificate case).
 */
interface ClientCredentialsFormBase {
  grant_type: "client_credentials";
  client_id: string;
  client_assertion_type: typeof JWT_BEARER_ASSERTION_TYPE;
  client_assertion: string;
}

export type ClientCredentialsForm = (ClientCredentialsFormBase & { scope: string; resource?: never }) | (ClientCredentialsFormBase & { resource: string; scope?: never });

/** What the page posts to /api/token. */
export interface TokenProxyRequest {
  tokenEndpoint: unknown;
  form: ClientCredentialsForm;
}

/** RFC 7523 §2.2. */
export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The five fields per endpoint version, in the order they are sent. */
export const FORM_FIELDS = {
  v2: ["grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"],
  v1: ["grant_type", "client_id", "resource", "client_assertion_type", "client_assertion"],
} as const;

const ALLOWED_FIELDS: readonly string[] = [...new Set([...FORM_FIELDS.v2, ...FORM_FIELDS.v1])];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}

/**
 * Checks the shape of the JSON the page sent. The token endpoint itself is checked by
 * allowlist.ts, and whether the form suits that endpoint by checkFormForEndpoint; this only
 * makes sure the form is one of the two five-field sets, all non-empty strings.
 */
export function parseTokenProxyRequest(json: unknown): TokenProxyRequest {
  if (!isPlainObject(json)) throw badRequest("invalid_request", "Send a JSON object { tokenEndpoint, form }.");
  const { tokenEndpoint, form } = json;
  if (!isPlainObject(form)) throw badRequest("invalid_form", "form must be an object holding the five token request fields.");

  const fieldSets = `${FORM_FIELDS.v2.join(", ")} (v2.0 endpoint) or ${FORM_FIELDS.v1.join(", ")} (v1 endpoint)`;
  const unexpected = Object.keys(form).filter((name) => !ALLOWED_FIELDS.includes(name));
  if (unexpected.length > 0) {
    throw badRequest("unexpected_form_field", `form may only hold ${fieldSets}; remove ${unexpected.join(", ")}.`);
  }
  if ("scope" in form && "resource" in form) {
    throw badRequest("unexpected_form_field", "form holds both scope and resource: send scope ({resource}/.default) to /oauth2/v2.0/token, or resource (the App ID URI) to /oauth2/token.");
  }
  const names = "resource" in form ? FORM_FIELDS.v1 : FORM_FIELDS.v2;
  for (const name of names) {
    const value = form[name];
    if (typeof value !== "string" || value === "") throw badRequest("missing_form_field", `form.${name} must be a non-empty string; send ${fieldSets}.`);
  }
  if (form.grant_type !== "client_credentials") {
    throw badRequest("invalid_grant_type", "grant_type must be client_credentials; the proxy forwards nothing else.");
  }
  if (form.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
    throw badRequest("invalid_client_assertion_type", `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}.`);
  }
  const base = {
    grant_type: "client_credentials",
    client_id: form.client_id as string,
    client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
    client_assertion: form.client_assertion as string,
  } as const;
  return {
    tokenEndpoint,
    form: typeof form.resource === "string" ? { ...base, resource: form.resource } : { ...base, scope: form.scope as string },
  };
}

/**
 * Refuses a form the endpoint does not take (400 form_endpoint_mismatch): `resource` belongs to
 * the v1 endpoint, `scope` to the v2.0 endpoint. Entra would answer with an AADSTS error; saying
 * so here names the fix.
 */
export function checkFormForEndpoint(form: ClientCredentialsForm, version: "v1" | "v2"): void {
  if (version === "v1" && form.resource === undefined) {
    throw badRequest(
      "form_endpoint_mismatch",
      "The v1 endpoint (/oauth2/token) takes resource (the App ID URI, e.g. https://graph.microsoft.com), not scope: send resource instead, or post scope to /oauth2/v2.0/token.",
    );
  }
  if (version === "v2" && form.scope === undefined) {
    throw badRequest(
      "form_endpoint_mismatch",
      "The v2.0 endpoint (/oauth2/v2.0/token) takes scope (e.g. https://graph.microsoft.com/.default), not resource: send scope instead, or post resource to /oauth2/token.",
    );
  }
}

/** application/x-www-form-urlencoded, fields in a fixed order (WHATWG URL §5.2). */
export function encodeForm(form: ClientCredentialsForm): string {
  const params = new URLSearchParams();
  params.append("grant_type", form.grant_type);
  params.append("client_id", form.client_id);
  if (form.resource !== undefined) params.append("resource", form.resource);
  else params.append("scope", form.scope);
  params.append("client_assertion_type", form.client_assertion_type);
  params.append("client_assertion", form.client_assertion);
  return params.toString();
}
