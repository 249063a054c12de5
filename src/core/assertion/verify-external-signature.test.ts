import { execFileSync } from "node:child_process";
import { constants, createPublicKey, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { externalSignCommands } from "./external-sign-commands";
import { prepareExternalSigning, type ExternalSigningRequest } from "./external-signing-input";
import type { AssertionForm } from "./assertion-types";
import { verifyExternalSignature } from "./verify-external-signature";

const clientId = "00001111-aaaa-2222-bbbb-3333cccc4444";
const tokenEndpoint = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token";
const PSS = ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32"];

let openssl: OpenSslWorkspace;
let certificateDer: Uint8Array;
let certificatePem: string;

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  // The key stays with OpenSSL, as it would in the vault: the page's side sees only the certificate.
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.pem", "-out", "cert.pem", "-subj", "/CN=vault-key", "-days", "2"]);
  openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.pem"]);
  openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072", "-out", "bigger.pem"]);
  certificatePem = openssl.run(["x509", "-in", "cert.pem"]);
  const der = decodePemBlocks(certificatePem)[0]?.der;
  if (!der) throw new Error("no certificate");
  certificateDer = der;
});
afterAll(() => openssl.dispose());

const prepare = (form: AssertionForm): Promise<ExternalSigningRequest> => prepareExternalSigning({ certificateDer, clientId, tokenEndpoint, form });

/** Signs `data` (written to a file) with OpenSSL and returns the signature as standard base64. */
function opensslSign(data: Uint8Array, args: string[]): string {
  openssl.write("in.bin", data);
  // dgst takes its file as the last argument; pkeyutl with -in.
  openssl.run(args[0] === "dgst" ? [...args, "-out", "sig.bin", "in.bin"] : [...args, "-in", "in.bin", "-out", "sig.bin"]);
  return openssl.run(["base64", "-A", "-in", "sig.bin"]);
}
const signDigest = (request: ExternalSigningRequest, { key = "server.pem", pss = request.header.alg === "PS256", extra = [] as string[] } = {}): string =>
  opensslSign(request.digest, ["pkeyutl", "-sign", "-inkey", key, "-pkeyopt", "digest:sha256", ...(pss ? PSS : []), ...extra]);

/** Node's verdict on the finished JWT, independent of the code under test. */
function nodeVerifies(jwt: string): boolean {
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const alg = (JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string }).alg;
  const publicKey = createPublicKey(certificatePem);
  const key = alg === "PS256" ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : publicKey;
  return verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
}

describe("a signature made elsewhere completes the assertion", () => {
  for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
    it(`${form}: every shape signers print is read, verified, and makes a JWT Node's crypto accepts`, async () => {
      const request = await prepare(form);
      const base64 = signDigest(request);
      const base64url = Buffer.from(base64, "base64").toString("base64url");
      const keyId = "https://contoso-kv.vault.azure.net/keys/app/0123456789abcdef";
      const shapes: [string, string][] = [
        [JSON.stringify({ algorithm: request.header.alg, keyId, signature: base64 }, null, 2), "az-cli"],
        [JSON.stringify({ kid: keyId, result: base64 }), "az-cli-result"],
        [JSON.stringify({ kid: keyId, value: base64url }), "key-vault-rest"],
        [base64.replace(/.{64}/g, "$&\n"), "base64"],
        [base64url, "base64url"],
        // A hex dump (xxd -p wraps at 60 columns) of exactly one signature.
        [Buffer.from(base64, "base64").toString("hex").replace(/.{60}/g, "$&\n"), "hex"],
      ];
      for (const [pasted, shape] of shapes) {
        const verdict = await verifyExternalSignature({ request, certificateDer, pasted });
        expect(verdict, shape).toMatchObject({ valid: true, shape });
        if (verdict.valid) {
          expect(verdict.jwt.startsWith(`${request.signingInput}.`)).toBe(true);
          expect(nodeVerifies(verdict.jwt), shape).toBe(true);
        }
      }
    });

    it(`${form}: the OpenSSL command the page shows, run as shown, signs what the page accepts`, async () => {
      const request = await prepare(form);
      const command = externalSignCommands(request).find((candidate) => candidate.id === "openssl");
      if (!command) throw new Error("no openssl command");
      const printed = runShell(command.code);
      const verdict = await verifyExternalSignature({ request, certificateDer, pasted: printed });
      expect(verdict).toMatchObject({ valid: true, shape: "base64" });
    });
  }
});

function runShell(script: string): string {
  // The commands are POSIX shell; sh runs them in the workspace where server.pem is.
  return execFileSync("sh", ["-c", script], { cwd: openssl.path("."), encoding: "utf8" });
}

