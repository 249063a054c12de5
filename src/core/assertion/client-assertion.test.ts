import { constants, createPublicKey, verify, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRsaPrivateKey } from "../keys/rsa-keys";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { buildClientAssertion, type ClientAssertionOptions } from "./client-assertion";

const clientId = "00001111-aaaa-2222-bbbb-3333cccc4444";
const tokenEndpoint = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token";
const now = new Date("2025-01-02T03:04:05.678Z");
const nowSeconds = 1735787045;

let openssl: OpenSslWorkspace;
let pkcs8Der: Uint8Array;
let certificateDer: Uint8Array;
let privateKey: CryptoKey;
let publicKey: KeyObject;
let sha1Hex: string;
let sha256Hex: string;

function derOfPem(pem: string): Uint8Array {
  const der = decodePemBlocks(pem)[0]?.der;
  if (!der) throw new Error("no PEM block");
  return der;
}

function decodeSegment(jwt: string, index: number): string {
  return Buffer.from(jwt.split(".")[index] ?? "", "base64url").toString("utf8");
}

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=assertion-test", "-days", "2"]);
  pkcs8Der = derOfPem(openssl.run(["pkey", "-in", "key.pem"]));
  certificateDer = derOfPem(openssl.run(["x509", "-in", "cert.pem"]));
  publicKey = createPublicKey(openssl.run(["x509", "-in", "cert.pem", "-noout", "-pubkey"]));
  sha1Hex = parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]));
  sha256Hex = parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256"]));
});
beforeAll(async () => {
  privateKey = await importRsaPrivateKey(pkcs8Der);
});
afterAll(() => openssl.dispose());

function options(overrides: Partial<ClientAssertionOptions> = {}): ClientAssertionOptions {
  return { privateKey, certificateDer, clientId, tokenEndpoint, form: "RS256-x5t", now, ...overrides };
}

describe("classic form: RS256 + x5t (docs/entra.md, RFC 7518 §3.3, RFC 7515 §4.1.7)", () => {
  it("has exactly the header {alg, typ, x5t} with x5t = base64url of OpenSSL's SHA-1 fingerprint", async () => {
    const { jwt, header } = await buildClientAssertion(options());
    const x5t = Buffer.from(sha1Hex, "hex").toString("base64url");
    expect(decodeSegment(jwt, 0)).toBe(`{"alg":"RS256","typ":"JWT","x5t":"${x5t}"}`);
    expect(header).toEqual({ alg: "RS256", typ: "JWT", x5t });
  });

  it("signature verifies with node:crypto (PKCS#1 v1.5, SHA-256) and equals `openssl dgst -sha256 -sign`", async () => {
    const { jwt, signingInput } = await buildClientAssertion(options());
    const signature = Buffer.from(jwt.split(".")[2] ?? "", "base64url");
    expect(verify("sha256", Buffer.from(signingInput), publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.from(`${signingInput}x`), publicKey, signature)).toBe(false);
    openssl.write("input.txt", signingInput);
    openssl.run(["dgst", "-sha256", "-sign", "key.pem", "-out", "sig.bin", "input.txt"]);
    const opensslSignature = openssl.run(["base64", "-A", "-in", "sig.bin"]);
    expect(signature.toString("base64")).toBe(opensslSignature.trim());
  });

  it("signs with a non-extractable RSASSA key too", async () => {
    const nonExtractable = await importRsaPrivateKey(pkcs8Der, undefined, false);
    const { jwt, signingInput } = await buildClientAssertion(options({ privateKey: nonExtractable }));
    expect(verify("sha256", Buffer.from(signingInput), publicKey, Buffer.from(jwt.split(".")[2] ?? "", "base64url"))).toBe(true);
  });
});

describe("current form: PS256 + x5t#S256 (RFC 7518 §3.5: RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32)", () => {
  it("has exactly the header {alg, typ, x5t#S256} with the value of OpenSSL's SHA-256 fingerprint", async () => {
    const { jwt } = await buildClientAssertion(options({ form: "PS256-x5t#S256" }));
    const x5tS256 = Buffer.from(sha256Hex, "hex").toString("base64url");
    expect(decodeSegment(jwt, 0)).toBe(`{"alg":"PS256","typ":"JWT","x5t#S256":"${x5tS256}"}`);
  });

  it.each([
    ["an extractable RSASSA CryptoKey", (): Partial<ClientAssertionOptions> => ({ privateKey })],
    ["the PKCS#8 DER only", (): Partial<ClientAssertionOptions> => ({ privateKey: undefined, privateKeyPkcs8Der: pkcs8Der })],
  ])("signature from %s verifies with node:crypto PSS salt 32 and not with salt 20", async (_label, key) => {
    const { jwt, signingInput } = await buildClientAssertion(options({ form: "PS256-x5t#S256", ...key() }));
    const signature = Buffer.from(jwt.split(".")[2] ?? "", "base64url");
    const pss = { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING };
    expect(verify("sha256", Buffer.from(signingInput), { ...pss, saltLength: 32 }, signature)).toBe(true);
    expect(verify("sha256", Buffer.from(signingInput), { ...pss, saltLength: 20 }, signature)).toBe(false);
  });

  it("refuses PS256 for a non-extractable key without its PKCS#8 (ERR_UNSUPPORTED_KEY)", async () => {
    const nonExtractable = await importRsaPrivateKey(pkcs8Der, undefined, false);
    await expect(buildClientAssertion(options({ form: "PS256-x5t#S256", privateKey: nonExtractable }))).rejects.toMatchObject({ code: "ERR_UNSUPPORTED_KEY" });
  });
});

