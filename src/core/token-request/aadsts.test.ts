import { describe, expect, it } from "vitest";
import { explainAadstsCode, explainTokenError } from "./aadsts";

// A real-shaped Entra error body (docs/entra.md, "The token request": error, error_description, error_codes, …).
const body700027 = {
  error: "invalid_client",
  error_description:
    "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: 'ABCD']\r\nTrace ID: x\r\nCorrelation ID: y\r\nTimestamp: 2025-01-02 03:04:05Z",
  error_codes: [700027],
  timestamp: "2025-01-02 03:04:05Z",
  trace_id: "x",
  correlation_id: "y",
};

describe("the AADSTS table covers the codes in docs/entra.md and the brief", () => {
  it.each([
    [700027, "certificate"],
    [700024, "clock"],
    [50012, "certificate"],
    [50013, "certificate"],
    [50048, "client-id"],
    [50032, "certificate"],
    [5002730, "assertion-form"],
    [700016, "client-id"],
    [90002, "tenant"],
    [500011, "scope"],
    [70011, "scope"],
    [7000218, "proxy"],
    [700025, "app-registration"],
    [7000213, "certificate"],
    [9002326, "proxy"],
    [7000215, "client-secret"],
    [7000222, "client-secret"],
    [700211, "federated"],
    [700212, "federated"],
    [700213, "federated"],
    [7002138, "federated"],
    [7000272, "federated"],
    [70021, "federated"],
  ])("AADSTS%i → field %s, with a meaning and a fix", (code, field) => {
    const explanation = explainAadstsCode(code);
    expect(explanation).toMatchObject({ code, field });
    expect(explanation?.meaning.length).toBeGreaterThan(10);
    expect(explanation?.fix.length).toBeGreaterThan(10);
  });

  it("returns undefined for a code it does not know", () => {
    expect(explainAadstsCode(12345)).toBeUndefined();
  });
});

describe("client secret and federated codes say the fix", () => {
  it("7000215 names the ID-for-value mistake; 7000222 says to add a new secret", () => {
    expect(explainAadstsCode(7000215)?.fix).toMatch(/Value .*not its Secret ID/);
    expect(explainAadstsCode(7000222)?.fix).toMatch(/new client secret/);
  });
  it("7002138 says the subject comparison is case-sensitive; 700213 does not", () => {
    expect(explainAadstsCode(7002138)?.meaning).toMatch(/case-sensitive/);
    expect(explainAadstsCode(700213)?.meaning).not.toMatch(/case/);
  });
});

describe("explainTokenError reads an Entra error body (RFC 6749 §5.2 + error_codes)", () => {
  it("takes error_codes[0]", () => {
    expect(explainTokenError(body700027)).toMatchObject({ code: 700027, field: "certificate" });
  });

  it("prefers error_codes[0] over the description", () => {
    expect(explainTokenError({ ...body700027, error_codes: [700024] })?.code).toBe(700024);
  });

  it("falls back to AADSTSnnnn in error_description, and accepts the body as JSON text or plain text", () => {
    expect(explainTokenError({ error: "invalid_request", error_description: "AADSTS9002326: Cross-origin token redemption…" })?.field).toBe("proxy");
    expect(explainTokenError(JSON.stringify(body700027))?.code).toBe(700027);
    expect(explainTokenError("upstream said AADSTS90002: Tenant not found")?.field).toBe("tenant");
  });

  it("explains an unknown code with its own description and Microsoft's lookup page", () => {
    const explanation = explainTokenError({ error_description: "AADSTS1234567: Something new happened.\r\nTrace ID: x", error_codes: [1234567] });
    expect(explanation).toEqual({
      code: 1234567,
      meaning: "Something new happened.",
      fix: "Look the code up at https://login.microsoftonline.com/error?code=1234567.",
      field: undefined,
    });
  });

  it.each([undefined, null, 42, "", "no code here", {}, { error: "invalid_client" }, { error_codes: ["x"] }, []])("returns undefined for %j", (body) => {
    expect(explainTokenError(body)).toBeUndefined();
  });
});