describe("a signature that does not fit is refused with the reason", () => {
  it("not a signature", async () => {
    const request = await prepare("RS256-x5t");
    for (const pasted of ["hello there", "{\"kid\":\"x\"}", ""]) {
      expect(await verifyExternalSignature({ request, certificateDer, pasted })).toMatchObject({ valid: false, reason: "not-a-signature" });
    }
  });

  it("wrong length for the key: cut short, a 3072-bit key's, the digest itself", async () => {
    const request = await prepare("RS256-x5t");
    const base64 = signDigest(request);
    const cut = Buffer.from(base64, "base64").subarray(0, 200).toString("base64");
    expect(await verifyExternalSignature({ request, certificateDer, pasted: cut })).toMatchObject({ valid: false, reason: "wrong-length", message: expect.stringMatching(/200 bytes.*256-byte/) as unknown });
    const bigger = signDigest(request, { key: "bigger.pem" });
    expect(await verifyExternalSignature({ request, certificateDer, pasted: bigger })).toMatchObject({ valid: false, reason: "wrong-length", message: expect.stringMatching(/3072-bit key/) as unknown });
    expect(await verifyExternalSignature({ request, certificateDer, pasted: request.digestBase64 })).toMatchObject({ valid: false, reason: "wrong-length", message: expect.stringMatching(/digest itself/) as unknown });
  });

  it("made by another key of the same size", async () => {
    for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
      const request = await prepare(form);
      const verdict = await verifyExternalSignature({ request, certificateDer, pasted: signDigest(request, { key: "other.pem" }) });
      expect(verdict, form).toMatchObject({ valid: false, reason: "another-key" });
    }
  });

  it("made with the other algorithm or padding: RS256 for PS256 and back, PSS with another salt, SHA-1", async () => {
    const ps = await prepare("PS256-x5t#S256");
    expect(await verifyExternalSignature({ request: ps, certificateDer, pasted: signDigest(ps, { pss: false }) })).toMatchObject({ valid: false, reason: "other-algorithm", message: expect.stringMatching(/RS256/) as unknown });
    const rs = await prepare("RS256-x5t");
    expect(await verifyExternalSignature({ request: rs, certificateDer, pasted: signDigest(rs, { pss: true }) })).toMatchObject({ valid: false, reason: "other-algorithm", message: expect.stringMatching(/PS256/) as unknown });
    // OpenSSL without rsa_pss_saltlen:32 uses the longest salt that fits (222 bytes for 2048 bits).
    const maxSalt = opensslSign(ps.digest, ["pkeyutl", "-sign", "-inkey", "server.pem", "-pkeyopt", "digest:sha256", "-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:max"]);
    expect(await verifyExternalSignature({ request: ps, certificateDer, pasted: maxSalt })).toMatchObject({ valid: false, reason: "other-algorithm", message: expect.stringMatching(/222-byte salt.*rsa_pss_saltlen:32/) as unknown });
    const sha1 = opensslSign(new Uint8Array(20), ["pkeyutl", "-sign", "-inkey", "server.pem", "-pkeyopt", "digest:sha1"]);
    expect(await verifyExternalSignature({ request: rs, certificateDer, pasted: sha1 })).toMatchObject({ valid: false, reason: "other-algorithm", message: expect.stringMatching(/SHA-1/) as unknown });
  });

  it("header or claims changed since the digest was taken: a signature for an earlier start", async () => {
    for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
      const earlier = await prepare(form);
      const signature = signDigest(earlier);
      const now = await prepare(form);
      const verdict = await verifyExternalSignature({ request: now, earlier: [earlier], certificateDer, pasted: signature });
      expect(verdict, form).toMatchObject({ valid: false, reason: "changed", message: expect.stringContaining(earlier.payload.jti) as unknown });
      // Without the history it is still this key over another digest, not another key.
      expect(await verifyExternalSignature({ request: now, certificateDer, pasted: signature }), form).toMatchObject({ valid: false, reason: "other-digest" });
    }
  });

  it("the digest hashed again (openssl dgst -sign on the digest file) is named as such", async () => {
    for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
      const request = await prepare(form);
      const pss = form === "PS256-x5t#S256" ? ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"] : [];
      const doubled = opensslSign(request.digest, ["dgst", "-sha256", "-sign", "server.pem", ...pss]);
      expect(await verifyExternalSignature({ request, certificateDer, pasted: doubled }), form).toMatchObject({ valid: false, reason: "other-digest", message: expect.stringMatching(/hashed again/) as unknown });
    }
  });

  it("the signing input itself signed with openssl dgst -sign is the same signature, and accepted", async () => {
    const request = await prepare("RS256-x5t");
    const direct = opensslSign(new TextEncoder().encode(request.signingInput), ["dgst", "-sha256", "-sign", "server.pem"]);
    expect(await verifyExternalSignature({ request, certificateDer, pasted: direct })).toMatchObject({ valid: true });
  });
});