describe("claims (RFC 7523 §3, RFC 7519 §4.1, docs/entra.md)", () => {
  it("aud = the exact endpoint, iss = sub = client ID, nbf = iat = now in seconds, exp = +600, in that order", async () => {
    const { jwt, payload } = await buildClientAssertion(options({ jti: "5f1d3a1c-0000-4000-8000-000000000001" }));
    expect(decodeSegment(jwt, 1)).toBe(
      `{"aud":"${tokenEndpoint}","iss":"${clientId}","sub":"${clientId}","jti":"5f1d3a1c-0000-4000-8000-000000000001","nbf":${String(nowSeconds)},"iat":${String(nowSeconds)},"exp":${String(nowSeconds + 600)}}`,
    );
    expect(payload.exp - payload.nbf).toBe(600);
  });

  it("jti is a fresh random UUID on each call", async () => {
    const first = await buildClientAssertion(options());
    const second = await buildClientAssertion(options());
    expect(first.payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.payload.jti).not.toBe(second.payload.jti);
  });

  it("x5c carries the leaf as standard base64 DER, after the thumbprint", async () => {
    const { jwt, header } = await buildClientAssertion(options({ includeX5c: true }));
    openssl.run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"]);
    expect(header.x5c).toEqual([openssl.run(["base64", "-A", "-in", "cert.der"]).trim()]);
    expect(Object.keys(JSON.parse(decodeSegment(jwt, 0)) as object)).toEqual(["alg", "typ", "x5t", "x5c"]);
  });
});

describe("lifetime: 1..3600 s, default 600, warning above 600", () => {
  it("gives no warning at 600 and a warning at 601", async () => {
    expect((await buildClientAssertion(options({ lifetimeSeconds: 600 }))).warnings).toEqual([]);
    const { warnings, payload } = await buildClientAssertion(options({ lifetimeSeconds: 601 }));
    expect(warnings.join(" ")).toMatch(/Entra advises at most 10 minutes/);
    expect(payload.exp - payload.iat).toBe(601);
  });

  it.each([0, -1, 1.5, 3601, Number.NaN])("refuses %s with ERR_INVALID_LIFETIME", async (lifetimeSeconds) => {
    await expect(buildClientAssertion(options({ lifetimeSeconds }))).rejects.toMatchObject({ code: "ERR_INVALID_LIFETIME" });
  });

  it("accepts the bounds 1 and 3600", async () => {
    expect((await buildClientAssertion(options({ lifetimeSeconds: 1 }))).payload.exp).toBe(nowSeconds + 1);
    expect((await buildClientAssertion(options({ lifetimeSeconds: 3600 }))).payload.exp).toBe(nowSeconds + 3600);
  });
});

describe("refusals at the edge", () => {
  it("refuses a client ID that is not a GUID (ERR_INVALID_CLIENT_ID)", async () => {
    await expect(buildClientAssertion(options({ clientId: "my-app" }))).rejects.toMatchObject({ code: "ERR_INVALID_CLIENT_ID" });
  });

  it("refuses a token endpoint that is not https (ERR_INVALID_AUTHORITY) and warns on one without /oauth2/…/token", async () => {
    await expect(buildClientAssertion(options({ tokenEndpoint: "http://login.microsoftonline.com/x/oauth2/token" }))).rejects.toMatchObject({ code: "ERR_INVALID_AUTHORITY" });
    const { warnings } = await buildClientAssertion(options({ tokenEndpoint: "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/authorize" }));
    expect(warnings.join(" ")).toMatch(/oauth2\/v2\.0\/token/);
  });

  it("refuses a 1024-bit key, naming AADSTS50032 (ERR_INVALID_KEY_SIZE)", async () => {
    openssl.run(["req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "small.pem", "-out", "small.crt", "-subj", "/CN=small", "-days", "1"]);
    const attempt = buildClientAssertion(
      options({ privateKey: undefined, privateKeyPkcs8Der: derOfPem(openssl.run(["pkey", "-in", "small.pem"])), certificateDer: derOfPem(openssl.run(["x509", "-in", "small.crt"])) }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "ERR_INVALID_KEY_SIZE", message: expect.stringMatching(/AADSTS50032/) as unknown });
  });

  it("refuses a key that does not belong to the certificate (ERR_KEY_MISMATCH)", async () => {
    openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.pem"]);
    const otherKey = await importRsaPrivateKey(derOfPem(openssl.run(["pkey", "-in", "other.pem"])));
    await expect(buildClientAssertion(options({ privateKey: otherKey }))).rejects.toMatchObject({ code: "ERR_KEY_MISMATCH" });
  });
});
