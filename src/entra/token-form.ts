/**
 * The client-credentials token request form (RFC 6749 §4.4.2), as Entra's token endpoints take it
 * and as the proxy forwards it — field names, their order, and the fixed values. The page builds
 * it (src/core/token-request), the proxy checks and encodes it (server/token-request.ts).
 *
 * - The v2.0 endpoint takes `scope` = `{resource}/.default`; the v1 endpoint takes `resource` =
 *   the App ID URI (Azure AD v1.0 "Service to service calls using client credentials").
 * - The app proves who it is with one client authentication method, each with its own fields
 *   (CLIENT_AUTH_FIELDS): a JWT-bearer client assertion (RFC 7521 §4.2, RFC 7523 §2.2) — signed
 *   with the certificate's key, or a federated (workload identity) token from an outside issuer
 *   sent as is (Microsoft identity platform "client credentials flow", third case: "client_assertion
 *   … an assertion (a JWT) that you need to create and sign with the certificate" / workload identity
 *   federation exchanges the external token the same way) — or a client secret in the form body
 *   (`client_secret_post`, RFC 6749 §2.3.1; the client credentials doc's "first case: access token
 *   request with a shared secret"). A new method is a new entry there and a new member of
 *   ClientAuthFields.
 */
import { isRecord } from "./api-wire";
import type { EndpointVersion } from "./clouds";

export const CLIENT_CREDENTIALS_GRANT_TYPE = "client_credentials";

/** RFC 7523 §2.2. */
export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The field that names what the token is for, per endpoint version. */
export const TARGET_FIELD = { "v2.0": "scope", v1: "resource" } as const satisfies Record<EndpointVersion, string>;

/** Each client authentication method and the fields it sends, in the order they are sent. */
export const CLIENT_AUTH_FIELDS = {
  /** A signed JWT (RFC 7523 §2.2): the certificate credential. */
  client_assertion: ["client_assertion_type", "client_assertion"],
  /** A client secret in the form body (client_secret_post, RFC 6749 §2.3.1). */
  client_secret: ["client_secret"],
} as const satisfies Record<string, readonly string[]>;

export type ClientAuthMethod = keyof typeof CLIENT_AUTH_FIELDS;

/** Every client authentication method, in the order error messages list them. */
export const CLIENT_AUTH_METHODS = Object.keys(CLIENT_AUTH_FIELDS) as ClientAuthMethod[];

/** The fields every form starts with. */
export const COMMON_FORM_FIELDS = ["grant_type", "client_id"] as const;

interface FormBase {
  grant_type: typeof CLIENT_CREDENTIALS_GRANT_TYPE;
  client_id: string;
}

/** What the v2.0 endpoint takes: a scope. */
export interface ScopeTarget {
  scope: string;
  resource?: never;
}

/** What the v1 endpoint takes: a resource. */
export interface ResourceTarget {
  resource: string;
  scope?: never;
}

/** The certificate credential: a JWT-bearer client assertion. */
export interface ClientAssertionFields {
  client_assertion_type: typeof JWT_BEARER_ASSERTION_TYPE;
  client_assertion: string;
}

/** The client secret credential: the secret's value in the form body (client_secret_post). */
export interface ClientSecretFields {
  client_secret: string;
  client_assertion_type?: never;
  client_assertion?: never;
}

/** The fields of one client authentication method. */
export type ClientAuthFields = (ClientAssertionFields & { client_secret?: never }) | ClientSecretFields;

export type ScopeClientCredentialsForm = FormBase & ScopeTarget & ClientAuthFields;
export type ResourceClientCredentialsForm = FormBase & ResourceTarget & ClientAuthFields;
export type ClientCredentialsForm = ScopeClientCredentialsForm | ResourceClientCredentialsForm;

/** The form's field names, in the order they are sent (and shown in curl). */
export function formFieldNames(version: EndpointVersion, method: ClientAuthMethod): readonly string[] {
  return [...COMMON_FORM_FIELDS, TARGET_FIELD[version], ...CLIENT_AUTH_FIELDS[method]];
}

/** The endpoint version a form is for: `resource` means v1, `scope` v2.0. */
export function formEndpointVersion(form: ClientCredentialsForm): EndpointVersion {
  return form.resource !== undefined ? "v1" : "v2.0";
}

/** The client authentication method whose fields the form holds. */
export function clientAuthMethodOf(form: ClientCredentialsForm): ClientAuthMethod {
  const present = CLIENT_AUTH_METHODS.find((method) => CLIENT_AUTH_FIELDS[method].some((name) => name in form));
  return present ?? "client_assertion";
}

/** The form's fields in the order they are sent. */
export function formFields(form: ClientCredentialsForm): [string, string][] {
  const values = form as unknown as Readonly<Record<string, string | undefined>>;
  return formFieldNames(formEndpointVersion(form), clientAuthMethodOf(form)).map((name) => [name, values[name] ?? ""]);
}

