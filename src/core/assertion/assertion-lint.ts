import { base64UrlToBytes, bytesToHex } from "../encoding";
import { ENTRA_KEY_RULE, ENTRA_KEY_RULE_FIX, entraKeyRuleProblem } from "../keys/rsa-key-size";
import type { CertificateThumbprints } from "../certificate/thumbprints";
import { isGuid } from "../../entra/tenant";
import { parseTokenEndpoint, validateTenant } from "../token-request/token-endpoint";
import { capitalize, CLOCK_SKEW_WORDS, describeSkewAllowance, describeWindowTiming, formatDuration, numericDate, placeInTimeWindow } from "../jwt/time-window";

/** One checklist line: a stable `id` the UI and tests key on, a verdict, and what to do about it. */
export interface LintResult {
  id: string;
  status: "pass" | "fail" | "warn";
  title: string;
  detail: string;
  fix: string;
}

export interface LintInput {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The certificate the assertion should name; enables the thumbprint-match rule. */
  certificateThumbprints?: Pick<CertificateThumbprints, "x5t" | "x5tS256">;
  /** The certificate's RSA modulus length; enables the key-size rule. */
  certificateKeyBits?: number;
  /** The signature verdict (see inspectJwt); enables the signature-verifies rule. */
  signature?: SignatureVerdict;
  now: Date;
}

/** What the signature check found, as inspectJwt reports it. */
export interface SignatureVerdict {
  status: "valid" | "invalid" | "not-checked" | "unsupported";
  message: string;
  /** The certificate's subject, to say what it was checked against. */
  subject?: string;
}

const CLOUD_NAMES = { public: "public cloud", usgov: "US Government cloud", china: "China (21Vianet) cloud", custom: "custom authority" };

type Verdict = [LintResult["status"], string, string?];

function result(id: string, title: string, [status, detail, fix = ""]: Verdict): LintResult {
  return { id, status, title, detail, fix: status === "pass" ? "" : fix };
}

/**
 * The most characters of a token's value that one check's sentence quotes: enough to recognise it, while a
 * crafted 100 KB value makes neither a 100 KB sentence nor a long layout of the checklist that freezes the page.
 */
const MAX_QUOTED_CHARS = 120;

/** A value as JSON for a sentence, cut with its size when longer than MAX_QUOTED_CHARS; undefined stays undefined, as with JSON.stringify. */
function quote(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined || json.length <= MAX_QUOTED_CHARS) return json as string;
  return `${json.slice(0, MAX_QUOTED_CHARS)}… (${json.length.toLocaleString("en-US")} characters)`;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function lintAud(aud: unknown): LintResult[] {
  const title = "aud is the token endpoint";
  const fix = "Set aud to the exact URL the request is posted to, e.g. https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token.";
  const single = Array.isArray(aud) && aud.length === 1 ? str(aud[0]) : str(aud);
  const parts = single === undefined ? undefined : parseTokenEndpoint(single);
  if (!parts) {
    const shown = aud === undefined ? "missing" : quote(aud);
    return [result("aud-token-endpoint", title, ["fail", `aud is ${shown}, not a token endpoint; Entra rejects an assertion whose audience is not its token endpoint (AADSTS700016/50012).`, fix])];
  }
  const where = `the ${parts.version} token endpoint of the ${CLOUD_NAMES[parts.cloud]} (${parts.origin})`;
  const first: LintResult = Array.isArray(aud)
    ? result("aud-token-endpoint", title, ["warn", `aud is an array holding ${where}; MSAL sends a single string.`, "Send aud as a plain string."])
    : result("aud-token-endpoint", title, ["pass", `It is ${where}.`]);
  const tenantProblem = validateTenant(parts.tenant);
  const tenant = result("aud-tenant", "aud names a real tenant", tenantProblem ? ["fail", tenantProblem, "Put the tenant ID or a verified domain in the endpoint path."] : ["pass", `The tenant in aud is ${parts.tenant}.`]);
  return [first, tenant];
}

