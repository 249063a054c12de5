import { HttpError } from "./http-error";

/**
 * The client-credentials form the proxy forwards, and nothing else
 * (RFC 6749 §4.4.2; RFC 7521 §4.2 / RFC 7523 §2.2 for the assertion fields; entra-facts.md).
 */
export interface ClientCredentialsForm {
  grant_type: "client_credentials";
  client_id: string;
  scope: string;
  client_assertion_type: typeof JWT_BEARER_ASSERTION_TYPE;
  client_assertion: string;
}

/** What the page posts to /api/token. */
export interface TokenProxyRequest {
  tokenEndpoint: unknown;
  form: ClientCredentialsForm;
}

/** RFC 7523 §2.2. */
export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

const FORM_FIELDS = ["grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}

/**
 * Checks the shape of the JSON the page sent. The token endpoint itself is checked by
 * allowlist.ts; this only makes sure exactly the five form fields are present as strings.
 */
export function parseTokenProxyRequest(json: unknown): TokenProxyRequest {
  if (!isPlainObject(json)) throw badRequest("invalid_request", "Send a JSON object { tokenEndpoint, form }.");
  const { tokenEndpoint, form } = json;
  if (!isPlainObject(form)) throw badRequest("invalid_form", "form must be an object holding the five token request fields.");

  const unexpected = Object.keys(form).filter((name) => !(FORM_FIELDS as readonly string[]).includes(name));
  if (unexpected.length > 0) {
    throw badRequest("unexpected_form_field", `form may only hold ${FORM_FIELDS.join(", ")}; remove ${unexpected.join(", ")}.`);
  }
  for (const name of FORM_FIELDS) {
    const value = form[name];
    if (typeof value !== "string" || value === "") throw badRequest("missing_form_field", `form.${name} must be a non-empty string.`);
  }
  if (form.grant_type !== "client_credentials") {
    throw badRequest("invalid_grant_type", "grant_type must be client_credentials; the proxy forwards nothing else.");
  }
  if (form.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
    throw badRequest("invalid_client_assertion_type", `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}.`);
  }
  return {
    tokenEndpoint,
    form: {
      grant_type: "client_credentials",
      client_id: form.client_id as string,
      scope: form.scope as string,
      client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
      client_assertion: form.client_assertion as string,
    },
  };
}

/** application/x-www-form-urlencoded, fields in a fixed order (WHATWG URL §5.2). */
export function encodeForm(form: ClientCredentialsForm): string {
  const params = new URLSearchParams();
  for (const name of FORM_FIELDS) params.append(name, form[name]);
  return params.toString();
}
