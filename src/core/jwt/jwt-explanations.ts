/**
 * Plain-words explanations of JOSE header parameters (RFC 7515 §4.1) and JWT claims
 * (RFC 7519 §4.1; Microsoft identity platform "access token claims reference").
 */

import { formatDuration, isOutOfRangeNumericDate, numericDate, utcText } from "./time-window";

/** Transitional: assertion-lint.ts on this branch still imports it from here; its one home is ../time-window.ts. */

/**
 * An explanation by name from one of the tables below, or undefined. Own properties only: a claim called
 * `constructor` or `__proto__` must not find Object.prototype's members (which React cannot render).
 */
function lookup(table: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** What kind of JWT this looks like: an assertion a client signed, an access token Entra issued, or neither. */
export type JwtKind = "client-assertion" | "access-token" | "other";

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
  exp: "Expiration: the token is not valid at or after this time (RFC 7519 §4.1.4).",
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
  aio: "An opaque value Entra uses internally to reuse tokens; ignore it.",
  tenant_region_scope: "The region of the tenant that issued the token (e.g. NA, EU, AS).",
  xms_tcdt: "When the tenant was created (seconds since 1970), an Entra-internal claim.",
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

/** Explanations that only hold for one kind of token; they replace the general ones above. */
const KIND_HEADER_EXPLANATIONS: Readonly<Record<JwtKind, Readonly<Record<string, string>>>> = {
  "client-assertion": {
    alg: "The signature algorithm (RFC 7515 §4.1.1). Entra accepts RS256 with x5t or PS256 with x5t#S256 for client assertions.",
    typ: "The media type of the token (RFC 7515 §4.1.9); JWT for a client assertion.",
  },
  "access-token": {
    alg: "The signature algorithm (RFC 7515 §4.1.1); Entra signs its access tokens with RS256 and its own keys.",
    typ: "The media type of the token (RFC 7515 §4.1.9); JWT or at+jwt for an access token.",
    kid: "Key ID: which of Entra's signing keys signed this token (RFC 7515 §4.1.4); it is listed in the tenant's published keys (…/discovery/v2.0/keys).",
    x5t: "Thumbprint of Entra's signing key (RFC 7515 §4.1.7), the same key as kid — not your certificate.",
  },
  other: {
    alg: "The signature algorithm (RFC 7515 §4.1.1).",
  },
};

const KIND_CLAIM_EXPLANATIONS: Readonly<Record<JwtKind, Readonly<Record<string, string>>>> = {
  "client-assertion": {
    aud: "Audience (RFC 7519 §4.1.3): the exact token endpoint URL this assertion is posted to.",
    iss: "Issuer (RFC 7519 §4.1.1): the application (client) ID that signed the assertion.",
    sub: "Subject (RFC 7519 §4.1.2): must equal iss, the client ID (AADSTS50048 otherwise).",
    exp: "Expiration: not valid at or after this time (RFC 7519 §4.1.4). MSAL sets now + 600 s; Entra advises at most 10 minutes and allows about 5 minutes of clock skew.",
    nbf: "Not before: not valid before this time (RFC 7519 §4.1.5). MSAL sets it to now; Entra allows about 5 minutes of clock skew.",
  },
  "access-token": {
    aud: "Audience (RFC 7519 §4.1.3): the API this token is for (its App ID URI or application ID); only that API accepts it.",
    iss: "Issuer (RFC 7519 §4.1.1): the Entra tenant that issued the token (v1 https://sts.windows.net/{tid}/, v2 https://login.microsoftonline.com/{tid}/v2.0).",
    sub: "Subject (RFC 7519 §4.1.2): for an app-only token, the object ID of the client's service principal.",
    exp: "Expiration: APIs refuse the token at or after this time (RFC 7519 §4.1.4). Entra's access tokens last 60–90 minutes; ask for a new one (with a fresh assertion) when it expires.",
  },
  other: {},
};

/** The explanation for a header parameter, with the alg value spelled out; `kind` picks the wording that fits the token. */
export function explainHeaderField(name: string, value: unknown, kind?: JwtKind): string {
  const base = lookup(kind ? KIND_HEADER_EXPLANATIONS[kind] : undefined, name) ?? lookup(HEADER_EXPLANATIONS, name) ?? "Not a registered header parameter; the issuer defines its meaning.";
  if (name !== "alg" || typeof value !== "string") return base;
  const algorithms: Record<string, string> = {
    RS256: "RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3)",
    PS256: "RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32 (RFC 7518 §3.5)",
    HS256: "HMAC with SHA-256, a shared secret (RFC 7518 §3.2): not a certificate signature",
    none: "no signature at all (RFC 7518 §3.6)",
  };
  const algorithm = lookup(algorithms, value);
  return algorithm ? `${value}: ${algorithm}. ${base}` : base;
}

/** The explanation for a claim; `kind` picks the wording that fits the token (an assertion's advice never shows on an access token). */
export function explainClaim(name: string, kind?: JwtKind): string {
  const known = lookup(kind ? KIND_CLAIM_EXPLANATIONS[kind] : undefined, name) ?? lookup(CLAIM_EXPLANATIONS, name);
  if (known) return known;
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

/** Describes a NumericDate relative to `now`; undefined when it is not a representable time. */
export function describeTime(claim: string, value: unknown, now: Date): TimeDescription | undefined {
  const seconds = numericDate(value);
  if (seconds === undefined) {
    // A number no Date can hold is named, not dropped: it is what a crafted token carries.
    return isOutOfRangeNumericDate(value) ? { utc: "no date", local: "no date", relative: "out of the range of any date" } : undefined;
  }
  const date = new Date(seconds * 1000);
  const delta = Math.round(seconds - now.getTime() / 1000);
  const span = formatDuration(Math.abs(delta));
  const future = delta > 0;
  const relative =
    claim === "exp" ? (future ? `expires in ${span}` : `expired ${span} ago`)
    : claim === "nbf" ? (future ? `becomes valid in ${span}` : `valid since ${span} ago`)
    : claim === "iat" ? (future ? `issued ${span} in the future (clock ahead?)` : `issued ${span} ago`)
    : future ? `in ${span}` : `${span} ago`;
  return { utc: utcText(seconds), local: date.toLocaleString(), relative };
}

const JWE_HEADER_EXPLANATIONS: Readonly<Record<string, string>> = {
  alg: "Key management algorithm (RFC 7516 §4.1.1): how the content key was encrypted for the recipient (e.g. RSA-OAEP-256), not a signature.",
  enc: "Content encryption algorithm (RFC 7516 §4.1.2): how the payload itself was encrypted (e.g. A256GCM).",
  kid: "Key ID (RFC 7516 §4.1.6): which of the recipient's keys can decrypt the token.",
  typ: "The media type of the token (RFC 7516 §4.1.11).",
  cty: "Content type (RFC 7516 §4.1.12); \"JWT\" when a signed JWT is nested inside.",
  zip: "Compression applied before encryption (RFC 7516 §4.1.3).",
};

/** The explanation for a parameter of an encrypted token's protected header (RFC 7516 §4.1). */
export function explainJweHeaderField(name: string): string {
  return lookup(JWE_HEADER_EXPLANATIONS, name) ?? lookup(HEADER_EXPLANATIONS, name) ?? "Not a registered header parameter; the issuer defines its meaning.";
}
