import { shellArguments } from "./testing/snippets";
import { describe, expect, it } from "vitest";
import {
  buildClientCredentialsForm,
  checkTargetField,
  curlCommandFor,
  customAuthorityRefusal,
  describeSettingsProblem,
  formFields,
  proxyErrorMessage,
  graphCloudOf,
  graphDefaultScopeFor,
  resourceFromScope,
  scopeCloudMismatch,
  validateResource,
  validateScope,
} from "./token-request";

describe("validateScope (client credentials need one resource's /.default)", () => {
  it.each(["https://graph.microsoft.com/.default", "api://00000000-0000-0000-0000-000000000001/.default"])("accepts %s", (scope) => {
    expect(validateScope(scope)).toBeUndefined();
  });
  it.each([
    ["", /Enter a scope/],
    ["https://graph.microsoft.com/User.Read", /does not end in \/\.default/],
    ["https://graph.microsoft.com/.default offline_access", /one scope/],
  ])("refuses %j", (scope, message) => {
    expect(validateScope(scope)).toMatch(message);
  });
});

describe("curlCommandFor", () => {
  const form = buildClientCredentialsForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientAssertion: "a.b.c" });

  it("hides the assertion unless revealed", () => {
    expect(curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", form, revealAssertion: false })).not.toContain("a.b.c");
    expect(curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", form, revealAssertion: true })).toContain("client_assertion=a.b.c");
  });

  it("is a command a POSIX shell parses into exactly the form fields, quotes included", () => {
    const tricky = buildClientCredentialsForm({ clientId: "it's", scope: "x/.default", clientAssertion: "a'b\"c$(d)" });
    const command = curlCommandFor({ tokenEndpoint: "https://h/t/oauth2/v2.0/token", form: tricky, revealAssertion: true });
    // Let sh parse the command with a stand-in "curl" that prints its arguments one per line.
    const args = shellArguments("curl", command);
    expect(args).toContain("client_id=it's");
    expect(args).toContain("client_assertion=a'b\"c$(d)");
    expect(args).toContain("https://h/t/oauth2/v2.0/token");
  });
});

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

  it("puts resource= in the v1 curl command and no scope=", () => {
    const form = buildClientCredentialsForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientAssertion: "x", version: "v1" });
    const command = curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/token", form, revealAssertion: false });
    expect(command).toContain("--data-urlencode 'resource=https://graph.microsoft.com'");
    expect(command).not.toContain("scope=");
  });

  it("strips only a trailing /.default", () => {
    expect(resourceFromScope("https://graph.microsoft.com/.default")).toBe("https://graph.microsoft.com");
    expect(resourceFromScope("https://graph.microsoft.com/")).toBe("https://graph.microsoft.com/");
    expect(resourceFromScope("api://x/.default/y")).toBe("api://x/.default/y");
  });

  it.each(["https://graph.microsoft.com", "api://00000000-0000-0000-0000-000000000001", "00000003-0000-0000-c000-000000000000", "https://graph.microsoft.com/.default"])("validateResource accepts %s", (value) => {
    expect(validateResource(value)).toBeUndefined();
  });
  it.each([
    ["", /App ID URI/],
    ["a b", /one resource/],
    ["graph", /not an App ID URI/],
  ])("validateResource refuses %j", (value, message) => {
    expect(validateResource(value)).toMatch(message);
  });

  it("labels the field by version and offers to strip /.default for v1", () => {
    const v1 = checkTargetField("https://graph.microsoft.com/.default", "v1");
    expect(v1).toMatchObject({ label: "Resource (App ID URI)", fix: { label: "Strip /.default", value: "https://graph.microsoft.com" } });
    expect(v1.error).toBeUndefined();
    expect(v1.notice).toContain("resource=https://graph.microsoft.com");
    const bare = checkTargetField("https://graph.microsoft.com", "v1");
    expect([bare.error, bare.notice, bare.fix]).toEqual([undefined, undefined, undefined]);
    const v2 = checkTargetField("https://graph.microsoft.com/.default", "v2.0");
    expect([v2.label, v2.error, v2.fix]).toEqual(["Scope", undefined, undefined]);
  });

  it("offers to add /.default to a bare resource on v2.0, but not to a permission", () => {
    expect(checkTargetField("https://graph.microsoft.com", "v2.0").fix).toEqual({ label: "Add /.default", value: "https://graph.microsoft.com/.default" });
    expect(checkTargetField("https://graph.microsoft.com/", "v2.0").fix?.value).toBe("https://graph.microsoft.com/.default");
    expect(checkTargetField("api://my-api", "v2.0").fix?.value).toBe("api://my-api/.default");
    // A delegated permission or a list: client credentials take the whole resource's /.default.
    expect(checkTargetField("https://graph.microsoft.com/User.Read", "v2.0").fix).toEqual({ label: "Use https://graph.microsoft.com/.default", value: "https://graph.microsoft.com/.default" });
    expect(checkTargetField("https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.Send", "v2.0").fix?.value).toBe("https://graph.microsoft.com/.default");
    expect(checkTargetField("api://my-api/access_as_user", "v2.0").fix?.value).toBe("api://my-api/.default");
    expect(checkTargetField("User.Read", "v2.0").fix).toBeUndefined();
    expect(checkTargetField("", "v2.0", "china").hint).toContain("https://microsoftgraph.chinacloudapi.cn/.default");
  });
});

