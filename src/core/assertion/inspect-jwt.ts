// jose and the X.509 parser are loaded by the first inspection, not with the page: the Inspect
// panel and the JWT views import this module for its synchronous helpers (issue 13, first load).
import { base64UrlToBytes, toBytes, utf8Decode } from "../encoding";
import { describeError } from "../errors";
import { encodePem } from "../pem";
import { computeThumbprints } from "../thumbprints";
import { CLOCK_SKEW_SECONDS, lintAssertionTimes, lintClientAssertion, type LintResult } from "./assertion-lint";
import { describeTime, explainClaim, explainHeaderField, explainJweHeaderField, formatDuration, TIME_CLAIMS, type JwtKind, type TimeDescription } from "./jwt-explanations";
import { parseTokenEndpoint } from "./token-endpoint";

export interface JwtField {
  name: string;
  /** The value as shown: strings as they are, anything else as JSON. */
  value: string;
  explanation: string;
}

export interface JwtClaim extends JwtField {
  time?: TimeDescription;
}

export interface SignatureCheck {
  status: "valid" | "invalid" | "not-checked" | "unsupported";
  message: string;
}

export type { JwtKind };

export interface JwtInspectionFailure {
  ok: false;
  /** One precise sentence on what is wrong with the text. */
  problem: string;
  /** Set when a segment is standard base64 (+ / =) rather than base64url: `convertToBase64Url` repairs the text. */
  standardBase64?: true;
  /** An encrypted token (JWE, RFC 7516 §7.1): its protected header, decoded; the payload needs the recipient's key. */
  encrypted?: { header: Record<string, unknown>; headerFields: JwtField[] };
}

/** Whether the token is usable now, said once and plainly (the relative times live in `claims`). */
export interface ExpiryStatus {
  state: "valid" | "expired" | "not-yet-valid";
  message: string;
}

export interface JwtInspectionSuccess {
  ok: true;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signatureBytesLength: number;
  /** The raw base64url segments, for colouring the compact form (RFC 7515 §7.1). */
  parts: { header: string; payload: string; signature: string };
  headerFields: JwtField[];
  claims: JwtClaim[];
  signature: SignatureCheck;
  lint: LintResult[];
  kind: JwtKind;
  /** Undefined when the token has no numeric exp. */
  expiry?: ExpiryStatus;
  /** The time every relative text (claims' `time.relative`, `expiry`, the time lint rows) was computed for. */
  now: Date;
}

export type JwtInspection = JwtInspectionFailure | JwtInspectionSuccess;

export interface InspectJwtOptions {
  /** The certificate to verify the signature with and to lint the thumbprint against. */
  certificateDer?: Uint8Array;
  /**
   * The time to judge exp/nbf/iat against (default: the current time). Relative texts are computed once for
   * this time; to keep them current, call `retimeInspection(result, new Date())` on a timer (cheap, synchronous,
   * no signature check) or inspect again.
   */
  now?: Date;
}

const SEGMENT_NAMES = ["header", "payload", "signature"] as const;

class InspectionProblem extends Error {
  constructor(
    message: string,
    readonly standardBase64 = false,
  ) {
    super(message);
  }
}

/** Strips what people paste around a token: whitespace, line breaks, quotes and a `Bearer ` prefix. */
function normalizeTokenText(text: string): string {
  let token = text.trim().replace(/^bearer\s+/i, "");
  if (/^"[^"]*"$/.test(token)) token = token.slice(1, -1);
  return token.replace(/\s+/g, "");
}

/** Decodes one segment, naming the first character that is not base64url (RFC 7515 §2). */
function decodeSegment(segment: string, index: number): Uint8Array {
  const label = `Segment ${String(index + 1)} (${SEGMENT_NAMES[index] ?? "?"})`;
  const bad = /[^A-Za-z0-9_-]/.exec(segment);
  if (bad) {
    const char = bad[0];
    const standard = "+/=".includes(char);
    const hint = standard ? " — this looks like standard base64." : ".";
    throw new InspectionProblem(`${label} is not valid base64url: it contains '${char}' at position ${String(bad.index + 1)}${hint}`, standard);
  }
  if (segment.length % 4 === 1) {
    throw new InspectionProblem(`${label} is not valid base64url: its length ${String(segment.length)} leaves one stray character, so the token is probably cut short.`);
  }
  return base64UrlToBytes(segment);
}

