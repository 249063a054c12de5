// jose is loaded by the first signing, not with the page: the settings form imports this module
// for ASSERTION_FORMS and the lifetime limits, and the first screen's JavaScript stays light.
import { bytesToBase64, utf8Encode } from "../encoding";
import { WorkbenchError } from "../errors";
import { exportPkcs8Der, importRsaPrivateKey, rsaModulusBits, RSASSA_SHA256 } from "../keys/rsa-keys";
import { assertEntraKeyRule } from "../keys/rsa-key-size";
import { computeThumbprints } from "../certificate/thumbprints";
import { parseTokenEndpoint, validateClientId, validateTenant } from "../token-request/token-endpoint";

/**
 * The two header forms Entra accepts (docs/entra.md, "The client assertion"):
 * classic RS256 + `x5t` (SHA-1), what MSAL Python's `{"thumbprint", "private_key"}` emits, and
 * current PS256 + `x5t#S256` (SHA-256), Microsoft's "certificate credentials" doc (2025) and MSAL.NET.
 */
export type AssertionForm = "RS256-x5t" | "PS256-x5t#S256";
export const ASSERTION_FORMS: readonly AssertionForm[] = ["RS256-x5t", "PS256-x5t#S256"];

/** MSAL Python, Node and .NET all sign for 600 s; Microsoft advises at most 10 minutes. */
export const DEFAULT_LIFETIME_SECONDS = 600;
export const ADVISED_MAX_LIFETIME_SECONDS = 600;
export const MAX_LIFETIME_SECONDS = 3600;

/** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt: JWS "PS256" (RFC 7518 §3.5). */
const RSA_PSS_SHA256: RsaHashedImportParams = { name: "RSA-PSS", hash: "SHA-256" };

/** JOSE header of a client assertion, keys in the order they are serialized (RFC 7515 §4.1). */
export interface ClientAssertionHeader {
  alg: "RS256" | "PS256";
  typ: "JWT";
  /** base64url SHA-1 of the certificate DER (RFC 7515 §4.1.7). */
  x5t?: string;
  /** base64url SHA-256 of the certificate DER (RFC 7515 §4.1.8). */
  "x5t#S256"?: string;
  /** The leaf certificate, standard base64 DER, not base64url (RFC 7515 §4.1.6). */
  x5c?: string[];
}

/** Claims of a client assertion (RFC 7523 §3; RFC 7519 §4.1), in the order they are serialized. */
export interface ClientAssertionClaims {
  aud: string;
  iss: string;
  sub: string;
  jti: string;
  nbf: number;
  iat: number;
  exp: number;
}

export interface ClientAssertionOptions {
  /** The credential's key; RSASSA-PKCS1-v1_5/SHA-256 as generated. PS256 needs it extractable, or the PKCS#8 below. */
  privateKey?: CryptoKey;
  /** PKCS#8 DER of the same key; used to re-import it for RSA-PSS. */
  privateKeyPkcs8Der?: Uint8Array;
  certificateDer: Uint8Array;
  clientId: string;
  /** The exact URL the token request goes to; it becomes `aud`. */
  tokenEndpoint: string;
  form: AssertionForm;
  lifetimeSeconds?: number;
  includeX5c?: boolean;
  /**
   * True when the page itself made the certificate with this key pair (Generate): the key↔certificate
   * check is then skipped, as it cannot fail, and the first assertion is signed sooner. Keys and certificates loaded from files are always checked.
   */
  keyMadeForCertificate?: boolean;
  now?: Date;
  jti?: string;
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

function validateLifetime(lifetimeSeconds: number, warnings: string[]): void {
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > MAX_LIFETIME_SECONDS) {
    throw new WorkbenchError(
      "ERR_INVALID_LIFETIME",
      `The lifetime must be a whole number of seconds from 1 to ${String(MAX_LIFETIME_SECONDS)}; 600 (10 minutes) is what MSAL uses and Entra advises.`,
    );
  }
  if (lifetimeSeconds > ADVISED_MAX_LIFETIME_SECONDS) {
    warnings.push(`A lifetime of ${String(lifetimeSeconds)} s is longer than Entra advises: Entra advises at most 10 minutes (600 s), as MSAL uses.`);
  }
}

function validateEndpoint(tokenEndpoint: string, warnings: string[]): void {
  let url: URL | undefined;
  try {
    url = new URL(tokenEndpoint);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:") {
    throw new WorkbenchError("ERR_INVALID_AUTHORITY", `The token endpoint "${tokenEndpoint}" is not an https URL; aud must be the exact URL the token request is posted to.`);
  }
  const parts = parseTokenEndpoint(tokenEndpoint);
  if (!parts) {
    warnings.push(`"${tokenEndpoint}" does not end in /{tenant}/oauth2/v2.0/token or /{tenant}/oauth2/token; Entra will refuse an aud that is not its token endpoint.`);
  } else {
    const tenantProblem = validateTenant(parts.tenant);
    if (tenantProblem) warnings.push(tenantProblem);
  }
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
  const warnings: string[] = [];
  const clientIdProblem = validateClientId(options.clientId);
  if (clientIdProblem) throw new WorkbenchError("ERR_INVALID_CLIENT_ID", clientIdProblem);
  const lifetime = options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  validateLifetime(lifetime, warnings);
  validateEndpoint(options.tokenEndpoint, warnings);
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new TypeError("now is not a valid Date");
  if (options.jti !== undefined && options.jti.trim() === "") throw new TypeError("jti must not be empty");

  const signingKey = await resolveSigningKey(options);
  assertEntraKeyRule({ algorithm: "RSA", rsaKeyBits: rsaModulusBits(signingKey) });
  if (!options.keyMadeForCertificate) await checkKeyBelongsToCertificate(options, signingKey);

  const thumbprints = await computeThumbprints(options.certificateDer);
  const header: ClientAssertionHeader =
    options.form === "PS256-x5t#S256"
      ? { alg: "PS256", typ: "JWT", "x5t#S256": thumbprints.x5tS256 }
      : { alg: "RS256", typ: "JWT", x5t: thumbprints.x5t };
  if (options.includeX5c) header.x5c = [bytesToBase64(options.certificateDer)];

  const issuedAt = Math.floor(now.getTime() / 1000);
  const clientId = options.clientId.trim();
  const payload: ClientAssertionClaims = {
    aud: options.tokenEndpoint,
    iss: clientId,
    sub: clientId,
    jti: options.jti ?? crypto.randomUUID(),
    nbf: issuedAt,
    iat: issuedAt,
    exp: issuedAt + lifetime,
  };

  const { CompactSign } = await import("jose");
  const jwt = await new CompactSign(utf8Encode(JSON.stringify(payload))).setProtectedHeader({ ...header }).sign(signingKey);
  const signingInput = jwt.slice(0, jwt.lastIndexOf("."));
  return { jwt, header, payload, signingInput, warnings };
}
