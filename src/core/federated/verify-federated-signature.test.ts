import { beforeAll, describe, expect, it } from "vitest";
import { createTestIssuer, type TestIssuer } from "../../../test-support/federated-issuer";
import { MAX_JWKS_CHARS, MAX_JWKS_KEYS } from "../input-limits";
import { verifyFederatedSignature } from "./verify-federated-signature";

// Tokens are signed by jose with Node's keys: an issuer of the test's own, independent of our code.
let issuer: TestIssuer;
let jwks = "";
let token = "";

beforeAll(async () => {
  issuer = await createTestIssuer({ issuer: "https://issuer.test", subject: "system:serviceaccount:default:sa", kid: "k1" });
  jwks = issuer.jwksText;
  token = await issuer.token();
});

describe("verifyFederatedSignature", () => {
  it("without a JWKS says the signature is Entra's to check, naming AADSTS7000272", async () => {
    const check = await verifyFederatedSignature(token, "");
    expect(check.status).toBe("not-checked");
    expect(check.message).toContain("AADSTS7000272");
  });
  it("verifies with the issuer's key", async () => {
    expect(await verifyFederatedSignature(token, jwks)).toMatchObject({ status: "valid" });
  });
  it("a token signed by another key with the same kid is invalid", async () => {
    const forged = await issuer.forgedToken();
    expect(await verifyFederatedSignature(forged, jwks)).toMatchObject({ status: "invalid" });
  });
  it("a kid not in the JWKS is AADSTS7000272", async () => {
    const unknown = await issuer.token({ kid: "k2" });
    expect(await verifyFederatedSignature(unknown, jwks)).toMatchObject({ status: "unknown-kid", aadsts: 7000272 });
  });
  it("names a JWKS that is not one", async () => {
    expect(await verifyFederatedSignature(token, "{not json")).toMatchObject({ status: "invalid-jwks" });
    expect(await verifyFederatedSignature(token, '{"issuer":"x"}')).toMatchObject({ status: "invalid-jwks", message: expect.stringContaining("keys") as unknown });
  });

  it("names a JWKS nested 50,000 levels deep, quickly, instead of parsing it", async () => {
    const deep = `{"keys":[${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}]}`;
    const started = performance.now();
    const check = await verifyFederatedSignature(token, deep);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(check).toMatchObject({ status: "invalid-jwks" });
    expect(check.message).toContain("nests 50,002 levels deep");
  });
  it(`names a JWKS longer than ${String(MAX_JWKS_CHARS)} characters or with more than ${String(MAX_JWKS_KEYS)} keys`, async () => {
    const long = await verifyFederatedSignature(token, `{"keys":[],"x":"${"a".repeat(MAX_JWKS_CHARS)}"}`);
    expect(long).toMatchObject({ status: "invalid-jwks", message: expect.stringContaining("the page reads at most 1,048,576") as unknown });
    const many = await verifyFederatedSignature(token, JSON.stringify({ keys: Array.from({ length: MAX_JWKS_KEYS + 1 }, (_, index) => ({ kty: "oct", kid: String(index) })) }));
    expect(many).toMatchObject({ status: "invalid-jwks", message: expect.stringContaining("1,001 keys") as unknown });
    // The real key list still verifies when it is among up to MAX_JWKS_KEYS keys.
    const real = JSON.parse(jwks) as { keys: object[] };
    const padded = JSON.stringify({ keys: [...Array.from({ length: MAX_JWKS_KEYS - 1 }, (_, index) => ({ kty: "oct", k: "AAAA", kid: `o${String(index)}` })), ...real.keys] });
    expect(await verifyFederatedSignature(token, padded)).toMatchObject({ status: "valid" });
  });
});