/** application/x-www-form-urlencoded (WHATWG URL §5.2), fields in the order above. */
export function encodeForm(form: ClientCredentialsForm): string {
  return new URLSearchParams(formFields(form)).toString();
}

/** Why a form is refused; each is also an `/api/token` error code (api-wire.ts). */
export type FormProblemCode =
  | "invalid_form"
  | "unexpected_form_field"
  | "missing_form_field"
  | "invalid_grant_type"
  | "invalid_client_assertion_type"
  | "conflicting_client_credentials"
  | "form_endpoint_mismatch";

export interface FormProblem {
  code: FormProblemCode;
  message: string;
}

export type FormReading = { ok: true; form: ClientCredentialsForm } | ({ ok: false } & FormProblem);

function problem(code: FormProblemCode, message: string): FormReading {
  return { ok: false, code, message };
}

/** "grant_type, client_id, scope, … (v2.0 endpoint) or … (v1 endpoint)", for every method. */
function describeFieldSets(): string {
  return CLIENT_AUTH_METHODS.flatMap((method) => [
    `${formFieldNames("v2.0", method).join(", ")} (v2.0 endpoint)`,
    `${formFieldNames("v1", method).join(", ")} (v1 endpoint)`,
  ]).join(" or ");
}

/**
 * Reads a form sent as JSON: one of the field sets above, every value a non-empty string, the
 * fixed values as they must be. Returns the form holding only those fields, or the problem.
 */
export function readClientCredentialsForm(value: unknown): FormReading {
  if (!isRecord(value)) return problem("invalid_form", "form must be an object holding the token request fields.");
  const fieldSets = describeFieldSets();
  const allowed = new Set<string>([...COMMON_FORM_FIELDS, ...Object.values(TARGET_FIELD), ...CLIENT_AUTH_METHODS.flatMap((method) => CLIENT_AUTH_FIELDS[method])]);
  const unexpected = Object.keys(value).filter((name) => !allowed.has(name));
  if (unexpected.length > 0) return problem("unexpected_form_field", `form may only hold ${fieldSets}; remove ${unexpected.join(", ")}.`);
  if ("scope" in value && "resource" in value) {
    return problem("unexpected_form_field", "form holds both scope and resource: send scope ({resource}/.default) to /oauth2/v2.0/token, or resource (the App ID URI) to /oauth2/token.");
  }
  const methods = CLIENT_AUTH_METHODS.filter((method) => CLIENT_AUTH_FIELDS[method].some((name) => name in value));
  if (methods.length > 1) {
    // RFC 6749 §2.3: a client MUST NOT use more than one authentication method in each request.
    return problem(
      "conflicting_client_credentials",
      "form holds both client_secret and client_assertion: a request authenticates one way only (RFC 6749 §2.3). Send client_secret alone for a secret, or client_assertion_type and client_assertion alone for a certificate or federated token.",
    );
  }
  const method = methods[0] ?? CLIENT_AUTH_METHODS[0] ?? "client_assertion";
  const version: EndpointVersion = "resource" in value ? "v1" : "v2.0";
  const names = formFieldNames(version, method);
  for (const name of names) {
    const field = value[name];
    if (typeof field !== "string" || field === "") return problem("missing_form_field", `form.${name} must be a non-empty string; send ${fieldSets}.`);
  }
  if (value.grant_type !== CLIENT_CREDENTIALS_GRANT_TYPE) {
    return problem("invalid_grant_type", "grant_type must be client_credentials; the proxy forwards nothing else.");
  }
  if (method === "client_assertion" && value.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
    return problem("invalid_client_assertion_type", `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}.`);
  }
  // Only the fields of this set, in their order: nothing else the page sent is forwarded.
  const form = Object.fromEntries(names.map((name) => [name, value[name]])) as unknown as ClientCredentialsForm;
  return { ok: true, form };
}

/**
 * Says when a form does not suit the endpoint it is posted to: `resource` belongs to the v1
 * endpoint, `scope` to the v2.0 endpoint. Entra would answer with an AADSTS error; saying so
 * first names the fix. Undefined when they match.
 */
export function formEndpointMismatch(form: ClientCredentialsForm, version: EndpointVersion): FormProblem | undefined {
  if (formEndpointVersion(form) === version) return undefined;
  const message =
    version === "v1"
      ? "The v1 endpoint (/oauth2/token) takes resource (the App ID URI, e.g. https://graph.microsoft.com), not scope: send resource instead, or post scope to /oauth2/v2.0/token."
      : "The v2.0 endpoint (/oauth2/v2.0/token) takes scope (e.g. https://graph.microsoft.com/.default), not resource: send scope instead, or post resource to /oauth2/token.";
  return { code: "form_endpoint_mismatch", message };
}
