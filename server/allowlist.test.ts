import { describe, expect, it } from "vitest";
import { checkTokenEndpoint, isValidTenant, normalizeAuthorityOrigin, type EndpointRefusal } from "./allowlist";

const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const LOCAL_AUTHORITY = "https://127.0.0.1:8443";

function refusalOf(endpoint: unknown, extras: readonly string[] = []): EndpointRefusal | "allowed" {
  const check = checkTokenEndpoint(endpoint, extras);
  return check.allowed ? "allowed" : check.refusal;
}

describe("checkTokenEndpoint: allowed endpoints (docs/entra.md, 'The token request')", () => {
  it.each([
    `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`,
    "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
    `https://login.microsoftonline.com/${TENANT_ID}/oauth2/token`,
    `https://login.microsoftonline.us/${TENANT_ID}/oauth2/v2.0/token`,
    `https://login.chinacloudapi.cn/${TENANT_ID}/oauth2/v2.0/token`,
    `https://login.partner.microsoftonline.cn/${TENANT_ID}/oauth2/v2.0/token`,
    `https://login.microsoftonline.com/${TENANT_ID.toUpperCase()}/oauth2/v2.0/token`,
  ])("allows %s", (endpoint) => {
    expect(refusalOf(endpoint)).toBe("allowed");
  });

  it("returns host, tenant and version for the log line", () => {
    const check = checkTokenEndpoint("https://login.microsoftonline.com/contoso.com/oauth2/token", []);
    expect(check).toMatchObject({ allowed: true, host: "login.microsoftonline.com", tenant: "contoso.com", version: "v1" });
  });

  it("allows a configured extra authority, port included, and only that port", () => {
    expect(refusalOf(`${LOCAL_AUTHORITY}/${TENANT_ID}/oauth2/v2.0/token`, [LOCAL_AUTHORITY])).toBe("allowed");
    expect(refusalOf(`https://127.0.0.1:8444/${TENANT_ID}/oauth2/v2.0/token`, [LOCAL_AUTHORITY])).toBe("ip_literal");
    expect(refusalOf(`https://adfs.example.test:8443/${TENANT_ID}/oauth2/token`, ["https://adfs.example.test:8443"])).toBe("allowed");
    expect(refusalOf(`https://adfs.example.test/${TENANT_ID}/oauth2/token`, ["https://adfs.example.test:8443"])).toBe("host_not_allowed");
  });

  it("names the fix when it refuses a host: restart with WORKBENCH_EXTRA_AUTHORITIES", () => {
    const host = checkTokenEndpoint(`https://login.example.org/${TENANT_ID}/oauth2/v2.0/token`, []);
    expect(host.allowed ? "" : host.message).toContain("WORKBENCH_EXTRA_AUTHORITIES=https://login.example.org npm start");
    const ip = checkTokenEndpoint(`https://10.0.0.1:8443/${TENANT_ID}/oauth2/v2.0/token`, []);
    expect(ip.allowed ? "" : ip.message).toContain("WORKBENCH_EXTRA_AUTHORITIES=https://10.0.0.1:8443 npm start");
  });

  it("allows an IPv6 literal only when that exact origin is configured", () => {
    expect(refusalOf(`https://[::1]:8443/${TENANT_ID}/oauth2/v2.0/token`, ["https://[::1]:8443"])).toBe("allowed");
    expect(refusalOf(`https://[::1]:8443/${TENANT_ID}/oauth2/v2.0/token`)).toBe("ip_literal");
  });
});

