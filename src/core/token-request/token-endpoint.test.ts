import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../errors";
import { parseTokenEndpoint, tokenEndpointFor, validateClientId, validateTenant } from "./token-endpoint";

const tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

describe("tokenEndpointFor: hosts per cloud (Microsoft identity platform, National clouds)", () => {
  it.each([
    ["public", "https://login.microsoftonline.com"],
    ["usgov", "https://login.microsoftonline.us"],
    ["china", "https://login.chinacloudapi.cn"],
  ] as const)("%s cloud, v2.0 and v1 paths", (cloud, origin) => {
    expect(tokenEndpointFor({ cloud, tenant: tenantId, version: "v2.0" })).toBe(`${origin}/${tenantId}/oauth2/v2.0/token`);
    expect(tokenEndpointFor({ cloud, tenant: tenantId, version: "v1" })).toBe(`${origin}/${tenantId}/oauth2/token`);
  });

  it("accepts a verified domain as tenant", () => {
    expect(tokenEndpointFor({ cloud: "public", tenant: "contoso.onmicrosoft.com", version: "v2.0" })).toBe(
      "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
    );
  });

  it("custom authority: an https origin with a port, trailing slash tolerated", () => {
    expect(tokenEndpointFor({ cloud: "custom", customAuthority: "https://localhost:8443/", tenant: tenantId, version: "v2.0" })).toBe(
      `https://localhost:8443/${tenantId}/oauth2/v2.0/token`,
    );
    expect(tokenEndpointFor({ cloud: "custom", customAuthority: "https://adfs.contoso.example", tenant: "adfs.contoso.example", version: "v1" })).toBe(
      "https://adfs.contoso.example/adfs.contoso.example/oauth2/token",
    );
  });

  it.each(["http://localhost:8443", "localhost:8443", "https://host/path", "https://host?x=1", "https://user@host", "https://host#frag", "", "https://"])(
    "custom authority %j is refused with ERR_INVALID_AUTHORITY and what to type",
    (customAuthority) => {
      let caught: unknown;
      try {
        tokenEndpointFor({ cloud: "custom", customAuthority, tenant: tenantId, version: "v2.0" });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(WorkbenchError);
      expect(caught).toMatchObject({ code: "ERR_INVALID_AUTHORITY", message: expect.stringMatching(/https origin, e\.g\. https:\/\//) as unknown });
    },
  );
});

describe("validateTenant: a GUID or a domain, never a multi-tenant alias", () => {
  it.each([tenantId, tenantId.toUpperCase(), "contoso.onmicrosoft.com", "contoso.com"])("accepts %s", (tenant) => {
    expect(validateTenant(tenant)).toBeUndefined();
  });

  it.each(["common", "organizations", "Consumers"])("refuses the alias %s, explaining the client credentials grant needs a real tenant", (tenant) => {
    expect(validateTenant(tenant)).toMatch(/alias.*client credentials/);
    expect(() => tokenEndpointFor({ cloud: "public", tenant, version: "v2.0" })).toThrow(expect.objectContaining({ code: "ERR_INVALID_TENANT" }) as unknown as Error);
  });

  it.each(["", "contoso", "72f988bf-86f1-41af-91ab", "a/b.com", "con toso.com", "x.onmicrosoft.com/oauth2"])("refuses %j with ERR_INVALID_TENANT", (tenant) => {
    expect(validateTenant(tenant)).toMatch(/tenant/);
    expect(() => tokenEndpointFor({ cloud: "public", tenant, version: "v2.0" })).toThrow(WorkbenchError);
  });
});

describe("validateClientId: the application (client) ID is a GUID", () => {
  it("accepts a GUID", () => expect(validateClientId("00001111-aaaa-2222-bbbb-3333cccc4444")).toBeUndefined());
  it.each(["", "my-app", "00001111aaaa2222bbbb3333cccc4444", "api://00001111-aaaa-2222-bbbb-3333cccc4444"])("refuses %j with a message", (clientId) => {
    expect(validateClientId(clientId)).toMatch(/Application \(client\) ID, a GUID/);
  });
});

describe("parseTokenEndpoint: the inverse, used by the aud lint", () => {
  it("reads cloud, origin, tenant and version from each form tokenEndpointFor builds", () => {
    for (const cloud of ["public", "usgov", "china"] as const) {
      for (const version of ["v2.0", "v1"] as const) {
        const url = tokenEndpointFor({ cloud, tenant: tenantId, version });
        expect(parseTokenEndpoint(url)).toEqual({ cloud, origin: new URL(url).origin, tenant: tenantId, version });
      }
    }
  });

  it("knows the Entra doc's China host and treats other hosts as custom", () => {
    expect(parseTokenEndpoint(`https://login.partner.microsoftonline.cn/${tenantId}/oauth2/v2.0/token`)?.cloud).toBe("china");
    expect(parseTokenEndpoint(`https://localhost:8443/${tenantId}/oauth2/token`)).toEqual({
      cloud: "custom",
      origin: "https://localhost:8443",
      tenant: tenantId,
      version: "v1",
    });
  });

  it.each([
    "not a url",
    `http://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`,
    `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/authorize`,
    `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token?x=1`,
    `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token/`,
    "https://login.microsoftonline.com/oauth2/v2.0/token",
  ])("returns undefined for %s", (url) => {
    expect(parseTokenEndpoint(url)).toBeUndefined();
  });
});
