import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { selfSignedCertificateArgs } from "./openssl";

/**
 * The local mock Entra authority the end-to-end tests use. Its origin and TLS certificate are
 * fixed before the workbench server starts, so the server can be told about them the way a user
 * would: WORKBENCH_EXTRA_AUTHORITIES and NODE_EXTRA_CA_CERTS.
 */
export const MOCK_AUTHORITY_PORT = Number(process.env.E2E_MOCK_PORT ?? 8392);
export const MOCK_AUTHORITY_ORIGIN = `https://127.0.0.1:${String(MOCK_AUTHORITY_PORT)}`;

const tlsDirectory = join(process.cwd(), "e2e", ".tmp", "mock-tls");
const keyPath = join(tlsDirectory, "key.pem");
const certPath = join(tlsDirectory, "cert.pem");

/** Creates (once) the mock's TLS key and certificate for 127.0.0.1 and returns the paths. */
export function ensureMockAuthorityTls(): { keyPath: string; certPath: string } {
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(tlsDirectory, { recursive: true });
    execFileSync("openssl", selfSignedCertificateArgs({ keyPath, certPath, commonName: "127.0.0.1", subjectAltName: "IP:127.0.0.1,DNS:localhost", days: 30 }), {
      stdio: ["ignore", "ignore", "pipe"],
    });
  }
  return { keyPath, certPath };
}

export function readMockAuthorityTls(): { key: string; cert: string } {
  const paths = ensureMockAuthorityTls();
  return { key: readFileSync(paths.keyPath, "utf8"), cert: readFileSync(paths.certPath, "utf8") };
}