describe("checkTokenEndpoint: refusals", () => {
  const path = `/${TENANT_ID}/oauth2/v2.0/token`;
  it.each<[string, unknown, EndpointRefusal]>([
    ["a non-string", 42, "not_a_string"],
    ["an over-long string", `https://login.microsoftonline.com/${"a".repeat(600)}/oauth2/v2.0/token`, "too_long"],
    ["garbage", "not a url", "not_a_url"],
    ["a relative path", path, "not_a_url"],
    ["http scheme", `http://login.microsoftonline.com${path}`, "not_https"],
    ["ftp scheme", `ftp://login.microsoftonline.com${path}`, "not_https"],
    ["javascript: scheme", "javascript:alert(1)", "not_https"],
    ["file: scheme", "file:///etc/passwd", "not_https"],
    ["another host", `https://evil.example${path}`, "host_not_allowed"],
    ["a look-alike suffix host", `https://login.microsoftonline.com.evil.com${path}`, "host_not_allowed"],
    ["the authority as a path on another host", `https://evil.com/login.microsoftonline.com${path}`, "host_not_allowed"],
    ["a sub-domain of an authority", `https://x.login.microsoftonline.com${path}`, "host_not_allowed"],
    ["a trailing dot on the host", `https://login.microsoftonline.com.${path}`, "host_not_allowed"],
    ["an explicit non-default port", `https://login.microsoftonline.com:8443${path}`, "host_not_allowed"],
    ["an explicit :443", `https://login.microsoftonline.com:443${path}`, "not_canonical"],
    ["user-info", `https://user@login.microsoftonline.com${path}`, "user_info"],
    ["user-info with password", `https://a:b@login.microsoftonline.com${path}`, "user_info"],
    ["user-info that hides the real host", `https://login.microsoftonline.com@evil.com${path}`, "user_info"],
    ["an encoded @ in the host", `https://login.microsoftonline.com%40evil.com${path}`, "not_a_url"],
    ["a query string", `https://login.microsoftonline.com${path}?x=1`, "query_or_fragment"],
    ["an empty query", `https://login.microsoftonline.com${path}?`, "query_or_fragment"],
    ["a fragment", `https://login.microsoftonline.com${path}#x`, "query_or_fragment"],
    ["a percent-encoded host", `https://login.microsoftonline.%63om${path}`, "not_canonical"],
    ["an upper-case host", `https://LOGIN.microsoftonline.com${path}`, "not_canonical"],
    ["a backslash", `https://login.microsoftonline.com\\${TENANT_ID}/oauth2/v2.0/token`, "not_canonical"],
    ["a backslash host trick", `https://evil.com\\@login.microsoftonline.com${path}`, "user_info"],
    ["a double slash", `https://login.microsoftonline.com//${TENANT_ID}/oauth2/v2.0/token`, "path_not_token_endpoint"],
    ["a dot-dot segment", `https://login.microsoftonline.com/x/../${TENANT_ID}/oauth2/v2.0/token`, "not_canonical"],
    ["an encoded dot-dot", `https://login.microsoftonline.com/x/%2e%2e/${TENANT_ID}/oauth2/v2.0/token`, "not_canonical"],
    ["an encoded slash", `https://login.microsoftonline.com/${TENANT_ID}%2foauth2/v2.0/token`, "not_canonical"],
    ["a dot-slash segment", `https://login.microsoftonline.com/./${TENANT_ID}/oauth2/v2.0/token`, "not_canonical"],
    ["whitespace", ` https://login.microsoftonline.com${path}`, "not_canonical"],
    ["a tab inside", `https://login.microsoft\tonline.com${path}`, "not_canonical"],
    ["IPv4 dotted", `https://127.0.0.1${path}`, "ip_literal"],
    ["IPv4 decimal", `https://2130706433${path}`, "ip_literal"],
    ["IPv4 hex", `https://0x7f000001${path}`, "ip_literal"],
    ["IPv4 octal", `https://0177.0.0.1${path}`, "ip_literal"],
    ["IPv4 short form", `https://127.1${path}`, "ip_literal"],
    ["IPv6 loopback", `https://[::1]${path}`, "ip_literal"],
    ["IPv4-mapped IPv6", `https://[::ffff:127.0.0.1]${path}`, "ip_literal"],
    ["a decimal IP equal to a configured IP origin", `https://2130706433:8443${path}`, "not_canonical"],
    ["another path", "https://login.microsoftonline.com/common/discovery/instance", "path_not_token_endpoint"],
    ["the authorize endpoint", `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/authorize`, "path_not_token_endpoint"],
    ["a trailing slash", `https://login.microsoftonline.com${path}/`, "path_not_token_endpoint"],
    ["an extra segment", `https://login.microsoftonline.com/a/${TENANT_ID}/oauth2/v2.0/token`, "path_not_token_endpoint"],
    ["no tenant", "https://login.microsoftonline.com/oauth2/v2.0/token", "path_not_token_endpoint"],
    ["a tenant with a trailing dot", "https://login.microsoftonline.com/contoso.com./oauth2/v2.0/token", "invalid_tenant"],
    ["a tenant with an underscore", "https://login.microsoftonline.com/con_toso/oauth2/v2.0/token", "invalid_tenant"],
    ["a tenant starting with a hyphen", "https://login.microsoftonline.com/-contoso/oauth2/v2.0/token", "invalid_tenant"],
    ["a tenant with a colon", "https://login.microsoftonline.com/a:b/oauth2/v2.0/token", "invalid_tenant"],
  ])("refuses %s", (_label, endpoint, refusal) => {
    expect(refusalOf(endpoint, [LOCAL_AUTHORITY])).toBe(refusal);
  });

  it("gives a sentence the user can act on", () => {
    const check = checkTokenEndpoint(`https://evil.example/${TENANT_ID}/oauth2/v2.0/token`, []);
    expect(check.allowed).toBe(false);
    if (!check.allowed) expect(check.message).toMatch(/WORKBENCH_EXTRA_AUTHORITIES/);
  });
});

describe("isValidTenant", () => {
  it.each(["contoso.onmicrosoft.com", TENANT_ID, "a-b.co"])("accepts %s", (tenant) => {
    expect(isValidTenant(tenant)).toBe(true);
  });
  // common/organizations/consumers name no tenant: client credentials need the real one.
  it.each(["", ".", "..", "a..b", "a.", ".a", "a_b", "a b", "a%2eb", `${"a".repeat(64)}.com`, "common", "organizations", "a-b.c", "contoso"])("refuses %j", (tenant) => {
    expect(isValidTenant(tenant)).toBe(false);
  });
});

describe("normalizeAuthorityOrigin", () => {
  it("returns the origin", () => {
    expect(normalizeAuthorityOrigin("https://127.0.0.1:8443")).toBe("https://127.0.0.1:8443");
    expect(normalizeAuthorityOrigin("https://Login.Example.test/")).toBe("https://login.example.test");
    expect(normalizeAuthorityOrigin("https://login.example.test:443")).toBe("https://login.example.test");
  });
  it.each(["http://127.0.0.1:8443", "https://host/path", "https://u@host", "https://host?x", "host:8443", ""])("refuses %j", (value) => {
    expect(() => normalizeAuthorityOrigin(value)).toThrow(TypeError);
  });
});
