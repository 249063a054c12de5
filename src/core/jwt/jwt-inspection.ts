/**
 * The shape of a JWT inspection (see inspect-jwt.ts): plain data, so it can cross a worker boundary
 * (structured clone) and be rendered without further work.
 */
import type { LintResult, SignatureVerdict } from "../assertion/assertion-lint";
import type { JwtKind, TimeDescription } from "./jwt-explanations";

export interface JwtField {
  name: string;
  /**
   * The value as shown: strings as they are, anything else as JSON; cut to `MAX_SHOWN_VALUE_CHARS`
   * when longer (then `length` gives the whole value's size), so a crafted 100 KB value cannot stall the page.
   */
  value: string;
  /** Set only when `value` was shortened: the number of characters in the whole value. */
  length?: number;
  explanation: string;
}

export interface JwtClaim extends JwtField {
  time?: TimeDescription;
}

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
  /** The decoded payload; for more than MAX_DESCRIBED_ROWS claims, only the described ones and the time claims. */
  payload: Record<string, unknown>;
  signatureBytesLength: number;
  /** The raw base64url segments, for colouring the compact form (RFC 7515 §7.1). */
  parts: { header: string; payload: string; signature: string };
  /** The first MAX_DESCRIBED_ROWS (jwt-fields.ts) header fields, described; `headerFieldCount` says how many there are. */
  headerFields: JwtField[];
  headerFieldCount: number;
  /** The first MAX_DESCRIBED_ROWS claims, described; `claimCount` says how many there are. */
  claims: JwtClaim[];
  claimCount: number;
  /** The signature verdict: the one type assertion-lint.ts defines (`subject` is unused here). */
  signature: SignatureVerdict;
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
