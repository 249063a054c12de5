import { formEndpointMismatch, readClientCredentialsForm, type ClientCredentialsForm } from "../src/entra/token-form";
import { isRecord } from "../src/entra/api-wire";
import type { EndpointVersion } from "../src/entra/clouds";
import { HttpError } from "./http-error";


/**
 * The client-credentials forms the proxy forwards, and nothing else. Which fields, in which order,
 * with which fixed values, is one rule the page shares (src/entra/token-form.ts); this file turns
 * a refusal into the HTTP answer.
 */

/** What the page posted to /api/token, with the form checked and the endpoint still to check (allowlist.ts). */
export interface ParsedTokenProxyRequest {
  tokenEndpoint: unknown;
  form: ClientCredentialsForm;
}

/**
 * Checks the shape of the JSON the page sent. The token endpoint itself is checked by
 * allowlist.ts, and whether the form suits that endpoint by checkFormForEndpoint; this only
 * makes sure the form is one of the field sets, all non-empty strings (400 otherwise).
 */
export function parseTokenProxyRequest(json: unknown): ParsedTokenProxyRequest {
  if (!isRecord(json)) throw new HttpError(400, "invalid_request", "Send a JSON object { tokenEndpoint, form }.");
  const reading = readClientCredentialsForm(json.form);
  if (!reading.ok) throw new HttpError(400, reading.code, reading.message);
  return { tokenEndpoint: json.tokenEndpoint, form: reading.form };
}

/**
 * Refuses a form the endpoint does not take (400 form_endpoint_mismatch): `resource` belongs to
 * the v1 endpoint, `scope` to the v2.0 endpoint.
 */
export function checkFormForEndpoint(form: ClientCredentialsForm, version: EndpointVersion): void {
  const mismatch = formEndpointMismatch(form, version);
  if (mismatch) throw new HttpError(400, mismatch.code, mismatch.message);
}
