import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lintAssertionTimes, lintClientAssertion, type LintInput, type LintResult } from "./assertion-lint";

// Thumbprints computed with node:crypto over stand-in bytes, independent of our code.
const certificateBytes = Buffer.from("a stand-in for certificate DER");
const sha1 = createHash("sha1").update(certificateBytes).digest();
const sha256 = createHash("sha256").update(certificateBytes).digest();
const thumbprints = { x5t: sha1.toString("base64url"), x5tS256: sha256.toString("base64url") };

const clientId = "00001111-aaaa-2222-bbbb-3333cccc4444";
const tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const now = new Date("2025-01-02T03:04:05Z");
const nowSeconds = now.getTime() / 1000;

function input(header: Record<string, unknown> = {}, payload: Record<string, unknown> = {}, extra: Partial<LintInput> = {}): LintInput {
  return {
    header: { alg: "RS256", typ: "JWT", x5t: thumbprints.x5t, ...header },
    payload: {
      aud: `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`,
      iss: clientId,
      sub: clientId,
      jti: "5f1d3a1c-0000-4000-8000-000000000001",
      nbf: nowSeconds - 10,
      iat: nowSeconds - 10,
      exp: nowSeconds + 590,
      ...payload,
    },
    certificateThumbprints: thumbprints,
    certificateKeyBits: 2048,
    now,
    ...extra,
  };
}

