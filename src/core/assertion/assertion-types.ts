/** The shapes and limits of a client assertion, shared by signing on the page and signing elsewhere. */

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
export const RSA_PSS_SHA256: RsaHashedImportParams = { name: "RSA-PSS", hash: "SHA-256" };

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
