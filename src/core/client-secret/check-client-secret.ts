/**
 * What can be told about a client secret before it is sent. Entra answers a wrong secret with
 * AADSTS7000215 "Invalid client secret provided. Ensure the secret being sent in the request is
 * the client secret value, not the client secret ID" — the portal's Certificates & secrets list
 * shows both a "Value" (shown once, when the secret is made) and a "Secret ID" (a GUID), and the
 * ID is the usual mistake. An expired secret is AADSTS7000222 (Azure SDK "Troubleshoot
 * ClientSecretCredential": https://learn.microsoft.com/azure/developer/java/sdk/troubleshooting-authentication-service-principal).
 * Secret values Entra generates are 40 characters, never a GUID, so a GUID-shaped value is almost
 * certainly the ID.
 */
import { isGuid } from "../../entra/tenant";

export type ClientSecretProblemCode = "secret_empty" | "secret_looks_like_id" | "secret_has_whitespace";

export interface ClientSecretProblem {
  code: ClientSecretProblemCode;
  /** What is wrong and the fix, in one sentence or two. */
  message: string;
  /** The AADSTS code Entra would answer, when one is known. */
  aadsts?: number;
  /** True when sending makes no sense (an empty value); warnings leave Send enabled. */
  blocking: boolean;
}

/** The whitespace the value starts or ends with, named: "a leading space", "a trailing line break". */
function describeEdgeWhitespace(value: string): string | undefined {
  const name = (char: string) => (char === " " ? "space" : char === "\t" ? "tab" : char === "\n" || char === "\r" ? "line break" : "whitespace character");
  const parts: string[] = [];
  const leading = /^\s/.exec(value)?.[0];
  const trailing = /\s$/.exec(value)?.[0];
  if (leading !== undefined) parts.push(`a leading ${name(leading)}`);
  if (trailing !== undefined) parts.push(`a trailing ${name(trailing)}`);
  return parts.length === 0 ? undefined : parts.join(" and ");
}

/**
 * The problems with a client secret value, most important first; empty when none is seen.
 * Whitespace is sent as typed (it could in principle be part of a secret), so it is named, not removed.
 */
export function checkClientSecret(value: string): ClientSecretProblem[] {
  if (value === "") return [{ code: "secret_empty", message: "Paste the client secret's Value from Certificates & secrets (shown only once, when the secret was added).", blocking: true }];
  const problems: ClientSecretProblem[] = [];
  if (isGuid(value.trim())) {
    problems.push({
      code: "secret_looks_like_id",
      message:
        "This looks like the secret's ID (a GUID), not its value: Entra will answer AADSTS7000215. Copy the Value column of Certificates & secrets instead; it is shown only when the secret is added, so if it is gone, add a new secret.",
      aadsts: 7000215,
      blocking: false,
    });
  }
  const whitespace = describeEdgeWhitespace(value);
  if (whitespace) {
    problems.push({
      code: "secret_has_whitespace",
      message: `The secret has ${whitespace}; generated secret values never do, so this probably came with the copy. Remove it, or Entra will answer AADSTS7000215.`,
      aadsts: 7000215,
      blocking: false,
    });
  }
  return problems;
}
