import { describe, expect, it } from "vitest";
import { formFields } from "../../entra/token-form";
import { buildClientCredentialsForm } from "./client-credentials-form";

describe("the v1 endpoint takes resource, the v2.0 endpoint scope", () => {
  it("builds a v1 form with resource = the scope without /.default, and no scope", () => {
    const form = buildClientCredentialsForm({ clientId: " cid ", scope: " https://graph.microsoft.com/.default ", clientAssertion: "a.b.c", version: "v1" });
    expect(form).toEqual({ grant_type: "client_credentials", client_id: "cid", resource: "https://graph.microsoft.com", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: "a.b.c" });
    expect(formFields(form).map(([name]) => name)).toEqual(["grant_type", "client_id", "resource", "client_assertion_type", "client_assertion"]);
  });

  it("keeps a v1 resource typed without /.default as it is", () => {
    expect(buildClientCredentialsForm({ clientId: "cid", scope: "api://my-api", clientAssertion: "x", version: "v1" })).toMatchObject({ resource: "api://my-api" });
  });

  it("builds a v2.0 form with scope (also when no version is given)", () => {
    const form = buildClientCredentialsForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientAssertion: "x" });
    expect(form).toMatchObject({ scope: "https://graph.microsoft.com/.default" });
    expect("resource" in form).toBe(false);
    expect(formFields(form).map(([name]) => name)).toEqual(["grant_type", "client_id", "scope", "client_assertion_type", "client_assertion"]);
  });
});