function lintIssuer(payload: Record<string, unknown>): LintResult[] {
  const iss = str(payload.iss);
  const sub = str(payload.sub);
  return [
    result("iss-equals-sub", "iss equals sub", iss !== undefined && iss === sub
      ? ["pass", `Both are ${quote(iss)}.`]
      : ["fail", `iss is ${quote(payload.iss) ?? "missing"} and sub is ${quote(payload.sub) ?? "missing"}; Entra requires both to be the client ID (AADSTS50048).`, "Set iss and sub to the Application (client) ID."]),
    result("iss-client-id", "iss is an application (client) ID", iss !== undefined && isGuid(iss)
      ? ["pass", `${iss ?? ""} has the GUID form of a client ID.`]
      : ["fail", `iss is ${quote(payload.iss) ?? "missing"}, not a GUID; it must be the Application (client) ID.`, "Copy the Application (client) ID from the app registration's Overview page."]),
    result("jti-present", "jti is present", str(payload.jti)?.trim()
      ? ["pass", `jti is ${quote(payload.jti)}.`]
      : ["fail", "There is no jti; Entra uses it to refuse a replayed assertion.", "Add jti with a fresh GUID for each assertion."]),
  ];
}

/**
 * The time rules (lifetime, time-window) alone: cheap and synchronous, so a view can re-run them as the
 * clock moves without verifying the signature again. Entra tolerates about five minutes of skew.
 *
 * @example lintAssertionTimes(inspection.payload, new Date())
 */
export function lintAssertionTimes(payload: Record<string, unknown>, now: Date): LintResult[] {
  const exp = numericDate(payload.exp);
  const start = numericDate(payload.nbf) ?? numericDate(payload.iat);
  const fix = "Sign a fresh assertion with nbf = iat = now and exp = now + 600, from a clock set to UTC.";
  if (exp === undefined || start === undefined) {
    const missing = exp === undefined ? "exp" : "nbf and iat";
    const verdict: Verdict = ["fail", `The assertion has no numeric ${missing}; Entra needs a time window (AADSTS700024).`, fix];
    return [result("lifetime", LIFETIME_TITLE, verdict), result("time-window", WINDOW_TITLE, verdict)];
  }
  const lifetime = exp - start;
  const spanned = `exp is ${String(lifetime)} s after ${numericDate(payload.nbf) === undefined ? "iat" : "nbf"}`;
  const lifetimeVerdict: Verdict =
    lifetime <= 0 ? ["fail", `exp is ${String(-lifetime)} s before nbf/iat: the assertion is never valid.`, fix]
    : lifetime <= 600 ? ["pass", `${spanned} (${formatDuration(lifetime)}).`]
    : lifetime <= 3600 ? ["warn", `${spanned} (${formatDuration(lifetime)}); MSAL uses 600 s.`, "Use a lifetime of 600 s or less."]
    : ["fail", `${spanned} (${formatDuration(lifetime)}), more than an hour.`, "Use a lifetime of 600 s or less."];
  const position = placeInTimeWindow({ notBefore: start, expires: exp }, now);
  const when = capitalize(describeWindowTiming(position));
  const skew = describeSkewAllowance(position);
  const refused = `beyond Entra's ${CLOCK_SKEW_WORDS}: Entra will refuse it with AADSTS700024.`;
  const window: Verdict =
    position.state === "valid" ? ["pass", `${when}.`]
    : position.state === "expired" ? (skew ? ["warn", `${when}. ${skew}; after that it answers AADSTS700024.`, fix] : ["fail", `${when}, ${refused}`, fix])
    : skew ? ["warn", `nbf is ${formatDuration(position.seconds)} in the future; ${skew}.`, "Check that the signing clock is set correctly (UTC)."]
    : ["fail", `${when}, ${refused} The signing clock is probably ahead.`, fix];
  return [result("lifetime", LIFETIME_TITLE, lifetimeVerdict), result("time-window", WINDOW_TITLE, window)];
}

const LIFETIME_TITLE = "Lifetime is at most 10 minutes";
const WINDOW_TITLE = "Valid now (nbf ≤ now < exp, ~5 min skew)";

/** " (SHA-1 hex 3F25…)" for a base64url value that decodes to a digest of that size; "" for anything else. */
function asHexThumbprint(value: unknown, digestBytes: number, digest: string): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]+$/.test(value) || value.length % 4 === 1) return "";
  const bytes = base64UrlToBytes(value);
  return bytes.length === digestBytes ? ` (${digest} hex ${bytesToHex(bytes).toUpperCase()})` : "";
}

