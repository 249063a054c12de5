/**
 * What to sign when the key is kept elsewhere (Azure Key Vault, an HSM, a smart card): the header and
 * claims fixed now, the JWS signing input, and its SHA-256 digest in the two encodings signers take.
 */
import { bytesToBase64, bytesToBase64Url, toArrayBuffer, toBytes, utf8Encode } from "../encoding";
import { WorkbenchError } from "../errors";
import { assertEntraKeyRule } from "../keys/rsa-key-size";
import { buildAssertionContents, validateAssertionSettings, type AssertionContentsOptions } from "./assertion-contents";
import type { AssertionForm, ClientAssertionClaims, ClientAssertionHeader } from "./assertion-types";
import { readCertificateRsaKey } from "./certificate-rsa-key";

export type ExternalSigningOptions = AssertionContentsOptions;

export interface ExternalSigningRequest {
  form: AssertionForm;
  header: ClientAssertionHeader;
  payload: ClientAssertionClaims;
  /** ASCII(BASE64URL(UTF8(header)) || '.' || BASE64URL(payload)): the bytes the signature covers (RFC 7515 §5.1). */
  signingInput: string;
  /** SHA-256 of the signing input: RS256 and PS256 both sign this hash (RFC 7518 §3.3, §3.5). */
  digest: Uint8Array;
  /** The digest in standard base64, what `az keyvault key sign --digest` takes. */
  digestBase64: string;
  /** The digest in base64url, what the Key Vault REST `sign` operation takes as `value`. */
  digestBase64Url: string;
  /** The certificate's RSA modulus in bits: the signature is exactly this long, rounded up to bytes. */
  rsaKeyBits: number;
  warnings: string[];
}

/**
 * Fixes a client assertion's header and claims (a fresh `jti`, `iat`/`nbf`/`exp` from the lifetime)
 * from the certificate alone and says what a signer must sign. The same claims and header as
 * buildClientAssertion; only the signature is left to the key's keeper.
 *
 * @example
 * const request = await prepareExternalSigning({ certificateDer, clientId, tokenEndpoint, form: "PS256-x5t#S256" });
 * // az keyvault key sign --vault-name V --name K --algorithm PS256 --digest request.digestBase64
 */
export async function prepareExternalSigning(options: ExternalSigningOptions): Promise<ExternalSigningRequest> {
  const warnings = validateAssertionSettings(options);
  const key = await readCertificateRsaKey(options.certificateDer);
  if (!key) {
    throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This certificate's public key is not RSA: Entra accepts only RSA certificate credentials. Use an RSA key (2048 bits or more) in the vault.");
  }
  assertEntraKeyRule({ algorithm: "RSA", rsaKeyBits: key.bits });
  const { header, payload } = await buildAssertionContents(options, warnings);
  // JSON.stringify keeps the property order, as jose does when the page signs itself.
  const signingInput = `${bytesToBase64Url(utf8Encode(JSON.stringify(header)))}.${bytesToBase64Url(utf8Encode(JSON.stringify(payload)))}`;
  const digest = toBytes(await crypto.subtle.digest("SHA-256", toArrayBuffer(utf8Encode(signingInput))));
  return {
    form: options.form,
    header,
    payload,
    signingInput,
    digest,
    digestBase64: bytesToBase64(digest),
    digestBase64Url: bytesToBase64Url(digest),
    rsaKeyBits: key.bits,
    warnings,
  };
}
