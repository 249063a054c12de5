import { parse as parseQueryString } from "node:querystring";
import { describe, expect, it } from "vitest";
import {
  encodeForm,
  formEndpointMismatch,
  formEndpointVersion,
  formFieldNames,
  formFields,
  JWT_BEARER_ASSERTION_TYPE,
  readClientCredentialsForm,
  type ClientCredentialsForm,
} from "./token-form";

// RFC 7523 §2.2 spells the assertion type out; written here by hand, not taken from the module.
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const SCOPE_FORM = { grant_type: "client_credentials", client_id: "cid", scope: "https://graph.microsoft.com/.default", client_assertion_type: JWT_BEARER, client_assertion: "a.b.c" };
// A client secret in the body (client_secret_post, RFC 6749 §2.3.1).
const SECRET_FORM = { grant_type: "client_credentials", client_id: "cid", scope: "https://graph.microsoft.com/.default", client_secret: "s3cr~t" };
const RESOURCE_FORM = { grant_type: "client_credentials", client_id: "cid", resource: "https://graph.microsoft.com", client_assertion_type: JWT_BEARER, client_assertion: "a.b.c" };

describe("field names and order (RFC 6749 §4.4.2, RFC 7523 §2.2)", () => {
  it("the assertion type is RFC 7523's", () => {
    expect(JWT_BEARER_ASSERTION_TYPE).toBe(JWT_BEARER);
  });
  it("v2.0 sends scope, v1 resource, then the assertion fields", () => {
    expect(formFieldNames("v2.0", "client_assertion")).toEqual(["grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"]);
    expect(formFieldNames("v1", "client_assertion")).toEqual(["grant_type", "client_id", "resource", "client_assertion_type", "client_assertion"]);
  });
  it("reads the version from the form", () => {
    expect(formEndpointVersion(SCOPE_FORM as ClientCredentialsForm)).toBe("v2.0");
    expect(formEndpointVersion(RESOURCE_FORM as ClientCredentialsForm)).toBe("v1");
  });
  it("lists and encodes the fields in that order, whatever order the object has", () => {
    const shuffled = { client_assertion: "a.b.c", scope: "https://graph.microsoft.com/.default", client_assertion_type: JWT_BEARER, client_id: "cid", grant_type: "client_credentials" } as ClientCredentialsForm;
    expect(formFields(shuffled).map(([name]) => name)).toEqual(["grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"]);
    const body = encodeForm(shuffled);
    expect(body.split("&").map((pair) => pair.split("=")[0])).toEqual(["grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"]);
    // Node's own form parser reads back exactly the values.
    expect({ ...parseQueryString(body) }).toEqual(SCOPE_FORM);
  });
});

describe("readClientCredentialsForm: one of the field sets, nothing else", () => {
  it("accepts a client secret form and sends its four fields in order", () => {
    expect(readClientCredentialsForm(SECRET_FORM)).toEqual({ ok: true, form: SECRET_FORM });
    const body = encodeForm(SECRET_FORM as ClientCredentialsForm);
    expect(body.split("&").map((pair) => pair.split("=")[0])).toEqual(["grant_type", "client_id", "scope", "client_secret"]);
    expect({ ...parseQueryString(body) }).toEqual(SECRET_FORM);
  });
  it("accepts each field set and keeps only its fields", () => {
    expect(readClientCredentialsForm(SCOPE_FORM)).toEqual({ ok: true, form: SCOPE_FORM });
    expect(readClientCredentialsForm(RESOURCE_FORM)).toEqual({ ok: true, form: RESOURCE_FORM });
  });
  it.each([
    ["not an object", "x", "invalid_form"],
    ["an array", [], "invalid_form"],
    ["an unknown field", { ...SCOPE_FORM, password: "s" }, "unexpected_form_field"],
    ["a client secret beside the assertion", { ...SCOPE_FORM, client_secret: "s" }, "conflicting_client_credentials"],
    ["a client secret beside the assertion type alone", { ...SECRET_FORM, client_assertion_type: JWT_BEARER }, "conflicting_client_credentials"],
    ["an empty client secret", { ...SECRET_FORM, client_secret: "" }, "missing_form_field"],
    ["both scope and resource", { ...SCOPE_FORM, resource: "https://graph.microsoft.com" }, "unexpected_form_field"],
    ["an empty field", { ...SCOPE_FORM, client_id: "" }, "missing_form_field"],
    ["a missing field", { grant_type: "client_credentials", client_id: "cid", scope: "s/.default", client_assertion_type: JWT_BEARER }, "missing_form_field"],
    ["a non-string field", { ...RESOURCE_FORM, resource: 1 }, "missing_form_field"],
    ["another grant", { ...SCOPE_FORM, grant_type: "password" }, "invalid_grant_type"],
    ["another assertion type", { ...SCOPE_FORM, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:saml2-bearer" }, "invalid_client_assertion_type"],
  ])("refuses %s", (_label, value, code) => {
    const reading = readClientCredentialsForm(value);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.code).toBe(code);
  });
  it("names the field sets and what to remove", () => {
    const reading = readClientCredentialsForm({ ...SCOPE_FORM, password: "x" });
    expect(reading.ok ? "" : reading.message).toBe(
      "form may only hold grant_type, client_id, scope, client_assertion_type, client_assertion (v2.0 endpoint) or grant_type, client_id, resource, client_assertion_type, client_assertion (v1 endpoint) or grant_type, client_id, scope, client_secret (v2.0 endpoint) or grant_type, client_id, resource, client_secret (v1 endpoint); remove password.",
    );
  });
});

describe("formEndpointMismatch: resource belongs to /oauth2/token, scope to /oauth2/v2.0/token", () => {
  it("says nothing when they match", () => {
    expect(formEndpointMismatch(SCOPE_FORM as ClientCredentialsForm, "v2.0")).toBeUndefined();
    expect(formEndpointMismatch(RESOURCE_FORM as ClientCredentialsForm, "v1")).toBeUndefined();
  });
  it("names the field to send when they do not", () => {
    expect(formEndpointMismatch(SCOPE_FORM as ClientCredentialsForm, "v1")).toMatchObject({ code: "form_endpoint_mismatch", message: expect.stringMatching(/takes resource .* not scope/) as unknown });
    expect(formEndpointMismatch(RESOURCE_FORM as ClientCredentialsForm, "v2.0")).toMatchObject({ code: "form_endpoint_mismatch", message: expect.stringMatching(/takes scope .* not resource: send scope instead/) as unknown });
  });
});
