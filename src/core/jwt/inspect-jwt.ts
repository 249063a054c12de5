/**
 * Inspecting any compact JWS as a JWT: decode (jwt-decode.ts), classify (here), verify (jwt-signature.ts),
 * judge the times (jwt-time.ts), lint a client assertion (assertion-lint.ts). Encrypted tokens: jwt-encrypted.ts.
 */
import { describeError } from "../errors";
import { MAX_TOKEN_CHARS } from "../input-limits";
import { computeThumbprints } from "../certificate/thumbprints";
import { CLOUD_AUTHORITY_HOSTS, entraAuthorityOriginOfIssuer, looksLikeEntraIssuer } from "../../entra/clouds";
import { lintClientAssertion, type LintResult } from "../assertion/assertion-lint";
import { normalizeTokenText } from "./jwt-base64url";
import { decodeSegment, InspectionProblem, parseJsonObject, shortenForDisplay, showValue } from "./jwt-decode";
import { inspectEncryptedToken } from "./jwt-encrypted";
import { describeClaims, describeHeaderFields, MAX_DESCRIBED_ROWS } from "./jwt-fields";
import { TIME_CLAIMS, type JwtKind } from "./jwt-explanations";
import type { SignatureVerdict } from "../assertion/assertion-lint";
import type { InspectJwtOptions, JwtClaim, JwtInspection } from "./jwt-inspection";
import { COMMON_RSA_SIGNATURE_BYTES, readSigningCertificate, verifyWithCertificate } from "./jwt-signature";
import { describeExpiry } from "./jwt-time";
import { parseTokenEndpoint } from "../token-request/token-endpoint";

/** Messages quote values from the token; a crafted one must not make a 100 KB sentence. */
const MAX_MESSAGE_CHARS = 2000;

function classifyToken(header: Record<string, unknown>, payload: Record<string, unknown>): JwtKind {
  const entraIssuer = typeof payload.iss === "string" && looksLikeEntraIssuer(payload.iss);
  if (header.typ === "at+jwt" || entraIssuer || ["tid", "scp", "roles", "idtyp", "appid", "azp"].some((claim) => claim in payload)) {
    return "access-token";
  }
  const namesCertificate = header.x5t !== undefined || header["x5t#S256"] !== undefined;
  const audIsEndpoint = typeof payload.aud === "string" && parseTokenEndpoint(payload.aud) !== undefined;
  if (audIsEndpoint || (namesCertificate && payload.iss !== undefined && payload.iss === payload.sub)) return "client-assertion";
  return "other";
}

interface SignatureContext {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  kind: JwtKind;
  signatureBytes: number;
}

/** Why a token that is not checked here cannot be, in words that fit its kind. */
function notCheckedMessage({ header, payload, kind, signatureBytes }: SignatureContext): string {
  if (kind === "access-token") {
    const kid = typeof header.kid === "string" ? ` (kid ${header.kid})` : "";
    const tid = typeof payload.tid === "string" ? payload.tid : "{tenant}";
    // The keys are published by the authority that issued the token (its iss), per cloud.
    const issuerOrigin = (typeof payload.iss === "string" ? entraAuthorityOriginOfIssuer(payload.iss) : undefined) ?? `https://${CLOUD_AUTHORITY_HOSTS.public}`;
    const graph = header.nonce !== undefined ? " This one has a nonce header, so only Microsoft Graph itself can verify it." : "";
    return `Signature not checked here: Entra signs access tokens with its own key${kid}, not your certificate. It can be checked against the tenant's published keys (${issuerOrigin}/${tid}/discovery/v2.0/keys); the API that receives it does so.${graph}`;
  }
  const shortened =
    (header.alg === "RS256" || header.alg === "PS256") && !COMMON_RSA_SIGNATURE_BYTES.includes(signatureBytes)
      ? ` Its signature has ${String(signatureBytes)} bytes, which no 2048/3072/4096-bit RSA key makes (2048-bit: 256): the token looks cut short (truncated).`
      : "";
  return `Signature not checked: no certificate is loaded on this page to verify it with.${shortened}`;
}

/**
 * The payload as the inspection keeps it: whole, unless it has more claims than are described; then only the
 * described claims and the time claims (which re-timing reads), so a crafted 10,000-claim payload is not cloned
 * out of the worker onto the main thread, where it would freeze the page. `claimCount` still says how many it has.
 */
function payloadAsKept(payload: Record<string, unknown>, claims: readonly JwtClaim[]): Record<string, unknown> {
  if (Object.keys(payload).length <= MAX_DESCRIBED_ROWS) return payload;
  const names = [...claims.map((row) => row.name), ...TIME_CLAIMS];
  // Object.fromEntries defines own data properties, so a claim named __proto__ stays data.
  return Object.fromEntries(names.filter((name) => Object.hasOwn(payload, name)).map((name) => [name, payload[name]]));
}