describe("Microsoft Graph per cloud (Graph national cloud deployments)", () => {
  it.each([
    ["public", "https://graph.microsoft.com/.default"],
    ["usgov", "https://graph.microsoft.us/.default"],
    ["china", "https://microsoftgraph.chinacloudapi.cn/.default"],
    ["custom", undefined],
  ] as const)("graphDefaultScopeFor(%s) = %s", (cloud, scope) => {
    expect(graphDefaultScopeFor(cloud)).toBe(scope);
  });

  it("knows which cloud a Graph scope or resource belongs to", () => {
    expect(graphCloudOf("https://graph.microsoft.com/.default")).toBe("public");
    expect(graphCloudOf("https://dod-graph.microsoft.us/")).toBe("usgov");
    expect(graphCloudOf("https://MicrosoftGraph.chinacloudapi.cn")).toBe("china");
    expect(graphCloudOf("api://x/.default")).toBeUndefined();
  });

  it("warns when the scope is another cloud's Graph and offers this cloud's, in the version's shape", () => {
    const usgov = scopeCloudMismatch({ cloud: "usgov", scope: "https://graph.microsoft.com/.default", version: "v2.0" });
    expect(usgov?.fix).toEqual({ label: "Use https://graph.microsoft.us/.default", value: "https://graph.microsoft.us/.default" });
    expect(usgov?.message).toMatch(/US Government/);
    expect(scopeCloudMismatch({ cloud: "china", scope: "https://graph.microsoft.com", version: "v1" })?.fix.value).toBe("https://microsoftgraph.chinacloudapi.cn");
    expect(scopeCloudMismatch({ cloud: "public", scope: "https://graph.microsoft.us/.default", version: "v2.0" })?.fix.value).toBe("https://graph.microsoft.com/.default");
  });

  it("says nothing for a matching Graph, DoD Graph in US Government, another API or a custom authority", () => {
    expect(scopeCloudMismatch({ cloud: "usgov", scope: "https://graph.microsoft.us/.default", version: "v2.0" })).toBeUndefined();
    expect(scopeCloudMismatch({ cloud: "usgov", scope: "https://dod-graph.microsoft.us/.default", version: "v2.0" })).toBeUndefined();
    expect(scopeCloudMismatch({ cloud: "usgov", scope: "api://my-api/.default", version: "v2.0" })).toBeUndefined();
    expect(scopeCloudMismatch({ cloud: "custom", scope: "https://graph.microsoft.com/.default", version: "v2.0" })).toBeUndefined();
  });
});

describe("customAuthorityRefusal (the proxy's allowlist, said before sending)", () => {
  it("allows Entra hosts and listed origins", () => {
    expect(customAuthorityRefusal("https://login.microsoftonline.com", [])).toBeUndefined();
    expect(customAuthorityRefusal("https://127.0.0.1:8392", ["https://127.0.0.1:8392"])).toBeUndefined();
  });

  it("names the variable, what is set, and the command to restart with", () => {
    expect(customAuthorityRefusal("https://login.example.org", [])).toBe(
      "This server forwards only to Entra hosts and to those named in WORKBENCH_EXTRA_AUTHORITIES at start (none are set). Restart with WORKBENCH_EXTRA_AUTHORITIES=https://login.example.org npm start",
    );
    expect(customAuthorityRefusal("https://login.example.org", ["https://127.0.0.1:8392"])).toContain(
      "(set: https://127.0.0.1:8392). Restart with WORKBENCH_EXTRA_AUTHORITIES=https://127.0.0.1:8392,https://login.example.org npm start",
    );
  });

  it("refuses an IP literal unless that exact origin is listed", () => {
    expect(customAuthorityRefusal("https://10.0.0.1", ["https://10.0.0.1:8443"])).toBeDefined();
  });
});

describe("describeSettingsProblem", () => {
  const values = (tenant: string, clientId: string) => ({ tenant, clientId });
  it("asks to fill in empty fields and names an invalid one", () => {
    expect(describeSettingsProblem({ tenant: "x", clientId: "x" }, values("", ""))).toBe("Fill in tenant and client ID in the Assertion panel.");
    expect(describeSettingsProblem({ tenant: "x", clientId: "x" }, values("common", "nope"))).toBe("The tenant ID is not valid: fix it in the Assertion panel.");
    expect(describeSettingsProblem({ clientId: "x" }, values("contoso.com", "nope"))).toBe("The client ID is not valid: fix it in the Assertion panel.");
    expect(describeSettingsProblem({ clientId: "x" }, values("contoso.com", ""))).toBe("Fill in the client ID in the Assertion panel.");
    expect(describeSettingsProblem({ customAuthority: "x" }, values("contoso.com", "id"))).toMatch(/custom authority is not valid/);
    expect(describeSettingsProblem({}, values("contoso.com", "id"))).toBeUndefined();
  });
});

describe("proxyErrorMessage names the fix", () => {
  it("keeps the server's message and adds what to do", () => {
    expect(proxyErrorMessage(403, { error: "cross_origin_refused", message: "Token requests are accepted only from the workbench page served by this server." })).toMatch(/served by this server\. Open the workbench at the address npm start printed/);
    expect(proxyErrorMessage(502, { error: "upstream_tls_failed", message: "The TLS connection failed." })).toContain("NODE_EXTRA_CA_CERTS=");
    expect(proxyErrorMessage(400, { error: "form_endpoint_mismatch", message: "The v1 endpoint takes resource." })).toBe("The proxy did not send the request: The v1 endpoint takes resource.");
  });

  it("says what to do when the answer is not the proxy's JSON", () => {
    expect(proxyErrorMessage(500, undefined)).toMatch(/HTTP 500 .*restart it with npm start/);
  });
});
