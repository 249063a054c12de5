/**
 * The proof of possession Microsoft Graph's self-service key roll asks for
 * (POST /applications/{id}/addKey, https://learn.microsoft.com/graph/api/application-addkey; the token:
 * https://learn.microsoft.com/graph/application-rollkey-prooftoken): a JWT signed RS256 by a key whose
 * certificate is registered and valid, with
 *   aud  "00000002-0000-0000-c000-000000000000" (the Azure AD Graph application, as the doc fixes it),
 *   iss  the application's object ID (not its appId),
 *   nbf / exp at most 10 minutes apart,
 * and no "=" padding in any part (base64url, RFC 7515 §2). The header names the signing certificate by
 * x5t (its SHA-1, RFC 7515 §4.1.7) and kid, as the doc's sample does.
 */
import { bytesToBase64, bytesToBase64Url, bytesToHex, toArrayBuffer, toBytes } from "../encoding";
import { importRsaPrivateKey, RSASSA_SHA256 } from "../keys/rsa-keys";

export const ADD_KEY_PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000";
/** The doc's limit is 10 minutes between nbf and exp. */
export const ADD_KEY_PROOF_LIFETIME_SECONDS = 600;

const encodeJson = (value: unknown) => bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)));

export interface AddKeyProofOptions {
  /** The current (registered) key, PKCS#8 DER. */
  privateKeyPkcs8Der: Uint8Array;
  /** Its certificate (DER), for x5t and kid. */
  certificateDer: Uint8Array;
  /** The application's object ID. */
  objectId: string;
  now?: Date;
}

export async function createAddKeyProof(options: AddKeyProofOptions): Promise<string> {
  const sha1 = toBytes(await crypto.subtle.digest("SHA-1", toArrayBuffer(options.certificateDer)));
  const nbf = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = { alg: "RS256", typ: "JWT", x5t: bytesToBase64Url(sha1), kid: bytesToHex(sha1).toUpperCase() };
  const claims = { aud: ADD_KEY_PROOF_AUDIENCE, iss: options.objectId, nbf, exp: nbf + ADD_KEY_PROOF_LIFETIME_SECONDS };
  const signingInput = `${encodeJson(header)}.${encodeJson(claims)}`;
  // A non-extractable copy made for this one signature: the page's key object is not reused across algorithms.
  const key = await importRsaPrivateKey(options.privateKeyPkcs8Der, RSASSA_SHA256, false);
  const signature = toBytes(await crypto.subtle.sign(RSASSA_SHA256.name, key, new TextEncoder().encode(signingInput)));
  return `${signingInput}.${bytesToBase64Url(signature)}`;
}

/**
 * The addKey request body: the new certificate as keyCredential {type AsymmetricX509Cert, usage Verify,
 * key base64 DER}, passwordCredential null (only X509CertAndPassword needs one), and the proof.
 */
export function addKeyRequestBody(newCertificateDer: Uint8Array, proof: string): string {
  return JSON.stringify({ keyCredential: { type: "AsymmetricX509Cert", usage: "Verify", key: bytesToBase64(newCertificateDer) }, passwordCredential: null, proof }, null, 2);
}
