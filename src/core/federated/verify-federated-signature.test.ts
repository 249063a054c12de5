import { beforeAll, describe, expect, it } from "vitest";
import { createTestIssuer, type TestIssuer } from "../../../test-support/federated-issuer";
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
});
