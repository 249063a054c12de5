import { describe, expect, it } from "vitest";
import {
  AUTHORITY_HOST_CLOUDS,
  CLOUD_AUTHORITY_HOSTS,
  cloudOfAuthorityHost,
  endpointVersionOfPath,
  ENTRA_AUTHORITY_ORIGINS,
  entraAuthorityOriginOfIssuer,
  isEntraAuthorityOrigin,
  looksLikeEntraIssuer,
  TOKEN_ENDPOINT_PATHS,
} from "./clouds";

// Hosts as the Microsoft identity platform "National clouds" page lists them.
describe("authority hosts per cloud (National clouds)", () => {
  it("names one host per Entra cloud", () => {
    expect(CLOUD_AUTHORITY_HOSTS).toEqual({ public: "login.microsoftonline.com", usgov: "login.microsoftonline.us", china: "login.chinacloudapi.cn" });
  });

  it("knows every cloud's host, and China's second spelling", () => {
    for (const [cloud, host] of Object.entries(CLOUD_AUTHORITY_HOSTS)) expect(AUTHORITY_HOST_CLOUDS[host]).toBe(cloud);
    expect(cloudOfAuthorityHost("login.partner.microsoftonline.cn")).toBe("china");
  });

  it("calls any other host custom, also one that only resembles Entra's or an inherited property name", () => {
    expect(cloudOfAuthorityHost("login.microsoftonline.com.evil.example")).toBe("custom");
    expect(cloudOfAuthorityHost("LOGIN.MICROSOFTONLINE.COM")).toBe("custom");
    expect(cloudOfAuthorityHost("constructor")).toBe("custom");
    expect(cloudOfAuthorityHost("localhost:8443")).toBe("custom");
  });

  it("gives the https origins the proxy forwards to", () => {
    expect([...ENTRA_AUTHORITY_ORIGINS].sort()).toEqual([
      "https://login.chinacloudapi.cn",
      "https://login.microsoftonline.com",
      "https://login.microsoftonline.us",
      "https://login.partner.microsoftonline.cn",
    ]);
    expect(isEntraAuthorityOrigin("https://login.microsoftonline.us")).toBe(true);
    expect(isEntraAuthorityOrigin("https://login.microsoftonline.us:8443")).toBe(false);
    expect(isEntraAuthorityOrigin("http://login.microsoftonline.com")).toBe(false);
  });
});

describe("token endpoint paths (client credentials flow; v1 service-to-service calls)", () => {
  it("maps each version to its path and back", () => {
    expect(TOKEN_ENDPOINT_PATHS).toEqual({ "v2.0": "oauth2/v2.0/token", v1: "oauth2/token" });
    expect(endpointVersionOfPath("oauth2/v2.0/token")).toBe("v2.0");
    expect(endpointVersionOfPath("oauth2/token")).toBe("v1");
  });
  it.each(["oauth2/v2.0/authorize", "oauth2/v2.0/token/", "OAUTH2/TOKEN", "", "v2.0/token"])("refuses %j", (path) => {
    expect(endpointVersionOfPath(path)).toBeUndefined();
  });
});

describe("issuers", () => {
  it("finds the authority origin of an Entra issuer, where the tenant's keys are published", () => {
    expect(entraAuthorityOriginOfIssuer("https://login.microsoftonline.us/tid/v2.0")).toBe("https://login.microsoftonline.us");
    expect(entraAuthorityOriginOfIssuer("https://login.partner.microsoftonline.cn/tid/v2.0")).toBe("https://login.partner.microsoftonline.cn");
  });
  it.each(["https://sts.windows.net/tid/", "https://login.microsoftonline.com.evil.example/tid/v2.0", "https://login.example.test/tid", "https://login.microsoftonline.com"])(
    "names no Entra authority for %j",
    (issuer) => {
      expect(entraAuthorityOriginOfIssuer(issuer)).toBeUndefined();
    },
  );
  it("takes the v1 issuer and login.* authorities as Entra-like, other issuers not", () => {
    expect(looksLikeEntraIssuer("https://sts.windows.net/tid/")).toBe(true);
    expect(looksLikeEntraIssuer("https://login.microsoftonline.com/tid/v2.0")).toBe(true);
    expect(looksLikeEntraIssuer("00001111-aaaa-2222-bbbb-3333cccc4444")).toBe(false);
    expect(looksLikeEntraIssuer("http://sts.windows.net/tid/")).toBe(false);
  });
});
