/**
 * Plain-words explanations of JOSE header parameters (RFC 7515 §4.1) and JWT claims
 * (RFC 7519 §4.1; Microsoft identity platform "access token claims reference").
 */

export const HEADER_EXPLANATIONS: Readonly<Record<string, string>> = {
  alg: "The signature algorithm (RFC 7515 §4.1.1). Entra accepts RS256 with x5t or PS256 with x5t#S256 for client assertions.",
  typ: "The media type of the token (RFC 7515 §4.1.9); JWT for a client assertion, at+jwt for some access tokens.",
  x5t: "SHA-1 thumbprint of the signing certificate, base64url (RFC 7515 §4.1.7). Entra finds the uploaded certificate by it.",
  "x5t#S256": "SHA-256 thumbprint of the signing certificate, base64url (RFC 7515 §4.1.8). Paired with PS256 in Microsoft's current form.",
  x5c: "The signing certificate itself (and possibly its chain), standard base64 DER (RFC 7515 §4.1.6); used for subject-name/issuer registration.",
  kid: "Key ID: which of the issuer's keys signed the token (RFC 7515 §4.1.4). Entra's access tokens name a key from its published keys.",
  nonce: "A value Microsoft Graph puts in its access tokens' header; such a token cannot be verified by anyone but Graph.",
  cty: "Content type of the payload (RFC 7515 §4.1.10); \"JWT\" only for nested tokens.",
  jku: "URL of the issuer's key set (RFC 7515 §4.1.2).",
  jwk: "The public key embedded in the header (RFC 7515 §4.1.3).",
  x5u: "URL of the signing certificate (RFC 7515 §4.1.5).",
  crit: "Header parameters the recipient must understand or reject the token (RFC 7515 §4.1.11).",
  enc: "Content encryption algorithm of an encrypted token (RFC 7516 §4.1.2).",
};

export const CLAIM_EXPLANATIONS: Readonly<Record<string, string>> = {
  aud: "Audience: who the token is for (RFC 7519 §4.1.3). In a client assertion, the exact token endpoint URL; in an access token, the API.",
  iss: "Issuer: who made the token (RFC 7519 §4.1.1). In a client assertion, the application (client) ID; in an access token, the Entra tenant's issuer URL.",
  sub: "Subject: whom the token is about (RFC 7519 §4.1.2). In a client assertion it must equal iss, the client ID.",
  jti: "JWT ID: a unique value so the token cannot be replayed (RFC 7519 §4.1.7). Use a fresh GUID per assertion.",
  nbf: "Not before: the token is not valid before this time (RFC 7519 §4.1.5).",
  iat: "Issued at: when the token was made (RFC 7519 §4.1.6).",
  exp: "Expiration: the token is not valid at or after this time (RFC 7519 §4.1.4). Entra advises at most 10 minutes for an assertion.",
  tid: "Tenant ID: the Entra tenant that issued the token.",
  appid: "Application ID of the client that asked for this token (v1 access tokens).",
  azp: "Authorized party: application ID of the client that asked for this token (v2 access tokens).",
  appidacr: "How the client authenticated (v1): 0 public client, 1 secret, 2 certificate.",
  azpacr: "How the client authenticated (v2): 0 public client, 1 secret, 2 certificate.",
  roles: "App roles granted to the caller; for the client credentials flow, the application permissions admin-consented.",
  scp: "Delegated scopes granted (only in tokens issued for a user).",
  oid: "Object ID of the caller in this tenant: the service principal for an app-only token.",
  ver: "Access token version: 1.0 or 2.0.",
  idtyp: "Identity type: \"app\" for an app-only token (client credentials), \"user\" for a delegated one.",
  uti: "Token identifier Entra uses internally (for revocation and diagnostics).",
  rh: "An opaque value Entra uses to revalidate tokens; ignore it.",
  wids: "Directory (admin) roles held by the caller.",
  groups: "Group object IDs of the caller.",
  name: "Display name of the user.",
  upn: "User principal name of the user.",
  preferred_username: "The user's sign-in name.",
  unique_name: "A display-friendly user identifier (v1).",
  app_displayname: "Display name of the client application.",
  idp: "The identity provider that authenticated the subject.",
  auth_time: "When the user last authenticated (OpenID Connect Core §2).",
  amr: "Authentication methods used.",
  acr: "Authentication context class.",
  nonce: "The value the client sent to bind the token to its request (OpenID Connect Core §2).",
  sid: "Session ID.",
  email: "E-mail address of the user.",
};

/** The explanation for a header parameter, with the alg value spelled out. */
export function explainHeaderField(name: string, value: unknown): string {
  const base = HEADER_EXPLANATIONS[name] ?? "Not a registered header parameter; the issuer defines its meaning.";
  if (name !== "alg" || typeof value !== "string") return base;
  const algorithms: Record<string, string> = {
    RS256: "RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3)",
    PS256: "RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32 (RFC 7518 §3.5)",
    HS256: "HMAC with SHA-256, a shared secret (RFC 7518 §3.2): not a certificate signature",
    none: "no signature at all (RFC 7518 §3.6)",
  };
  return algorithms[value] ? `${value}: ${algorithms[value]}. ${base}` : base;
}

export function explainClaim(name: string): string {
  if (CLAIM_EXPLANATIONS[name]) return CLAIM_EXPLANATIONS[name];
  if (name.startsWith("xms_")) return "A Microsoft-specific claim (xms_*) for Entra's own use.";
  return "Not a registered claim; the issuer defines its meaning.";
}

/** A NumericDate (RFC 7519 §2) shown three ways. */
export interface TimeDescription {
  utc: string;
  local: string;
  relative: string;
}

/** Claims holding a NumericDate (seconds since 1970-01-01T00:00:00Z UTC). */
export const TIME_CLAIMS: readonly string[] = ["exp", "nbf", "iat", "auth_time"];

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${String(seconds)} s`;
  if (seconds < 3600) return `${String(Math.floor(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${String(Math.floor(seconds / 3600))} h`;
  return `${String(Math.floor(seconds / 86400))} days`;
}

/** Describes a NumericDate relative to `now`; undefined when it is not a representable time. */
export function describeTime(claim: string, seconds: unknown, now: Date): TimeDescription | undefined {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) return undefined;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  const delta = Math.round(seconds - now.getTime() / 1000);
  const span = formatDuration(Math.abs(delta));
  const future = delta > 0;
  const relative =
    claim === "exp" ? (future ? `expires in ${span}` : `expired ${span} ago`)
    : claim === "nbf" ? (future ? `becomes valid in ${span}` : `valid since ${span} ago`)
    : claim === "iat" ? (future ? `issued ${span} in the future (clock ahead?)` : `issued ${span} ago`)
    : future ? `in ${span}` : `${span} ago`;
  return { utc: date.toISOString().replace(/\.000Z$/, "Z"), local: date.toLocaleString(), relative };
}
