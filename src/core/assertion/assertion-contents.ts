/**
 * The header and claims of a client assertion, before anything signs them: shared by the page's own
 * signing (client-assertion.ts) and by signing elsewhere (external-signing-input.ts), so the two
 * build exactly the same JWT apart from the signature.
 */
import { bytesToBase64 } from "../encoding";
import { WorkbenchError } from "../errors";
import { computeThumbprints } from "../certificate/thumbprints";
import { parseTokenEndpoint, validateClientId, validateTenant } from "../token-request/token-endpoint";
import {
  ADVISED_MAX_LIFETIME_SECONDS,
  DEFAULT_LIFETIME_SECONDS,
  MAX_LIFETIME_SECONDS,
  type AssertionForm,
  type ClientAssertionClaims,
  type ClientAssertionHeader,
} from "./assertion-types";

export interface AssertionContentsOptions {
  certificateDer: Uint8Array;
  clientId: string;
  /** The exact URL the token request goes to; it becomes `aud`. */
  tokenEndpoint: string;
  form: AssertionForm;
  lifetimeSeconds?: number;
  includeX5c?: boolean;
  now?: Date;
  jti?: string;
}

export interface AssertionContents {
  header: ClientAssertionHeader;
  payload: ClientAssertionClaims;
  warnings: string[];
}

function validateLifetime(lifetimeSeconds: number, warnings: string[]): void {
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > MAX_LIFETIME_SECONDS) {
    throw new WorkbenchError(
      "ERR_INVALID_LIFETIME",
      `The lifetime must be a whole number of seconds from 1 to ${String(MAX_LIFETIME_SECONDS)}; 600 (10 minutes) is what MSAL uses and Entra advises.`,
    );
  }
  if (lifetimeSeconds > ADVISED_MAX_LIFETIME_SECONDS) {
    warnings.push(`A lifetime of ${String(lifetimeSeconds)} s is longer than Entra advises: Entra advises at most 10 minutes (600 s), as MSAL uses.`);
  }
}

function validateEndpoint(tokenEndpoint: string, warnings: string[]): void {
  let url: URL | undefined;
  try {
    url = new URL(tokenEndpoint);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:") {
    throw new WorkbenchError("ERR_INVALID_AUTHORITY", `The token endpoint "${tokenEndpoint}" is not an https URL; aud must be the exact URL the token request is posted to.`);
  }
  const parts = parseTokenEndpoint(tokenEndpoint);
  if (!parts) {
    warnings.push(`"${tokenEndpoint}" does not end in /{tenant}/oauth2/v2.0/token or /{tenant}/oauth2/token; Entra will refuse an aud that is not its token endpoint.`);
  } else {
    const tenantProblem = validateTenant(parts.tenant);
    if (tenantProblem) warnings.push(tenantProblem);
  }
}

/** Checks the settings and throws a WorkbenchError naming the fix; returns the warnings to show. */
export function validateAssertionSettings(options: AssertionContentsOptions): string[] {
  const warnings: string[] = [];
  const clientIdProblem = validateClientId(options.clientId);
  if (clientIdProblem) throw new WorkbenchError("ERR_INVALID_CLIENT_ID", clientIdProblem);
  validateLifetime(options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS, warnings);
  validateEndpoint(options.tokenEndpoint, warnings);
  if (options.now && Number.isNaN(options.now.getTime())) throw new TypeError("now is not a valid Date");
  if (options.jti !== undefined && options.jti.trim() === "") throw new TypeError("jti must not be empty");
  return warnings;
}

/**
 * The JOSE header (RFC 7515 §4.1: RS256 + `x5t` or PS256 + `x5t#S256`, optional `x5c`) and the
 * claims Entra expects (RFC 7523 §3; Microsoft identity platform "certificate credentials"):
 * `aud` = the exact token endpoint, `iss` = `sub` = client ID, a fresh `jti`, `nbf` = `iat` = now,
 * `exp` = now + lifetime (RFC 7519 §4.1). Call validateAssertionSettings first.
 */
export async function buildAssertionContents(options: AssertionContentsOptions, warnings: string[]): Promise<AssertionContents> {
  const thumbprints = await computeThumbprints(options.certificateDer);
  const header: ClientAssertionHeader =
    options.form === "PS256-x5t#S256"
      ? { alg: "PS256", typ: "JWT", "x5t#S256": thumbprints.x5tS256 }
      : { alg: "RS256", typ: "JWT", x5t: thumbprints.x5t };
  if (options.includeX5c) header.x5c = [bytesToBase64(options.certificateDer)];

  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const clientId = options.clientId.trim();
  const payload: ClientAssertionClaims = {
    aud: options.tokenEndpoint,
    iss: clientId,
    sub: clientId,
    jti: options.jti ?? crypto.randomUUID(),
    nbf: issuedAt,
    iat: issuedAt,
    exp: issuedAt + (options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS),
  };
  return { header, payload, warnings };
}
