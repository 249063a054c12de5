import { readFileSync } from "node:fs";
import { createOpenSslWorkspace, selfSignedCertificateArgs } from "./openssl";

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
  const workspace = createOpenSslWorkspace();
  workspace.run(
    selfSignedCertificateArgs({
      keyPath: "key.pem",
      certPath: "cert.pem",
      commonName: options.commonName ?? "127.0.0.1",
      keyBits: options.keyBits,
      subjectAltName: options.subjectAltName,
      days: options.days ?? 1,
    }),
  );
  return {
    key: readFileSync(workspace.path("key.pem"), "utf8"),
    cert: readFileSync(workspace.path("cert.pem"), "utf8"),
    certPath: workspace.path("cert.pem"),
    dispose: () => workspace.dispose(),
  };
}

/** A certificate for an HTTPS server on 127.0.0.1 (CN and SAN IP:127.0.0.1), valid one day. */
export function createLoopbackTls(): TestCertificate {
  return createTestCertificate({ commonName: "127.0.0.1", subjectAltName: "IP:127.0.0.1,DNS:localhost" });
}