function rule(lint: LintInput, id: string): LintResult {
  const found = lintClientAssertion(lint).find((r) => r.id === id);
  if (!found) throw new Error(`rule ${id} did not run`);
  return found;
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

describe("a well-formed classic and current assertion pass every rule", () => {
  it.each([
    ["RS256 + x5t", {}],
    ["PS256 + x5t#S256", { alg: "PS256", x5t: undefined, "x5t#S256": thumbprints.x5tS256 }],
  ])("%s", (_label, header) => {
    const lint = input(header);
    const results = lintClientAssertion(lint);
    expect(results.filter((r) => r.status !== "pass")).toEqual([]);
    expect(results.map((r) => r.id).sort()).toEqual(
      ["alg-allowed", "alg-header-pairing", "aud-tenant", "aud-token-endpoint", "iss-client-id", "iss-equals-sub", "jti-present", "key-size", "lifetime",
        "thumbprint-header-present", "thumbprint-matches-certificate", "time-window", "typ-jwt", lint.header.x5t ? "x5t-format" : "x5t-s256-format"].sort(),
    );
  });
});

describe("aud-token-endpoint / aud-tenant", () => {
  it.each([
    `https://login.microsoftonline.us/${tenantId}/oauth2/token`,
    "https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/oauth2/v2.0/token",
    `https://localhost:8443/${tenantId}/oauth2/v2.0/token`,
  ])("passes for %s", (aud) => {
    expect(rule(input({}, { aud }), "aud-token-endpoint").status).toBe("pass");
    expect(rule(input({}, { aud }), "aud-tenant").status).toBe("pass");
  });
  it.each([undefined, "https://graph.microsoft.com", `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/authorize`, 42])("fails for aud %j", (aud) => {
    const r = rule(input({}, { aud }), "aud-token-endpoint");
    expect(r.status).toBe("fail");
    expect(r.fix).toMatch(/exact URL/);
  });
  it("warns for a one-element array", () => {
    expect(rule(input({}, { aud: [`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`] }), "aud-token-endpoint").status).toBe("warn");
  });
  it.each(["common", "organizations", "not_a_tenant"])("aud-tenant fails for tenant %s", (tenant) => {
    const r = rule(input({}, { aud: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token` }), "aud-tenant");
    expect(r.status).toBe("fail");
  });
});

describe("iss-equals-sub (AADSTS50048), iss-client-id, jti-present", () => {
  it("iss-equals-sub fails when sub differs or is missing, naming AADSTS50048", () => {
    expect(rule(input({}, { sub: "11112222-aaaa-2222-bbbb-3333cccc4444" }), "iss-equals-sub")).toMatchObject({ status: "fail", detail: expect.stringMatching(/AADSTS50048/) as unknown });
    expect(rule({ ...input(), payload: without(input().payload, "sub") }, "iss-equals-sub").status).toBe("fail");
    expect(rule(input(), "iss-equals-sub").status).toBe("pass");
  });
  it("iss-client-id fails for a non-GUID iss even when sub equals it", () => {
    expect(rule(input({}, { iss: "my-app", sub: "my-app" }), "iss-client-id").status).toBe("fail");
    expect(rule(input({}, { iss: "my-app", sub: "my-app" }), "iss-equals-sub").status).toBe("pass");
    expect(rule(input(), "iss-client-id").status).toBe("pass");
  });
  it("jti-present fails for a missing or blank jti", () => {
    expect(rule({ ...input(), payload: without(input().payload, "jti") }, "jti-present").status).toBe("fail");
    expect(rule(input({}, { jti: "  " }), "jti-present").status).toBe("fail");
    expect(rule(input({}, { jti: "x" }), "jti-present").status).toBe("pass");
  });
});

describe("lifetime: ≤ 600 pass, ≤ 3600 warn, beyond fail", () => {
  it.each([
    [600, "pass"],
    [601, "warn"],
    [3600, "warn"],
    [3601, "fail"],
    [0, "fail"],
  ])("exp - nbf = %i → %s", (lifetime, status) => {
    expect(rule(input({}, { nbf: nowSeconds - 1, iat: nowSeconds - 1, exp: nowSeconds - 1 + lifetime }), "lifetime").status).toBe(status);
  });
  it("uses iat when nbf is absent, and fails when exp is absent", () => {
    const noNbf = without(input({}, { iat: nowSeconds, exp: nowSeconds + 700 }).payload, "nbf");
    expect(rule({ ...input(), payload: noNbf }, "lifetime").status).toBe("warn");
    expect(rule({ ...input(), payload: without(input().payload, "exp") }, "lifetime").status).toBe("fail");
  });
});

describe("time-window: nbf ≤ now < exp, 5-minute skew noted, AADSTS700024", () => {
  it("fails an assertion expired beyond the ~5-minute skew, saying Entra will refuse it with AADSTS700024", () => {
    const r = rule(input({}, { nbf: nowSeconds - 1000, iat: nowSeconds - 1000, exp: nowSeconds - 400 }), "time-window");
    expect(r.status).toBe("fail");
    expect(r.detail).toBe("Expired 7 min ago (exp 2025-01-02 02:57:25 UTC), beyond Entra's ~5-minute clock-skew allowance: Entra will refuse it with AADSTS700024.");
  });
  it("warns (not fails) for an assertion expired within the skew, saying how much longer Entra accepts it — no contradiction", () => {
    const r = rule(input({}, { nbf: nowSeconds - 663, iat: nowSeconds - 663, exp: nowSeconds - 63 }), "time-window");
    expect(r.status).toBe("warn");
    expect(r.detail).toMatch(/^Expired 63 s ago \(exp 2025-01-02 03:03:02 UTC\)\. Entra still accepts it for about 4 min more, inside its ~5-minute clock-skew allowance; after that it answers AADSTS700024\.$/);
    expect(r.detail).not.toMatch(/even with/);
    expect(r.fix).toMatch(/fresh assertion/);
  });
  it("exactly at exp it is expired (now < exp is strict); 300 s after exp the skew is used up", () => {
    expect(rule(input({}, { exp: nowSeconds }), "time-window").detail).toMatch(/^Expired 0 s ago/);
    expect(rule(input({}, { exp: nowSeconds - 299 }), "time-window").status).toBe("warn");
    expect(rule(input({}, { exp: nowSeconds - 300 }), "time-window").status).toBe("fail");
  });
  it("warns for nbf up to 5 minutes ahead and fails beyond", () => {
    expect(rule(input({}, { nbf: nowSeconds + 120, exp: nowSeconds + 600 }), "time-window").status).toBe("warn");
    expect(rule(input({}, { nbf: nowSeconds + 301, exp: nowSeconds + 900 }), "time-window").status).toBe("fail");
  });
  it("passes when now is inside the window", () => {
    expect(rule(input(), "time-window").status).toBe("pass");
  });
});

describe("thumbprint header rules (AADSTS700027)", () => {
  it("thumbprint-header-present fails with neither x5t nor x5t#S256", () => {
    expect(rule({ ...input(), header: { alg: "RS256", typ: "JWT" } }, "thumbprint-header-present").status).toBe("fail");
  });
  it("x5t-format: a SHA-256 digest in x5t is named", () => {
    expect(rule(input({ x5t: thumbprints.x5tS256 }), "x5t-format").detail).toBe(
      "x5t holds a SHA-256 digest; Entra expects SHA-1 in x5t (AADSTS700027) — use x5t#S256 for SHA-256.",
    );
  });
  it("x5t-format: standard base64 is named", () => {
    const r = rule(input({ x5t: sha1.toString("base64") }), "x5t-format");
    expect(r).toMatchObject({ status: "fail", detail: expect.stringMatching(/standard base64/) as unknown });
  });
  it("x5t-format: the portal's hex thumbprint is named", () => {
    const r = rule(input({ x5t: sha1.toString("hex").toUpperCase() }), "x5t-format");
    expect(r).toMatchObject({ status: "fail", detail: expect.stringMatching(/portal's hex thumbprint must be base64url-encoded bytes/) as unknown });
  });
  it("x5t-format: a wrong length is named; a true SHA-1 passes", () => {
    expect(rule(input({ x5t: "AAAA" }), "x5t-format").status).toBe("fail");
    expect(rule(input(), "x5t-format").status).toBe("pass");
  });
  it("x5t-s256-format: SHA-1 or hex in x5t#S256 fails; SHA-256 passes", () => {
    const ps = { alg: "PS256", x5t: undefined };
    expect(rule(input({ ...ps, "x5t#S256": thumbprints.x5t }), "x5t-s256-format").detail).toMatch(/holds a SHA-1 digest/);
    expect(rule(input({ ...ps, "x5t#S256": sha256.toString("hex") }), "x5t-s256-format").status).toBe("fail");
    expect(rule(input({ ...ps, "x5t#S256": thumbprints.x5tS256 }), "x5t-s256-format").status).toBe("pass");
  });
  it("thumbprint-matches-certificate fails for another certificate's thumbprint and is skipped without a certificate", () => {
    const other = createHash("sha1").update("other").digest("base64url");
    expect(rule(input({ x5t: other }), "thumbprint-matches-certificate")).toMatchObject({ status: "fail", detail: expect.stringMatching(/AADSTS700027/) as unknown });
    expect(lintClientAssertion(input({}, {}, { certificateThumbprints: undefined })).some((r) => r.id === "thumbprint-matches-certificate")).toBe(false);
  });
  it("names both thumbprints of a mismatch in the portal's hex form too (SHA-1 for x5t, SHA-256 for x5t#S256)", () => {
    const otherSha1 = createHash("sha1").update("other").digest();
    const x5tDetail = rule(input({ x5t: otherSha1.toString("base64url") }), "thumbprint-matches-certificate").detail;
    expect(x5tDetail).toContain(`SHA-1 hex ${otherSha1.toString("hex").toUpperCase()}`);
    expect(x5tDetail).toContain(`SHA-1 hex ${sha1.toString("hex").toUpperCase()}`);
    const otherSha256 = createHash("sha256").update("other").digest();
    const s256Detail = rule(input({ alg: "PS256", x5t: undefined, "x5t#S256": otherSha256.toString("base64url") }), "thumbprint-matches-certificate").detail;
    expect(s256Detail).toContain(`SHA-256 hex ${otherSha256.toString("hex").toUpperCase()}`);
    expect(s256Detail).toContain(`SHA-256 hex ${sha256.toString("hex").toUpperCase()}`);
    // A value that is no digest is quoted as it is, with no hex form made up for it.
    const notDigest = rule(input({ x5t: "not-a-digest" }), "thumbprint-matches-certificate").detail ?? "";
    expect(notDigest.match(/SHA-1 hex/g)).toHaveLength(1);
  });
});

describe("alg-allowed, alg-header-pairing, typ-jwt, key-size", () => {
  it.each(["none", "HS256", "RS384", undefined])("alg-allowed fails for %j", (alg) => {
    expect(rule(input({ alg }), "alg-allowed").status).toBe("fail");
  });
  it("alg-header-pairing: PS256 with x5t fails, naming that no MSAL emits it", () => {
    expect(rule(input({ alg: "PS256" }), "alg-header-pairing")).toMatchObject({ status: "fail", detail: expect.stringMatching(/no MSAL emits PS256 with x5t/) as unknown });
  });
  it("alg-header-pairing: RS256 with only x5t#S256 warns; PS256 with both warns; RS256 + x5t passes", () => {
    const onlyS256 = { ...input({ "x5t#S256": thumbprints.x5tS256 }), header: { alg: "RS256", typ: "JWT", "x5t#S256": thumbprints.x5tS256 } };
    expect(rule(onlyS256, "alg-header-pairing").status).toBe("warn");
    expect(rule(input({ alg: "PS256", "x5t#S256": thumbprints.x5tS256 }), "alg-header-pairing").status).toBe("warn");
    expect(rule(input(), "alg-header-pairing").status).toBe("pass");
  });
  it("typ-jwt: a wrong typ fails, a missing typ warns", () => {
    expect(rule(input({ typ: "at+jwt" }), "typ-jwt").status).toBe("fail");
    expect(rule({ ...input(), header: without(input().header, "typ") }, "typ-jwt").status).toBe("warn");
  });
  it("key-size: 1024 bits fails naming AADSTS50032; 2048 passes", () => {
    expect(rule(input({}, {}, { certificateKeyBits: 1024 }), "key-size")).toMatchObject({ status: "fail", detail: expect.stringMatching(/AADSTS50032/) as unknown });
    expect(rule(input({}, {}, { certificateKeyBits: 4096 }), "key-size").status).toBe("pass");
  });
});

describe("title and detail say different things (title = the rule, detail = what was found)", () => {
  it.each([
    ["RS256 + x5t", {}],
    ["PS256 + x5t#S256", { alg: "PS256", x5t: undefined, "x5t#S256": thumbprints.x5tS256 }],
  ])("%s: no detail repeats its title", (_label, header) => {
    const signature = { status: "valid" as const, message: "Signature verifies with the certificate CN=x: …", subject: "CN=x" };
    for (const r of lintClientAssertion({ ...input(header), signature })) {
      expect(r.detail.toLowerCase(), r.id).not.toContain(r.title.toLowerCase());
      expect(r.detail, r.id).not.toMatch(/^Signature: /);
    }
  });
  it("x5t-format says what was found: length and digest size", () => {
    expect(rule(input(), "x5t-format")).toMatchObject({ title: "x5t is base64url(SHA-1 of the certificate)", detail: "27 base64url characters, decoding to the 20 bytes of a SHA-1 digest." });
  });
  it("typ-jwt's detail is not its title again", () => {
    expect(rule(input(), "typ-jwt").detail).toBe('The header declares "typ": "JWT", as MSAL sends.');
  });
});

describe("signature-verifies: the checklist cannot be all green over a failed signature", () => {
  const withSignature = (signature: LintInput["signature"]): LintInput => ({ ...input(), signature });
  it("is the first row, and passes for a valid signature naming the certificate", () => {
    const results = lintClientAssertion(withSignature({ status: "valid", message: "Signature verifies with the certificate CN=a: …", subject: "CN=a" }));
    expect(results[0]).toMatchObject({ id: "signature-verifies", status: "pass", detail: "Checked with the public key of CN=a: signed by its private key, unchanged since.", fix: "" });
  });
  it("fails for an invalid signature, with the verdict as detail and a fix", () => {
    const message = "Signature does not verify with the certificate CN=a: the token was changed or signed by another key.";
    expect(rule(withSignature({ status: "invalid", message }), "signature-verifies")).toMatchObject({ status: "fail", detail: message, fix: expect.stringMatching(/private key that belongs to this certificate/) as unknown });
  });
  it("a truncated signature gets a 'copy the whole token' fix", () => {
    const message = "Signature does not verify with the certificate CN=a: it has 200 bytes, but the certificate's 2048-bit key makes 256-byte signatures — the token was cut short (truncated) when it was copied.";
    expect(rule(withSignature({ status: "invalid", message }), "signature-verifies").fix).toMatch(/Copy the whole token again/);
  });
  it.each(["not-checked", "unsupported"] as const)("warns when %s", (status) => {
    expect(rule(withSignature({ status, message: "Signature not checked: no certificate is loaded on this page to verify it with." }), "signature-verifies").status).toBe("warn");
  });
  it("is absent when no verdict is given", () => {
    expect(lintClientAssertion(input()).some((r) => r.id === "signature-verifies")).toBe(false);
  });
});

describe("lintAssertionTimes re-judges only the time rules, for a view on a timer", () => {
  it("returns lifetime and time-window, and the window moves with now", () => {
    const payload = input().payload;
    expect(lintAssertionTimes(payload, now).map((r) => [r.id, r.status])).toEqual([["lifetime", "pass"], ["time-window", "pass"]]);
    expect(lintAssertionTimes(payload, new Date((nowSeconds + 590 + 400) * 1000)).find((r) => r.id === "time-window")?.status).toBe("fail");
    expect(lintAssertionTimes(payload, now).find((r) => r.id === "time-window")?.detail).toBe("Expires in 10 min (exp 2025-01-02 03:13:55 UTC).");
  });
});