/** Judges a thumbprint header value: the mistakes users make are named (RFC 7515 §4.1.7/§4.1.8). */
function judgeThumbprint(name: "x5t" | "x5t#S256", value: unknown): Verdict {
  const [expectedBytes, digest] = name === "x5t" ? [20, "SHA-1"] : [32, "SHA-256"];
  const fix = `Put base64url(${digest}(certificate DER)) in ${name}: ${String(Math.ceil((expectedBytes * 4) / 3))} characters of A–Z a–z 0–9 - _.`;
  if (typeof value !== "string") return ["fail", `${name} is ${quote(value)}, not a string.`, fix];
  if (/^[0-9a-f]{40}$/i.test(value) || /^[0-9a-f]{64}$/i.test(value) || /^([0-9a-f]{2}:)+[0-9a-f]{2}$/i.test(value)) {
    return ["fail", `${name} holds a hex thumbprint (${String(value.replace(/:/g, "").length)} hex digits); the portal's hex thumbprint must be base64url-encoded bytes, not hex text.`, fix];
  }
  if (/[+/=]/.test(value)) return ["fail", `${name} is standard base64 (it contains + / or =); JWS headers need base64url without padding (RFC 7515 §2).`, fix];
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length % 4 === 1) return ["fail", `${name} is not base64url.`, fix];
  const bytes = Math.floor((value.length * 3) / 4);
  if (name === "x5t" && bytes === 32) {
    return ["fail", "x5t holds a SHA-256 digest; Entra expects SHA-1 in x5t (AADSTS700027) — use x5t#S256 for SHA-256.", "Put the SHA-1 thumbprint in x5t, or send the SHA-256 one as x5t#S256 with PS256."];
  }
  if (name === "x5t#S256" && bytes === 20) return ["fail", "x5t#S256 holds a SHA-1 digest; it must be the SHA-256 of the certificate — use x5t for SHA-1.", fix];
  if (bytes !== expectedBytes) return ["fail", `${name} decodes to ${String(bytes)} bytes; a ${digest} thumbprint has ${String(expectedBytes)}.`, fix];
  return ["pass", `${String(value.length)} base64url characters, decoding to the ${String(expectedBytes)} bytes of a ${digest} digest.`];
}