function parseJsonObject(bytes: Uint8Array, what: "header" | "payload"): Record<string, unknown> {
  if (bytes.length === 0) throw new InspectionProblem(`The ${what} is empty.`);
  let text: string;
  try {
    text = utf8Decode(bytes);
  } catch {
    throw new InspectionProblem(`The ${what} is not UTF-8 text, so it is not JSON.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InspectionProblem(`The ${what} is not JSON: ${describeError(error)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InspectionProblem(`The ${what} is JSON but not an object: a JWT ${what} must be {…}.`);
  }
  return value as Record<string, unknown>;
}

function showValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

function classifyToken(header: Record<string, unknown>, payload: Record<string, unknown>): JwtKind {
  const entraIssuer = typeof payload.iss === "string" && /^https:\/\/(sts\.windows\.net|login\.)/.test(payload.iss);
  if (header.typ === "at+jwt" || entraIssuer || ["tid", "scp", "roles", "idtyp", "appid", "azp"].some((claim) => claim in payload)) {
    return "access-token";
  }
  const namesCertificate = header.x5t !== undefined || header["x5t#S256"] !== undefined;
  const audIsEndpoint = typeof payload.aud === "string" && parseTokenEndpoint(payload.aud) !== undefined;
  if (audIsEndpoint || (namesCertificate && payload.iss !== undefined && payload.iss === payload.sub)) return "client-assertion";
  return "other";
}

async function readCertificate(certificateDer: Uint8Array): Promise<{ subject: string; rsaKeyBits?: number; problem?: string }> {
  try {
    const { describeSubjectPublicKeyInfo, parseCertificateDer } = await import("../certificate");
    const certificate = parseCertificateDer(certificateDer);
    const key = describeSubjectPublicKeyInfo(toBytes(certificate.publicKey.rawData));
    return { subject: certificate.subject, rsaKeyBits: key.rsaKeyBits };
  } catch (error) {
    return { subject: "", problem: `Signature not checked: the certificate could not be read (${describeError(error)}).` };
  }
}

interface SignatureContext {
  token: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  kind: JwtKind;
  signatureBytes: number;
  certificateDer?: Uint8Array;
  certificate?: { subject: string; rsaKeyBits?: number };
}

const COMMON_RSA_SIGNATURE_BYTES = [256, 384, 512];

/** Why a token that is not checked here cannot be, in words that fit its kind. */
function notCheckedMessage({ header, payload, kind, signatureBytes }: SignatureContext): string {
  if (kind === "access-token") {
    const kid = typeof header.kid === "string" ? ` (kid ${header.kid})` : "";
    const tid = typeof payload.tid === "string" ? payload.tid : "{tenant}";
    // The keys are published by the authority that issued the token (its iss), per cloud.
    const issuerOrigin = typeof payload.iss === "string" && /^https:\/\/(login\.microsoftonline\.(com|us)|login\.chinacloudapi\.cn|login\.partner\.microsoftonline\.cn)\//.test(payload.iss) ? new URL(payload.iss).origin : "https://login.microsoftonline.com";
    const graph = header.nonce !== undefined ? " This one has a nonce header, so only Microsoft Graph itself can verify it." : "";
    return `Signature not checked here: Entra signs access tokens with its own key${kid}, not your certificate. It can be checked against the tenant's published keys (${issuerOrigin}/${tid}/discovery/v2.0/keys); the API that receives it does so.${graph}`;
  }
  const shortened =
    (header.alg === "RS256" || header.alg === "PS256") && !COMMON_RSA_SIGNATURE_BYTES.includes(signatureBytes)
      ? ` Its signature has ${String(signatureBytes)} bytes, which no 2048/3072/4096-bit RSA key makes (2048-bit: 256): the token looks cut short (truncated).`
      : "";
  return `Signature not checked: no certificate is loaded on this page to verify it with.${shortened}`;
}

async function verifySignature(context: SignatureContext): Promise<SignatureCheck> {
  const { token, header, kind, certificateDer, certificate, signatureBytes } = context;
  const alg = String(header.alg);
  if (!certificateDer || !certificate || kind === "access-token") return { status: "not-checked", message: notCheckedMessage(context) };
  if (alg !== "RS256" && alg !== "PS256") {
    return { status: "unsupported", message: `Signature not checked: alg ${alg} cannot be checked against an RSA certificate; only RS256 and PS256 are verified here.` };
  }
  const subject = certificate.subject;
  const keyBits = certificate.rsaKeyBits;
  if (keyBits !== undefined) {
    // An RSA signature is exactly as long as the modulus (RFC 8017 §8.1.1, §8.2.1): any other length is not a changed token but a cut or padded one.
    const expected = Math.ceil(keyBits / 8);
    if (signatureBytes !== expected) {
      // A length that some RSA key makes means another key signed it; any other length means damage in transit.
      const cause = COMMON_RSA_SIGNATURE_BYTES.includes(signatureBytes)
        ? `it was signed by a different (${String(signatureBytes * 8)}-bit) key than this certificate's, so Entra would refuse it (AADSTS700027/50013)`
        : signatureBytes < expected
          ? "the token was cut short (truncated) when it was copied"
          : "something was appended to the token";
      return {
        status: "invalid",
        message: `Signature does not verify with the certificate ${subject}: it has ${String(signatureBytes)} bytes, but the certificate's ${String(keyBits)}-bit key makes ${String(expected)}-byte signatures — ${cause}.`,
      };
    }
  }
  const { compactVerify, errors: joseErrors, importX509 } = await import("jose");
  let key: CryptoKey;
  try {
    key = await importX509(encodePem("CERTIFICATE", certificateDer), alg);
  } catch (error) {
    return { status: "unsupported", message: `Signature not checked: the certificate's key cannot verify ${alg} (${describeError(error)}).` };
  }
  try {
    await compactVerify(token, key, { algorithms: [alg] });
    return { status: "valid", message: `Signature verifies with the certificate ${subject}: it was signed by that certificate's key and has not been changed.` };
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      return { status: "invalid", message: `Signature does not verify with the certificate ${subject}: the token was changed or signed by another key.` };
    }
    return { status: "unsupported", message: `Signature not checked: ${describeError(error)}` };
  }
}

const formatSpan = formatDuration;

const NOUNS: Record<JwtKind, string> = { "client-assertion": "client assertion", "access-token": "access token", other: "token" };

/**
 * Says whether the token can be used now (exp, nbf; RFC 7519 §4.1.4–5), in words that fit its kind: Entra's
 * ~5-minute skew allowance for an assertion, a new token for an access token. Undefined without a numeric exp.
 *
 * @example describeExpiry("client-assertion", { exp: 1735787045 }, new Date())?.state
 */
export function describeExpiry(kind: JwtKind, payload: Record<string, unknown>, now: Date): ExpiryStatus | undefined {
  const exp = typeof payload.exp === "number" && Number.isFinite(payload.exp) ? payload.exp : undefined;
  if (exp === undefined || Math.abs(exp) > 8.64e12) return undefined;
  const nbf = typeof payload.nbf === "number" && Number.isFinite(payload.nbf) && Math.abs(payload.nbf) <= 8.64e12 ? payload.nbf : undefined;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const at = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z");
  const noun = NOUNS[kind];
  if (nowSeconds >= exp) {
    const ago = Math.floor(nowSeconds - exp);
    const head = `This ${noun} expired ${formatSpan(ago)} ago (exp ${at(exp)}).`;
    if (kind === "client-assertion") {
      const graceLeft = CLOCK_SKEW_SECONDS - ago;
      return {
        state: "expired",
        message: graceLeft > 0
          ? `${head} Entra still accepts it for about ${formatSpan(graceLeft)} more, inside its ~5-minute clock-skew allowance; sign a fresh one.`
          : `${head} Entra will refuse it (AADSTS700024): sign a fresh one.`,
      };
    }
    if (kind === "access-token") return { state: "expired", message: `${head} APIs refuse it (401): ask the token endpoint for a new one.` };
    return { state: "expired", message: `${head} It is no longer valid.` };
  }
  if (nbf !== undefined && nowSeconds < nbf) {
    const wait = Math.ceil(nbf - nowSeconds);
    const skew = kind === "client-assertion"
      ? wait <= CLOCK_SKEW_SECONDS ? " Entra accepts it within its ~5-minute clock-skew allowance, but the signing clock runs ahead." : " Entra will refuse it (AADSTS700024): the signing clock is ahead."
      : "";
    return { state: "not-yet-valid", message: `This ${noun} is not valid for another ${formatSpan(wait)} (nbf ${at(nbf)}).${skew}` };
  }
  return { state: "valid", message: `This ${noun} is valid now; it expires in ${formatSpan(Math.floor(exp - nowSeconds))} (exp ${at(exp)}).` };
}

function describeClaims(payload: Record<string, unknown>, kind: JwtKind, now: Date): JwtClaim[] {
  return Object.entries(payload).map(([name, value]) => {
    const time = TIME_CLAIMS.includes(name) ? describeTime(name, value, now) : undefined;
    return { name, value: showValue(value), explanation: explainClaim(name, kind), ...(time ? { time } : {}) };
  });
}

/**
 * The same inspection judged at another time: claims' relative times, `expiry` and the time lint rows
 * (lifetime, time-window) are recomputed; the signature is not checked again. Cheap and synchronous, for a
 * view that re-renders on a timer so "expires in 9 min" stays true.
 *
 * @example const current = retimeInspection(inspection, new Date());
 */
export function retimeInspection(inspection: JwtInspectionSuccess, now: Date): JwtInspectionSuccess {
  const times = inspection.kind === "client-assertion" ? new Map(lintAssertionTimes(inspection.payload, now).map((rule) => [rule.id, rule])) : undefined;
  const expiry = describeExpiry(inspection.kind, inspection.payload, now);
  return {
    ...inspection,
    claims: describeClaims(inspection.payload, inspection.kind, now),
    lint: times ? inspection.lint.map((rule) => times.get(rule.id) ?? rule) : inspection.lint,
    ...(expiry ? { expiry } : {}),
    now,
  };
}

/** Decodes the protected header of a 5-segment encrypted token (RFC 7516 §7.1); undefined when it is not one. */
function decodeJweHeader(segment: string): JwtInspectionFailure["encrypted"] {
  try {
    const header = parseJsonObject(decodeSegment(segment, 0), "header");
    if (header.enc === undefined) return undefined;
    return { header, headerFields: Object.entries(header).map(([name, value]) => ({ name, value: showValue(value), explanation: explainJweHeaderField(name) })) };
  } catch {
    return undefined;
  }
}

async function inspectToken(text: string, options: InspectJwtOptions): Promise<JwtInspection> {
  const token = normalizeTokenText(text);
  if (token === "") return { ok: false, problem: "The input is empty: paste a JWT, three base64url segments separated by dots." };
  const segments = token.split(".");
  if (segments.length === 5) {
    const encrypted = decodeJweHeader(segments[0] ?? "");
    if (encrypted) {
      const enc = showValue(encrypted.header.enc);
      return {
        ok: false,
        problem: `This is an encrypted token (JWE, 5 segments): its header is readable, but the payload is encrypted (enc ${enc}) and only the recipient's key can decrypt it.`,
        encrypted,
      };
    }
    return { ok: false, problem: "This looks like an encrypted token (JWE, 5 segments) — it cannot be inspected without the key." };
  }
  if (segments.length !== 3) {
    const count = `${String(segments.length)} segment${segments.length === 1 ? "" : "s"}`;
    const hint = segments.length < 3 ? " If you copied it from a log or a terminal, it may have been cut off: copy the whole token again." : "";
    return { ok: false, problem: `The token has ${count}; a JWS in compact form has 3 separated by dots.${hint}` };
  }
  const [headerPart = "", payloadPart = "", signaturePart = ""] = segments;
  const [headerBytes, payloadBytes, signatureBytes] = [headerPart, payloadPart, signaturePart].map((segment, index) => decodeSegment(segment, index));
  const header = parseJsonObject(headerBytes ?? new Uint8Array(), "header");
  if (header.alg === undefined) throw new InspectionProblem("The header has no alg.");
  if (typeof header.alg !== "string") throw new InspectionProblem(`The header's alg is ${showValue(header.alg)}, not a string.`);
  if (header.enc !== undefined) throw new InspectionProblem("The header has enc: this is an encrypted token (JWE) and cannot be inspected without the key.");
  if (payloadPart === "") throw new InspectionProblem("Segment 2 (payload) is empty: this is a JWS with a detached payload, not a JWT.");
  const payload = parseJsonObject(payloadBytes ?? new Uint8Array(), "payload");

  const now = options.now ?? new Date();
  const kind = classifyToken(header, payload);
  const certificateDer = options.certificateDer;
  const certificate = certificateDer ? await readCertificate(certificateDer) : undefined;
  const signatureBytesLength = signatureBytes?.length ?? 0;
  const signature: SignatureCheck = certificate?.problem && kind !== "access-token"
    ? { status: "unsupported", message: certificate.problem }
    : await verifySignature({ token, header, payload, kind, signatureBytes: signatureBytesLength, certificateDer, certificate });
  const expiry = describeExpiry(kind, payload, now);
  const lint =
    kind === "client-assertion"
      ? lintClientAssertion({
          header,
          payload,
          certificateThumbprints: certificateDer && !certificate?.problem ? await computeThumbprints(certificateDer) : undefined,
          certificateKeyBits: certificate?.rsaKeyBits,
          signature: { ...signature, subject: certificate?.subject },
          now,
        })
      : [];
  return {
    ok: true,
    header,
    payload,
    signatureBytesLength,
    parts: { header: headerPart, payload: payloadPart, signature: signaturePart },
    headerFields: Object.entries(header).map(([name, value]) => ({ name, value: showValue(value), explanation: explainHeaderField(name, value, kind) })),
    claims: describeClaims(payload, kind, now),
    signature,
    lint,
    kind,
    ...(expiry ? { expiry } : {}),
    now,
  };
}

/**
 * Decodes any compact JWS (RFC 7515 §7.1) as a JWT (RFC 7519 §7.2), explains each header field and
 * claim, verifies the signature with jose against the given certificate (RS256/PS256) and lints
 * client assertions. Never throws: malformed input yields `{ ok: false, problem }` naming the fault.
 *
 * @example const result = await inspectJwt("Bearer eyJ…", { certificateDer });
 */
export async function inspectJwt(text: string, options: InspectJwtOptions = {}): Promise<JwtInspection> {
  try {
    if (typeof text !== "string") return { ok: false, problem: "The input is not text." };
    return await inspectToken(text, options);
  } catch (error) {
    if (error instanceof InspectionProblem) return { ok: false, problem: error.message, ...(error.standardBase64 ? { standardBase64: true as const } : {}) };
    return { ok: false, problem: `The token could not be inspected: ${describeError(error)}` };
  }
}

/**
 * Rewrites a token pasted in standard base64 (RFC 4648 §4: + / and = padding) as base64url (§5), the
 * alphabet JWS uses (RFC 7515 §2): + → -, / → _, padding dropped. Whitespace, quotes and a Bearer prefix are
 * removed as inspectJwt does; dots are kept. A pure text change: the bytes each segment decodes to are the same.
 *
 * @example convertToBase64Url("eyJh+b/c=.e30=.c2ln") // "eyJh-b_c.e30.c2ln"
 */
export function convertToBase64Url(text: string): string {
  return normalizeTokenText(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
