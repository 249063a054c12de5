import { createHash, createPublicKey, constants, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { buildClientAssertion } from "./client-assertion";
import { importRsaPrivateKey } from "../keys/rsa-keys";
import { prepareExternalSigning, type ExternalSigningOptions } from "./external-signing-input";

const clientId = "00001111-aaaa-2222-bbbb-3333cccc4444";
const tokenEndpoint = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token";
const now = new Date("2025-01-02T03:04:05.678Z");

let openssl: OpenSslWorkspace;
let certificateDer: Uint8Array;
let certificatePem: string;

const derOfPem = (pem: string): Uint8Array => {
  const der = decodePemBlocks(pem)[0]?.der;
  if (!der) throw new Error("no PEM block");
  return der;
};
const options = (overrides: Partial<ExternalSigningOptions> = {}): ExternalSigningOptions => ({ certificateDer, clientId, tokenEndpoint, form: "RS256-x5t", now, jti: "jti-1", ...overrides });
const segment = (text: string, index: number): unknown => JSON.parse(Buffer.from(text.split(".")[index] ?? "", "base64url").toString("utf8"));

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=external-sign", "-days", "2"]);
  certificatePem = openssl.run(["x509", "-in", "cert.pem"]);
  certificateDer = derOfPem(certificatePem);
});
afterAll(() => openssl.dispose());

describe("what to sign elsewhere (RFC 7515 §5.1)", () => {
  it("the digest is Node's SHA-256 of the signing input, in standard base64 and base64url", async () => {
    const request = await prepareExternalSigning(options());
    const digest = createHash("sha256").update(request.signingInput, "ascii").digest();
    expect(Buffer.from(request.digest).equals(digest)).toBe(true);
    expect(request.digestBase64).toBe(digest.toString("base64"));
    expect(request.digestBase64Url).toBe(digest.toString("base64url"));
    expect(request.digestBase64).toMatch(/=$/);
    expect(request.digestBase64Url).not.toMatch(/[=+/]/);
  });

  it("header and claims are what Entra expects: x5t from OpenSSL's SHA-1 fingerprint, aud, iss = sub, exp = iat + lifetime", async () => {
    const sha1 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]));
    const request = await prepareExternalSigning(options({ lifetimeSeconds: 300 }));
    expect(segment(request.signingInput, 0)).toEqual({ alg: "RS256", typ: "JWT", x5t: Buffer.from(sha1, "hex").toString("base64url") });
    const iat = Math.floor(now.getTime() / 1000);
    expect(segment(request.signingInput, 1)).toEqual({ aud: tokenEndpoint, iss: clientId, sub: clientId, jti: "jti-1", nbf: iat, iat, exp: iat + 300 });
    expect(request.rsaKeyBits).toBe(2048);
  });

  it("PS256 carries x5t#S256 from OpenSSL's SHA-256 fingerprint and x5c when asked", async () => {
    const sha256 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256"]));
    const request = await prepareExternalSigning(options({ form: "PS256-x5t#S256", includeX5c: true }));
    expect(segment(request.signingInput, 0)).toEqual({ alg: "PS256", typ: "JWT", "x5t#S256": Buffer.from(sha256, "hex").toString("base64url"), x5c: [Buffer.from(certificateDer).toString("base64")] });
  });

  it("is byte for byte what the page signs itself with the key, so one signature fits both", async () => {
    const privateKey = await importRsaPrivateKey(derOfPem(openssl.run(["pkey", "-in", "key.pem"])));
    for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
      const request = await prepareExternalSigning(options({ form }));
      const signed = await buildClientAssertion({ ...options({ form }), privateKey, privateKeyPkcs8Der: derOfPem(openssl.run(["pkey", "-in", "key.pem"])) });
      expect(request.signingInput).toBe(signed.signingInput);
    }
  });

  it("a signature OpenSSL makes over the digest verifies over the signing input with Node's crypto (what Entra checks)", async () => {
    const publicKey = createPublicKey(certificatePem);
    for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
      const request = await prepareExternalSigning(options({ form }));
      openssl.write("digest.bin", request.digest);
      const pss = form === "PS256-x5t#S256" ? ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32"] : [];
      const signature = execSignature(["pkeyutl", "-sign", "-inkey", "key.pem", "-in", "digest.bin", "-pkeyopt", "digest:sha256", ...pss]);
      const key = form === "PS256-x5t#S256" ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : publicKey;
      expect(verify("sha256", Buffer.from(request.signingInput), key, signature), form).toBe(true);
    }
  });

  it("refuses what Entra refuses, naming the fix: a 1024-bit certificate, an EC certificate, a bad client ID", async () => {
    openssl.run(["req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "small.pem", "-out", "small.crt", "-subj", "/CN=small", "-days", "2"]);
    await expect(prepareExternalSigning(options({ certificateDer: derOfPem(openssl.run(["x509", "-in", "small.crt"])) }))).rejects.toThrow(/2048/);
    openssl.run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ec.pem", "-out", "ec.crt", "-subj", "/CN=ec", "-days", "2"]);
    await expect(prepareExternalSigning(options({ certificateDer: derOfPem(openssl.run(["x509", "-in", "ec.crt"])) }))).rejects.toThrow(/only RSA/);
    await expect(prepareExternalSigning(options({ clientId: "not a guid" }))).rejects.toMatchObject({ code: "ERR_INVALID_CLIENT_ID" });
  });

  it("every start has a new jti and digest", async () => {
    const first = await prepareExternalSigning({ certificateDer, clientId, tokenEndpoint, form: "RS256-x5t" });
    const second = await prepareExternalSigning({ certificateDer, clientId, tokenEndpoint, form: "RS256-x5t" });
    expect(first.payload.jti).not.toBe(second.payload.jti);
    expect(first.digestBase64).not.toBe(second.digestBase64);
  });
});

function execSignature(args: string[]): Buffer {
  const path = openssl.path("signature.bin");
  openssl.run([...args, "-out", path]);
  return Buffer.from(openssl.run(["base64", "-A", "-in", path]), "base64");
}
