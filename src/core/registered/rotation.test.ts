import { createPublicKey, verify, X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "../formats/pem";
import { opensslCertificate, APP_OBJECT_ID, type OpenSslCertificate } from "../../../test-support/registered-fixtures";
import { addKeyCurlCommand } from "./addkey-command";
import { ADD_KEY_PROOF_AUDIENCE, addKeyRequestBody, createAddKeyProof } from "./addkey-proof";
import type { RegisteredCertificate } from "./registered-credential";
import { certificateRotationSteps, secretRotationSteps } from "./rotation-steps";
import { describeSuccessor } from "./successor-options";

let current: OpenSslCertificate;
let big: OpenSslCertificate;
beforeAll(() => {
  current = opensslCertificate({ commonName: "daemon.contoso.com", organization: "Contoso", days: 180 });
  big = opensslCertificate({ commonName: "big", bits: 3072, days: 90 });
});

const der = (certificate: OpenSslCertificate) => new Uint8Array(Buffer.from(certificate.keyBase64, "base64"));
const pkcs8 = (certificate: OpenSslCertificate) => decodePemBlocks(certificate.privateKeyPem).find((block) => block.label === "PRIVATE KEY")?.der ?? new Uint8Array();
const row = (extra: Partial<RegisteredCertificate>): RegisteredCertificate => ({ kind: "certificate", keyId: "k", source: "test", ...extra });

describe("addKey's proof of possession, verified by Node's crypto", () => {
  it("RS256 by the current key, aud and iss as Graph asks, nbf/exp 10 minutes apart, no padding", async () => {
    const now = new Date("2026-12-05T12:00:00Z");
    const proof = await createAddKeyProof({ privateKeyPkcs8Der: pkcs8(current), certificateDer: der(current), objectId: APP_OBJECT_ID, now });
    const parts = proof.split(".");
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    const [header, claims, signature] = parts as [string, string, string];
    const certificate = new X509Certificate(Buffer.from(current.keyBase64, "base64"));
    expect(verify("RSA-SHA256", Buffer.from(`${header}.${claims}`), createPublicKey(certificate.publicKey.export({ type: "spki", format: "pem" })), Buffer.from(signature, "base64url"))).toBe(true);
    // A different certificate's key does not verify it.
    const otherKey = new X509Certificate(Buffer.from(big.keyBase64, "base64")).publicKey;
    expect(verify("RSA-SHA256", Buffer.from(`${header}.${claims}`), otherKey, Buffer.from(signature, "base64url"))).toBe(false);
    const decodedHeader = JSON.parse(Buffer.from(header, "base64url").toString()) as Record<string, unknown>;
    expect(decodedHeader).toMatchObject({ alg: "RS256", typ: "JWT", kid: current.sha1Hex, x5t: Buffer.from(current.sha1Hex, "hex").toString("base64url") });
    const decodedClaims = JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, number | string>;
    expect(decodedClaims).toEqual({ aud: ADD_KEY_PROOF_AUDIENCE, iss: APP_OBJECT_ID, nbf: now.getTime() / 1000, exp: now.getTime() / 1000 + 600 });
    expect(ADD_KEY_PROOF_AUDIENCE).toBe("00000002-0000-0000-c000-000000000000");
  });
  it("the request body holds the new certificate as base64 DER, passwordCredential null, and the proof", () => {
    const body = JSON.parse(addKeyRequestBody(der(big), "a.b.c")) as Record<string, unknown>;
    expect(body).toEqual({ keyCredential: { type: "AsymmetricX509Cert", usage: "Verify", key: big.keyBase64 }, passwordCredential: null, proof: "a.b.c" });
  });
  it("curl masks the access token until revealed, and uses $ACCESS_TOKEN without one", () => {
    const base = { graphResource: "https://graph.microsoft.com", objectId: APP_OBJECT_ID, body: "{}" };
    expect(addKeyCurlCommand({ ...base, accessToken: "eyJ.secret.token", revealToken: false })).not.toContain("eyJ.secret.token");
    expect(addKeyCurlCommand({ ...base, accessToken: "eyJ.secret.token", revealToken: true })).toContain("Bearer eyJ.secret.token");
    const command = addKeyCurlCommand({ ...base, revealToken: false });
    expect(command).toContain("$ACCESS_TOKEN");
    expect(command).toContain(`https://graph.microsoft.com/v1.0/applications/${APP_OBJECT_ID}/addKey`);
  });
});

describe("the successor's options", () => {
  it("from key: subject, key size and validity length of the old certificate (read by OpenSSL's own output)", () => {
    expect(describeSuccessor(row({ certificateDer: der(current) }))).toMatchObject({ subject: { commonName: "daemon.contoso.com", organization: "Contoso" }, keySize: 2048, validityDays: 180, from: { subject: "key", keySize: "key", validityDays: "key" } });
    expect(describeSuccessor(row({ certificateDer: der(big) }))).toMatchObject({ keySize: 3072, validityDays: 90 });
  });
  it("without key: the form's subject and key size, the registered dates' length", () => {
    const options = describeSuccessor(row({ startDateTime: "2026-01-01T00:00:00Z", endDateTime: "2026-04-01T00:00:00Z" }));
    expect(options).toMatchObject({ validityDays: 90, from: { subject: "form", keySize: "form", validityDays: "dates" } });
    expect(options.subject).toBeUndefined();
    expect(describeSuccessor(row({})).validityDays).toBeUndefined();
  });
  it("a lifetime over 10 years is cut to 3650 days and said so", () => {
    const options = describeSuccessor(row({ startDateTime: "2020-01-01T00:00:00Z", endDateTime: "2040-01-01T00:00:00Z" }));
    expect(options.validityDays).toBe(3650);
    expect(options.notes.join(" ")).toMatch(/3650/);
  });
});

describe("rotation steps, in order", () => {
  it("certificate: add with --append, deploy, test, delete the old keyId with --cert, reminder", () => {
    const steps = certificateRotationSteps({ appId: "app-1", oldKeyId: "old-key", newThumbprint: "ABC", newNotAfter: "2027-12-05T00:00:00Z" });
    expect(steps.map((step) => step.title)).toEqual(["Add the new certificate beside the old one", "Deploy the new key and thumbprint", "Test the token request with it", "Remove the old certificate", "Set a reminder for the new expiry"]);
    expect(steps[0]?.command).toBe(`az ad app credential reset --id 'app-1' --cert "@server.crt" --append`);
    expect(steps[3]?.command).toBe("az ad app credential delete --id 'app-1' --key-id 'old-key' --cert");
    expect(steps[4]?.detail).toContain("2027-12-05");
  });
  it("secret: add with --append --display-name --end-date, then delete the old keyId (no --cert)", () => {
    const steps = secretRotationSteps({ appId: "", oldKeyId: "s1", displayName: "ci", endDate: "2027-06-01" });
    expect(steps[0]?.command).toBe("az ad app credential reset --id <appId> --append --display-name 'ci (next)' --end-date 2027-06-01");
    expect(steps[3]?.command).toBe("az ad app credential delete --id <appId> --key-id 's1'");
  });
});