function shortenLint(rule: LintResult): LintResult {
  return { ...rule, detail: shortenForDisplay(rule.detail, MAX_MESSAGE_CHARS).value, fix: shortenForDisplay(rule.fix, MAX_MESSAGE_CHARS).value };
}

async function inspectToken(text: string, options: InspectJwtOptions): Promise<JwtInspection> {
  const token = normalizeTokenText(text);
  if (token === "") return { ok: false, problem: "The input is empty: paste a JWT, three base64url segments separated by dots." };
  const segments = token.split(".");
  if (segments.length === 5) return inspectEncryptedToken(segments);
  if (segments.length !== 3) {
    const count = `${String(segments.length)} segment${segments.length === 1 ? "" : "s"}`;
    const hint = segments.length < 3 ? " If you copied it from a log or a terminal, it may have been cut off: copy the whole token again." : "";
    return { ok: false, problem: `The token has ${count}; a JWS in compact form has 3 separated by dots.${hint}` };
  }
  const [headerPart = "", payloadPart = "", signaturePart = ""] = segments;
  const [headerBytes, payloadBytes, signatureBytes] = [headerPart, payloadPart, signaturePart].map((segment, index) => decodeSegment(segment, index));
  const header = parseJsonObject(headerBytes ?? new Uint8Array(), "header");
  if (!Object.hasOwn(header, "alg")) throw new InspectionProblem("The header has no alg.");
  if (typeof header.alg !== "string") throw new InspectionProblem(`The header's alg is ${showValue(header.alg).value}, not a string.`);
  if (Object.hasOwn(header, "enc")) throw new InspectionProblem("The header has enc: this is an encrypted token (JWE) and cannot be inspected without the key.");
  if (payloadPart === "") throw new InspectionProblem("Segment 2 (payload) is empty: this is a JWS with a detached payload, not a JWT.");
  const payload = parseJsonObject(payloadBytes ?? new Uint8Array(), "payload");

  const now = options.now ?? new Date();
  const kind = classifyToken(header, payload);
  const certificateDer = options.certificateDer;
  const certificate = certificateDer ? await readSigningCertificate(certificateDer) : undefined;
  const usable = certificate && !("problem" in certificate) ? certificate : undefined;
  const signatureBytesLength = signatureBytes?.length ?? 0;
  const signature: SignatureVerdict =
    kind === "access-token" || !certificate
      ? { status: "not-checked", message: notCheckedMessage({ header, payload, kind, signatureBytes: signatureBytesLength }) }
      : !usable
        ? { status: "unsupported", message: "problem" in certificate ? certificate.problem : "" }
        : await verifyWithCertificate(token, header.alg, signatureBytesLength, usable);
  const expiry = describeExpiry(kind, payload, now);
  const lint =
    kind === "client-assertion"
      ? lintClientAssertion({
          header,
          payload,
          certificateThumbprints: usable ? await computeThumbprints(usable.der) : undefined,
          certificateKeyBits: usable?.rsaKeyBits,
          signature: { ...signature, subject: usable?.subject },
          now,
        })
      : [];
  const claims = describeClaims(payload, kind, now);
  return {
    ok: true,
    header,
    payload: payloadAsKept(payload, claims),
    signatureBytesLength,
    parts: { header: headerPart, payload: payloadPart, signature: signaturePart },
    headerFields: describeHeaderFields(header, kind),
    headerFieldCount: Object.keys(header).length,
    claims,
    claimCount: Object.keys(payload).length,
    signature: { ...signature, message: shortenForDisplay(signature.message, MAX_MESSAGE_CHARS).value },
    lint: lint.map(shortenLint),
    kind,
    ...(expiry ? { expiry } : {}),
    now,
  };
}

/**
 * Decodes any compact JWS (RFC 7515 §7.1) as a JWT (RFC 7519 §7.2), explains each header field and
 * claim, verifies the signature with jose against the given certificate (RS256/PS256) and lints
 * client assertions. Never throws: malformed input yields `{ ok: false, problem }` naming the fault.
 * Keys are data whatever their names (`__proto__`, `constructor`); values are cut for display when huge.
 *
 * @example const result = await inspectJwt("Bearer eyJ…", { certificateDer });
 */
export async function inspectJwt(text: string, options: InspectJwtOptions = {}): Promise<JwtInspection> {
  try {
    if (typeof text !== "string") return { ok: false, problem: "The input is not text." };
    if (text.length > MAX_TOKEN_CHARS) {
      return { ok: false, problem: `The text is ${text.length.toLocaleString("en-US")} characters: no JWT is that long (real ones are a few thousand), and the page reads at most ${MAX_TOKEN_CHARS.toLocaleString("en-US")}. Paste the token alone.` };
    }
    return await inspectToken(text, options);
  } catch (error) {
    if (error instanceof InspectionProblem) return { ok: false, problem: error.message, ...(error.standardBase64 ? { standardBase64: true as const } : {}) };
    return { ok: false, problem: `The token could not be inspected: ${describeError(error)}` };
  }
}
