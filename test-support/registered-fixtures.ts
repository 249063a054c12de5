// Test fixtures: app registrations as az, Microsoft Graph and the admin center print them, written out
// by hand from their documented shapes (Graph keyCredential/passwordCredential/federatedIdentityCredential
// resource pages; az ad app credential list prints Graph's arrays unchanged). Certificates put into them
// come from the OpenSSL CLI (openssl-certificate below), never from the code under test.
import { readFileSync } from "node:fs";
import { createOpenSslWorkspace, parseOpenSslFingerprint } from "./openssl";

export interface OpenSslCertificate {
  /** base64 of the DER certificate, as Graph's `key`. */
  keyBase64: string;
  /** SHA-1 fingerprint as OpenSSL prints it, without colons. */
  sha1Hex: string;
  /** The key, PKCS#8 PEM. */
  privateKeyPem: string;
  certificatePem: string;
}

/** A fresh self-signed RSA certificate, made and fingerprinted by the OpenSSL CLI. */
export function opensslCertificate(options: { commonName: string; days?: number; bits?: number; organization?: string }): OpenSslCertificate {
  const workspace = createOpenSslWorkspace();
  try {
    const subject = `/CN=${options.commonName}${options.organization ? `/O=${options.organization}` : ""}`;
    workspace.run(["req", "-x509", "-newkey", `rsa:${String(options.bits ?? 2048)}`, "-nodes", "-sha256", "-keyout", "key.pem", "-out", "cert.pem", "-subj", subject, "-days", String(options.days ?? 365)]);
    workspace.run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"]);
    const sha1Hex = parseOpenSslFingerprint(workspace.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]));
    return {
      keyBase64: readFileSync(workspace.path("cert.der")).toString("base64"),
      sha1Hex,
      privateKeyPem: readFileSync(workspace.path("key.pem"), "utf8"),
      certificatePem: readFileSync(workspace.path("cert.pem"), "utf8"),
    };
  } finally {
    workspace.dispose();
  }
}

/** Base64 of a hex thumbprint's 20 bytes, as the Azure AD Graph manifest wrote customKeyIdentifier (Node's own base64). */
export function thumbprintBase64(sha1Hex: string): string {
  return Buffer.from(sha1Hex, "hex").toString("base64");
}

/** `az ad app credential list --id <appId> --cert`: Graph keyCredentials, `key` null in lists. */
export function azCertificateList(entries: { keyId: string; displayName: string; customKeyIdentifier: string | null; start: string; end: string; key?: string | null }[]): string {
  return JSON.stringify(
    entries.map((entry) => ({
      customKeyIdentifier: entry.customKeyIdentifier,
      displayName: entry.displayName,
      endDateTime: entry.end,
      key: entry.key ?? null,
      keyId: entry.keyId,
      startDateTime: entry.start,
      type: "AsymmetricX509Cert",
      usage: "Verify",
    })),
    null,
    2,
  );
}

/** `az ad app credential list --id <appId>` (no --cert): Graph passwordCredentials. */
export function azSecretList(entries: { keyId: string; displayName: string; hint: string; start: string; end: string }[]): string {
  return JSON.stringify(
    entries.map((entry) => ({ customKeyIdentifier: null, displayName: entry.displayName, endDateTime: entry.end, hint: entry.hint, keyId: entry.keyId, secretText: null, startDateTime: entry.start })),
    null,
    2,
  );
}

export const APP_OBJECT_ID = "8c3c2a1e-5b7d-4e0f-9a61-2f4d3c1b0a99";
export const APP_ID = "11111111-2222-3333-4444-555555555555";
