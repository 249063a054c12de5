import { compactVerify, errors as joseErrors, importX509 } from "jose";
import { describeSubjectPublicKeyInfo, parseCertificateDer } from "../certificate";
import { base64UrlToBytes, toBytes, utf8Decode } from "../encoding";
import { describeError } from "../errors";
import { encodePem } from "../pem";
import { computeThumbprints } from "../thumbprints";
import { lintClientAssertion, type LintResult } from "./assertion-lint";
import { describeTime, explainClaim, explainHeaderField, TIME_CLAIMS, type TimeDescription } from "./jwt-explanations";
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

/** What kind of JWT this looks like: an assertion a client signed, an access token Entra issued, or neither. */
export type JwtKind = "client-assertion" | "access-token" | "other";

export interface JwtInspectionFailure {
  ok: false;
  /** One precise sentence on what is wrong with the text. */
  problem: string;
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
}

export type JwtInspection = JwtInspectionFailure | JwtInspectionSuccess;

export interface InspectJwtOptions {
  /** The certificate to verify the signature with and to lint the thumbprint against. */
  certificateDer?: Uint8Array;
  now?: Date;
}

const SEGMENT_NAMES = ["header", "payload", "signature"] as const;

class InspectionProblem extends Error {}

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
    const hint = "+/=".includes(char) ? " — this looks like standard base64." : ".";
    throw new InspectionProblem(`${label} is not valid base64url: it contains '${char}' at position ${String(bad.index + 1)}${hint}`);
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

function readCertificate(certificateDer: Uint8Array): { subject: string; rsaKeyBits?: number; problem?: string } {
  try {
    const certificate = parseCertificateDer(certificateDer);
    const key = describeSubjectPublicKeyInfo(toBytes(certificate.publicKey.rawData));
    return { subject: certificate.subject, rsaKeyBits: key.rsaKeyBits };
  } catch (error) {
    return { subject: "", problem: `The certificate could not be read, so the signature was not checked: ${describeError(error)}` };
  }
}

async function verifySignature(token: string, alg: string, kind: JwtKind, certificateDer: Uint8Array | undefined, subject: string): Promise<SignatureCheck> {
  if (!certificateDer) return { status: "not-checked", message: "No certificate given: the signature was not checked." };
  if (kind === "access-token") {
    return { status: "not-checked", message: "This is an access token signed by Entra with its own key (see kid), not by your certificate; it was not checked against the certificate." };
  }
  if (alg !== "RS256" && alg !== "PS256") {
    return { status: "unsupported", message: `alg ${alg} cannot be checked against an RSA certificate; only RS256 and PS256 are verified here.` };
  }
  let key: CryptoKey;
  try {
    key = await importX509(encodePem("CERTIFICATE", certificateDer), alg);
  } catch (error) {
    return { status: "unsupported", message: `The certificate's key cannot verify ${alg}: ${describeError(error)}` };
  }
  try {
    await compactVerify(token, key, { algorithms: [alg] });
    return { status: "valid", message: `Signature verifies with the certificate ${subject}: it was signed by that certificate's key and has not been changed.` };
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      return { status: "invalid", message: `Signature does not verify with the certificate ${subject}: the token was changed or signed by another key.` };
    }
    return { status: "unsupported", message: `The signature could not be checked: ${describeError(error)}` };
  }
}

async function inspectToken(text: string, options: InspectJwtOptions): Promise<JwtInspection> {
  const token = normalizeTokenText(text);
  if (token === "") return { ok: false, problem: "The input is empty: paste a JWT, three base64url segments separated by dots." };
  const segments = token.split(".");
  if (segments.length === 5) {
    return { ok: false, problem: "This looks like an encrypted token (JWE, 5 segments) — it cannot be inspected without the key." };
  }
  if (segments.length !== 3) {
    const count = `${String(segments.length)} segment${segments.length === 1 ? "" : "s"}`;
    return { ok: false, problem: `The token has ${count}; a JWS in compact form has 3 separated by dots.` };
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
  const certificate = certificateDer ? readCertificate(certificateDer) : undefined;
  const signature = certificate?.problem
    ? { status: "unsupported" as const, message: certificate.problem }
    : await verifySignature(token, header.alg, kind, certificateDer, certificate?.subject ?? "");
  const lint =
    kind === "client-assertion"
      ? lintClientAssertion({
          header,
          payload,
          certificateThumbprints: certificateDer && !certificate?.problem ? await computeThumbprints(certificateDer) : undefined,
          certificateKeyBits: certificate?.rsaKeyBits,
          now,
        })
      : [];
  return {
    ok: true,
    header,
    payload,
    signatureBytesLength: signatureBytes?.length ?? 0,
    parts: { header: headerPart, payload: payloadPart, signature: signaturePart },
    headerFields: Object.entries(header).map(([name, value]) => ({ name, value: showValue(value), explanation: explainHeaderField(name, value) })),
    claims: Object.entries(payload).map(([name, value]) => {
      const time = TIME_CLAIMS.includes(name) ? describeTime(name, value, now) : undefined;
      return { name, value: showValue(value), explanation: explainClaim(name), ...(time ? { time } : {}) };
    }),
    signature,
    lint,
    kind,
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
    if (error instanceof InspectionProblem) return { ok: false, problem: error.message };
    return { ok: false, problem: `The token could not be inspected: ${describeError(error)}` };
  }
}
