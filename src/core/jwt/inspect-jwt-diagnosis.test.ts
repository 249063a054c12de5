import { describe, expect, it } from "vitest";
import { generateCredential } from "../credential/generate-credential";
import { buildClientAssertion } from "../assertion/client-assertion";
import { inspectJwt } from "./inspect-jwt";

const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const tokenEndpoint = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";

describe("inspectJwt tells a signature by another key from a damaged token (RFC 8017 §8.1.1: length = modulus)", () => {
  it("names a different key size as another key, not as truncation", async () => {
    const [small, large] = await Promise.all([
      generateCredential({ keySize: 2048, subject: { commonName: "small" }, validityDays: 1 }),
      generateCredential({ keySize: 4096, subject: { commonName: "large" }, validityDays: 1 }),
    ]);
    const signedByLarge = await buildClientAssertion({ privateKey: large.key?.privateKey, privateKeyPkcs8Der: large.key?.pkcs8Der, certificateDer: large.certificateDer, clientId, tokenEndpoint, form: "RS256-x5t" });
    const result = await inspectJwt(signedByLarge.jwt, { certificateDer: small.certificateDer });
    if (!result.ok) throw new Error(result.problem);
    expect(result.signature.status).toBe("invalid");
    expect(result.signature.message).toMatch(/different \(4096-bit\) key/);
    expect(result.signature.message).not.toMatch(/truncated|appended/);
    const row = result.lint.find((item) => item.id === "signature-verifies");
    expect(row?.fix).not.toMatch(/Copy the whole token again/);
  });

  it("still calls a length no RSA key makes a truncation", async () => {
    const credential = await generateCredential({ keySize: 2048, subject: { commonName: "cut" }, validityDays: 1 });
    const { jwt } = await buildClientAssertion({ privateKey: credential.key?.privateKey, privateKeyPkcs8Der: credential.key?.pkcs8Der, certificateDer: credential.certificateDer, clientId, tokenEndpoint, form: "RS256-x5t" });
    const result = await inspectJwt(jwt.slice(0, -20), { certificateDer: credential.certificateDer });
    if (!result.ok) throw new Error(result.problem);
    expect(result.signature.message).toMatch(/truncated/);
  });

  it("points an access token from US Government at that cloud's published keys", async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const tid = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const token = `${b64({ alg: "RS256", typ: "JWT", kid: "k" })}.${b64({ aud: "https://graph.microsoft.us", iss: `https://login.microsoftonline.us/${tid}/v2.0`, tid, roles: ["x"], idtyp: "app", exp: 4102444800 })}.c2ln`;
    const result = await inspectJwt(token);
    if (!result.ok) throw new Error(result.problem);
    expect(result.signature.message).toContain(`https://login.microsoftonline.us/${tid}/discovery/v2.0/keys`);
  });
});
