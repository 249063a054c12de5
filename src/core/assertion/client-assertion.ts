// jose is loaded by the first signing, not with the page: the settings form imports this module
// for ASSERTION_FORMS and the lifetime limits, and the first screen's JavaScript stays light.
import { utf8Encode } from "../encoding";
import { WorkbenchError } from "../errors";
import { exportPkcs8Der, importRsaPrivateKey, rsaModulusBits, RSASSA_SHA256 } from "../keys/rsa-keys";
import { assertEntraKeyRule } from "../keys/rsa-key-size";
import { buildAssertionContents, validateAssertionSettings, type AssertionContentsOptions } from "./assertion-contents";
import { RSA_PSS_SHA256, type ClientAssertionClaims, type ClientAssertionHeader } from "./assertion-types";

/** What the header and claims are made from (assertion-contents.ts), and the key that signs them. */
export interface ClientAssertionOptions extends AssertionContentsOptions {
  /** The credential's key; RSASSA-PKCS1-v1_5/SHA-256 as generated. PS256 needs it extractable, or the PKCS#8 below. */
  privateKey?: CryptoKey;
  /** PKCS#8 DER of the same key; used to re-import it for RSA-PSS. */
  privateKeyPkcs8Der?: Uint8Array;
  /**
   * True when the page itself made the certificate with this key pair (Generate): the key↔certificate
   * check is then skipped, as it cannot fail, and the first assertion is signed sooner. Keys and certificates loaded from files are always checked.
   */
  keyMadeForCertificate?: boolean;
}

export interface ClientAssertion {
  /** The compact JWS (RFC 7515 §7.1): header.payload.signature. */
  jwt: string;
  header: ClientAssertionHeader;
  payload: ClientAssertionClaims;
  /** ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), the bytes signed (RFC 7515 §5.1). */
  signingInput: string;
  warnings: string[];
}

function isRsassaSha256(key: CryptoKey): boolean {
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  return algorithm.name === RSASSA_SHA256.name && algorithm.hash?.name === "SHA-256";
}

/** The key for the chosen form; PS256 needs the PKCS#8 re-imported, as a CryptoKey is bound to one algorithm. */
async function resolveSigningKey(options: ClientAssertionOptions): Promise<CryptoKey> {
  if (options.form === "RS256-x5t" && options.privateKey && isRsassaSha256(options.privateKey)) return options.privateKey;
  let pkcs8 = options.privateKeyPkcs8Der;
  if (!pkcs8 && options.privateKey?.extractable) pkcs8 = await exportPkcs8Der(options.privateKey);
  if (!pkcs8) {
    throw new WorkbenchError(
      "ERR_UNSUPPORTED_KEY",
      options.privateKey
        ? "This private key cannot be exported, so it cannot be re-imported for PS256: choose the RS256 + x5t form or load the key from its file."
        : "There is no private key to sign with: generate a credential or load the key file (server.pem).",
    );
  }
  try {
    return await importRsaPrivateKey(pkcs8, options.form === "PS256-x5t#S256" ? RSA_PSS_SHA256 : RSASSA_SHA256, true);
  } catch (error) {
    throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This private key could not be read as an RSA key; Entra certificate credentials need RSA.", { cause: error });
  }
}

/**
 * Refuses a key that does not belong to the certificate: Entra could not verify the assertion
 * (AADSTS700027). A key that cannot be exported and came without its PKCS#8 cannot be compared.
 */
async function checkKeyBelongsToCertificate(options: ClientAssertionOptions, signingKey: CryptoKey): Promise<void> {
  const pkcs8 = options.privateKeyPkcs8Der ?? (signingKey.extractable ? await exportPkcs8Der(signingKey) : undefined);
  if (!pkcs8) return;
  // key-match.ts brings the ASN.1 and X.509 parsers: loaded with the first check, not with the page.
  const { assertKeyMatchesCertificate } = await import("../keys/key-match");
  await assertKeyMatchesCertificate(pkcs8, options.certificateDer);
}

/**
 * Builds and signs the client assertion Entra expects for a certificate credential
 * (RFC 7523 §2.2 / §3; Microsoft identity platform "certificate credentials"): a compact JWS
 * (RFC 7515 §7.1) with `aud` = the exact token endpoint, `iss` = `sub` = client ID, a fresh `jti`,
 * `nbf` = `iat` = now and `exp` = now + lifetime (RFC 7519 §4.1), signed with jose.
 *
 * @example
 * const { jwt } = await buildClientAssertion({ privateKey, certificateDer, clientId,
 *   tokenEndpoint: tokenEndpointFor({ cloud: "public", tenant, version: "v2.0" }), form: "RS256-x5t" });
 */
export async function buildClientAssertion(options: ClientAssertionOptions): Promise<ClientAssertion> {
  const warnings = validateAssertionSettings(options);
  const signingKey = await resolveSigningKey(options);
  assertEntraKeyRule({ algorithm: "RSA", rsaKeyBits: rsaModulusBits(signingKey) });
  if (!options.keyMadeForCertificate) await checkKeyBelongsToCertificate(options, signingKey);
  const { header, payload } = await buildAssertionContents(options, warnings);

  const { CompactSign } = await import("jose");
  const jwt = await new CompactSign(utf8Encode(JSON.stringify(payload))).setProtectedHeader({ ...header }).sign(signingKey);
  const signingInput = jwt.slice(0, jwt.lastIndexOf("."));
  return { jwt, header, payload, signingInput, warnings };
}
