// Test helper: PFX files of the shape an attacker would craft to make the import work for minutes, made from what OpenSSL
// writes and multiplied with node-forge's ASN.1 codec — never by the workbench's own exporter.
import { readFileSync } from "node:fs";
import forge from "node-forge";
import type { OpenSslWorkspace } from "./openssl";

/** The encryption options of the two crafted shapes the issue reports. */
export const CRAFTED_PFX_SCHEMES = {
  /** pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 Appendix C), as Windows and `openssl pkcs12 -legacy` write. */
  legacy3des: ["-legacy", "-certpbe", "PBE-SHA1-3DES"],
  /** PBES2 / PBKDF2-HMAC-SHA-256 / AES-256-CBC (RFC 8018), OpenSSL 3's default. */
  pbkdf2: ["-certpbe", "AES-256-CBC"],
} as const;

/**
 * OpenSSL's PFX holding `certificatePem`'s certificate in one EncryptedData part under `scheme` at
 * `iterations`, with `password`. The workspace must hold the certificate as `certificateFile`.
 */
export function opensslCertificatePfx(openssl: OpenSslWorkspace, certificateFile: string, scheme: readonly string[], iterations: number, password: string): Uint8Array {
  const name = `crafted-${String(iterations)}-${scheme.join("")}.pfx`;
  openssl.run(["pkcs12", "-export", ...scheme, "-iter", String(iterations), "-nokeys", "-in", certificateFile, "-out", name, "-passout", `pass:${password}`]);
  return new Uint8Array(readFileSync(openssl.path(name)));
}

function child(node: forge.asn1.Asn1 | undefined, index: number): forge.asn1.Asn1 | undefined {
  return Array.isArray(node?.value) ? node.value[index] : undefined;
}

/**
 * The same PFX with its EncryptedData part repeated `copies` times and no MAC (RFC 7292 §4: macData is
 * OPTIONAL; `openssl pkcs12 -nomac`). Each copy decrypts with the same password.
 */
export function repeatEncryptedPart(pfxDer: Uint8Array, copies: number): Uint8Array {
  const { asn1, util } = forge;
  const pfx = asn1.fromDer(util.createBuffer(util.binary.raw.encode(pfxDer)));
  const version = child(pfx, 0);
  const octets = child(child(child(pfx, 1), 1), 0);
  if (!version || typeof octets?.value !== "string") throw new Error("unexpected OpenSSL PFX layout");
  const parts = asn1.fromDer(util.createBuffer(octets.value)).value as forge.asn1.Asn1[];
  const encrypted = parts.find((info) => {
    const oid = child(info, 0);
    return typeof oid?.value === "string" && asn1.derToOid(util.createBuffer(oid.value)) === "1.2.840.113549.1.7.6";
  });
  if (!encrypted) throw new Error("OpenSSL's PFX has no EncryptedData part");
  const repeated = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, Array.from({ length: copies }, () => encrypted));
  const data = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(repeated).getBytes());
  const contentInfo = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer("1.2.840.113549.1.7.1").getBytes()),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [data]),
  ]);
  const rebuilt = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [version, contentInfo]);
  return util.binary.raw.decode(asn1.toDer(rebuilt).getBytes());
}
