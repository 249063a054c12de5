import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throwaway key and self-signed certificate, as PEM, plus where the certificate was written. */
export interface TestCertificate {
  /** PKCS#8 private key PEM. */
  key: string;
  /** X.509 certificate PEM. */
  cert: string;
  /** A file holding `cert` (for NODE_EXTRA_CA_CERTS or curl --cacert); removed by `dispose`. */
  certPath: string;
  dispose(): void;
}

export interface TestCertificateOptions {
  commonName?: string;
  /** RSA modulus length; default 2048. 1024 is for testing AADSTS50032. */
  keyBits?: number;
  /** subjectAltName, e.g. "IP:127.0.0.1"; omitted for client certificates. */
  subjectAltName?: string;
  days?: number;
}

/**
 * Creates an RSA key and a self-signed certificate with the `openssl` CLI (OpenSSL 3).
 * @example const tls = createTestCertificate({ subjectAltName: "IP:127.0.0.1" });
 */
export function createTestCertificate(options: TestCertificateOptions = {}): TestCertificate {
  const directory = mkdtempSync(join(tmpdir(), "workbench-cert-"));
  const keyPath = join(directory, "key.pem");
  const certPath = join(directory, "cert.pem");
  const args = [
    "req", "-x509", "-newkey", `rsa:${String(options.keyBits ?? 2048)}`, "-nodes", "-sha256",
    "-keyout", keyPath, "-out", certPath,
    "-subj", `/CN=${options.commonName ?? "127.0.0.1"}`,
    "-days", String(options.days ?? 1),
  ];
  if (options.subjectAltName) args.push("-addext", `subjectAltName=${options.subjectAltName}`);
  execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  return {
    key: readFileSync(keyPath, "utf8"),
    cert: readFileSync(certPath, "utf8"),
    certPath,
    dispose: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/** A certificate for an HTTPS server on 127.0.0.1 (CN and SAN IP:127.0.0.1), valid one day. */
export function createLoopbackTls(): TestCertificate {
  return createTestCertificate({ commonName: "127.0.0.1", subjectAltName: "IP:127.0.0.1,DNS:localhost" });
}

/** Writes `pem` to a temp file, e.g. to hand a CA to a spawned server through NODE_EXTRA_CA_CERTS. */
export function writeTempPem(pem: string): { path: string; dispose(): void } {
  const directory = mkdtempSync(join(tmpdir(), "workbench-pem-"));
  const path = join(directory, "ca.pem");
  writeFileSync(path, pem);
  return { path, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}