function lintHeader(input: LintInput): LintResult[] {
  const { header } = input;
  const alg = header.alg;
  const hasX5t = header.x5t !== undefined;
  const hasS256 = header["x5t#S256"] !== undefined;
  const results: LintResult[] = [];
  results.push(result("alg-allowed", "alg is RS256 or PS256", alg === "RS256" || alg === "PS256"
    ? ["pass", alg === "RS256" ? "RS256: RSASSA-PKCS1-v1_5 with SHA-256, signed by the certificate's key." : "PS256: RSASSA-PSS with SHA-256, signed by the certificate's key."]
    : ["fail", `alg is ${quote(alg)}; Entra certificate credentials need an RSA signature by the certificate's key (${alg === "none" ? "none means unsigned" : typeof alg === "string" && alg.startsWith("HS") ? "HS* uses a shared secret, not the certificate" : "RS256 or PS256 only"}).`, "Sign with RS256 (x5t) or PS256 (x5t#S256)."]));
  results.push(result("typ-jwt", "typ is JWT", header.typ === "JWT"
    ? ["pass", "The header declares \"typ\": \"JWT\", as MSAL sends."]
    : header.typ === undefined ? ["warn", "There is no typ; MSAL always sends typ JWT.", "Add \"typ\": \"JWT\"."]
    : ["fail", `typ is ${quote(header.typ)}; a client assertion is typ JWT (RFC 7519 §5.1).`, "Set \"typ\": \"JWT\"."]));
  results.push(result("thumbprint-header-present", "A thumbprint header names the certificate", hasX5t || hasS256
    ? ["pass", `The header has ${[hasX5t && "x5t", hasS256 && "x5t#S256"].filter(Boolean).join(" and ")}.`]
    : ["fail", "There is neither x5t nor x5t#S256; Entra finds the certificate by its thumbprint (AADSTS700027).", "Add x5t (RS256) or x5t#S256 (PS256)."]));
  if (hasX5t) results.push(result("x5t-format", "x5t is base64url(SHA-1 of the certificate)", judgeThumbprint("x5t", header.x5t)));
  if (hasS256) results.push(result("x5t-s256-format", "x5t#S256 is base64url(SHA-256 of the certificate)", judgeThumbprint("x5t#S256", header["x5t#S256"])));
  if (alg === "RS256" && (hasX5t || hasS256)) {
    results.push(result("alg-header-pairing", "alg is paired with the right thumbprint header", hasX5t
      ? ["pass", "RS256 with x5t: the classic form."]
      : ["warn", "RS256 with only x5t#S256; MSAL pairs x5t#S256 with PS256 and RS256 with x5t.", "Use RS256 + x5t or PS256 + x5t#S256."]));
  } else if (alg === "PS256" && (hasX5t || hasS256)) {
    results.push(result("alg-header-pairing", "alg is paired with the right thumbprint header", !hasX5t
      ? ["pass", "PS256 with x5t#S256: the current form."]
      : hasS256 ? ["warn", "PS256 with both x5t and x5t#S256; MSAL sends only x5t#S256 with PS256.", "Drop x5t."]
      : ["fail", "PS256 with x5t: no MSAL emits PS256 with x5t; Entra pairs PS256 with x5t#S256.", "Use PS256 + x5t#S256, or RS256 + x5t."]));
  }
  const thumbprints = input.certificateThumbprints;
  if (thumbprints && (hasX5t || hasS256)) {
    // Both sides are also shown as the hex the portal lists (SHA-1; SHA-256 for x5t#S256), so the token's
    // thumbprint can be found among the app's certificates by eye.
    const mismatches = [
      hasX5t && header.x5t !== thumbprints.x5t ? `x5t is ${quote(header.x5t)}${asHexThumbprint(header.x5t, 20, "SHA-1")} but the certificate's is ${thumbprints.x5t}${asHexThumbprint(thumbprints.x5t, 20, "SHA-1")}` : "",
      hasS256 && header["x5t#S256"] !== thumbprints.x5tS256 ? `x5t#S256 is ${quote(header["x5t#S256"])}${asHexThumbprint(header["x5t#S256"], 32, "SHA-256")} but the certificate's is ${thumbprints.x5tS256}${asHexThumbprint(thumbprints.x5tS256, 32, "SHA-256")}` : "",
    ].filter(Boolean);
    results.push(result("thumbprint-matches-certificate", "The thumbprint matches the certificate", mismatches.length === 0
      ? ["pass", `${[hasX5t && "x5t", hasS256 && "x5t#S256"].filter(Boolean).join(" and ")} equal${hasX5t && hasS256 ? "" : "s"} the loaded certificate's ${hasX5t && hasS256 ? "thumbprints" : "thumbprint"}.`]
      : ["fail", `${mismatches.join("; ")}: Entra will look for another certificate (AADSTS700027).`, "Sign with this certificate's key and thumbprint, or upload the certificate the token names."]));
  }
  if (input.certificateKeyBits !== undefined) {
    const problem = entraKeyRuleProblem({ algorithm: "RSA", rsaKeyBits: input.certificateKeyBits }, "The certificate's key");
    results.push(result("key-size", ENTRA_KEY_RULE, problem ? ["fail", problem, ENTRA_KEY_RULE_FIX] : ["pass", `The certificate's key is ${String(input.certificateKeyBits)}-bit RSA.`]));
  }
  return results;
}

/**
 * Checks a decoded client assertion against what Entra requires (RFC 7523 §3; Microsoft identity
 * platform "certificate credentials"; docs/entra.md, "The client assertion"). Rules that need a certificate run only when
 * its thumbprints/key size are given.
 *
 * @example lintClientAssertion({ header, payload, now: new Date() }).filter((r) => r.status === "fail")
 */
export function lintClientAssertion(input: LintInput): LintResult[] {
  const signature = input.signature ? [lintSignature(input.signature)] : [];
  return [...signature, ...lintHeader(input), ...lintAud(input.payload.aud), ...lintIssuer(input.payload), ...lintAssertionTimes(input.payload, input.now)];
}

/** The signature verdict as a checklist row, so the list cannot be all green over a failed signature. */
function lintSignature(signature: SignatureVerdict): LintResult {
  const title = "Signature verifies with the certificate";
  const verdict: Verdict =
    signature.status === "valid" ? ["pass", `Checked with the public key of ${signature.subject || "the certificate"}: signed by its private key, unchanged since.`]
    : signature.status === "invalid" ? ["fail", signature.message, /truncated|cut short/.test(signature.message)
        ? "Copy the whole token again: the last segment ends before the signature does."
        : "Sign with the private key that belongs to this certificate, and do not change the token after signing (Entra: AADSTS700027/50013)."]
    : signature.status === "not-checked" ? ["warn", signature.message, "Load or generate the certificate on this page to verify the signature."]
    : ["warn", signature.message, "Sign with RS256 or PS256 using an RSA certificate's key."];
  return result("signature-verifies", title, verdict);
}
