import { generateKeyPairSync } from "node:crypto";
import { exportJWK, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyFederatedSignature } from "./verify-federated-signature";

// Tokens are signed by jose with Node's keys: an issuer of the test's own, independent of our code.
const issuerKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
let jwks = "";
let token = "";

beforeAll(async () => {
  jwks = JSON.stringify({ keys: [{ ...(await exportJWK(issuerKey.publicKey)), kid: "k1", alg: "RS256", use: "sig" }] });
  token = await new SignJWT({ sub: "system:serviceaccount:default:sa" }).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer("https://issuer.test").setAudience("api://AzureADTokenExchange").setExpirationTime("5m").sign(issuerKey.privateKey);
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
    const forged = await new SignJWT({ sub: "x" }).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(otherKey.privateKey);
    expect(await verifyFederatedSignature(forged, jwks)).toMatchObject({ status: "invalid" });
  });
  it("a kid not in the JWKS is AADSTS7000272", async () => {
    const unknown = await new SignJWT({ sub: "x" }).setProtectedHeader({ alg: "RS256", kid: "k2" }).sign(issuerKey.privateKey);
    expect(await verifyFederatedSignature(unknown, jwks)).toMatchObject({ status: "unknown-kid", aadsts: 7000272 });
  });
  it("names a JWKS that is not one", async () => {
    expect(await verifyFederatedSignature(token, "{not json")).toMatchObject({ status: "invalid-jwks" });
    expect(await verifyFederatedSignature(token, '{"issuer":"x"}')).toMatchObject({ status: "invalid-jwks", message: expect.stringContaining("keys") as unknown });
  });
});
