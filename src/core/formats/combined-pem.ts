/**
 * The combined key + certificate PEM (`server-with-key.pem`).
 *
 * Layout: the private key first, then the certificate (then any chain). This is the file the
 * Azure CLI itself writes for `az ad sp create-for-rbac --create-cert` / `az ad app credential
 * reset --create-cert` (azure-cli, role/custom.py `_create_self_signed_cert`: "create a file with
 * both cert & key so users can use to login" — it writes the key, then the certificate) and
 * what `az login --service-principal --certificate <file>` reads back. OpenSSL, Python's
 * `ssl.load_cert_chain` and MSAL Python (`private_key` plus `public_certificate` for SNI) find
 * each block by its label, so the order only matters to tools that take "the first block".
 */
import { encodePem } from "./pem";

/** PKCS#8 `PRIVATE KEY` PEM followed by the `CERTIFICATE` PEM (and chain certificates, leaf first). */
export function encodeCertificateWithKeyPem(pkcs8Der: Uint8Array, certificateDer: Uint8Array, chainDers: Uint8Array[] = []): string {
  return [encodePem("PRIVATE KEY", pkcs8Der), encodePem("CERTIFICATE", certificateDer), ...chainDers.map((der) => encodePem("CERTIFICATE", der))].join("");
}

