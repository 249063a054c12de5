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
import { MISSING_SECRET_MESSAGE } from "./missing-secret";
import { isGuid } from "../../entra/tenant";

export type ClientSecretProblemCode = "secret_empty" | "secret_looks_like_id" | "secret_has_whitespace" | "secret_too_long" | "secret_has_hidden_characters";

/**
 * A value longer than this is named: the secrets Entra issues are 40 characters (older ones 32–44, base64),
 * so a far longer one is a whole file or log pasted by mistake. Not a hard limit: the value is still sent as
 * given (the proxy takes at most 64 KiB in a request).
 */
export const LONGEST_PLAUSIBLE_SECRET_CHARS = 256;

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
 * Characters no secret Entra issues holds, and that a copy can carry in unseen: controls such as NUL (C0, DEL,
 * C1; tab and line breaks are whitespace, named apart), the bidirectional formatting characters such as the
 * right-to-left override (Unicode UAX #9; "Trojan Source", CVE-2021-42574), and zero-width or invisible ones.
 * Issued secrets are printable ASCII (letters, digits and ~._-), so every one of these is worth a word.
 */
function isHiddenCharacter(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return (
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xad || code === 0x061c || code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x206f) || code === 0xfeff || (code >= 0xfff9 && code <= 0xfffb)
  );
}

/** How the page names a hidden character: "a NUL (U+0000)", "a right-to-left override (U+202E)". */
function nameHiddenCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const names: Record<number, string> = {
    0x00: "NUL",
    0x7f: "DEL",
    0xad: "soft hyphen",
    0x200b: "zero-width space",
    0x200c: "zero-width non-joiner",
    0x200d: "zero-width joiner",
    0x200e: "left-to-right mark",
    0x200f: "right-to-left mark",
    0x202a: "left-to-right embedding",
    0x202b: "right-to-left embedding",
    0x202c: "pop directional formatting",
    0x202d: "left-to-right override",
    0x202e: "right-to-left override",
    0x2060: "word joiner",
    0x2066: "left-to-right isolate",
    0x2067: "right-to-left isolate",
    0x2068: "first strong isolate",
    0x2069: "pop directional isolate",
    0xfeff: "zero-width no-break space (byte order mark)",
  };
  const name = names[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? "control character" : "invisible formatting character");
  return `a ${name} (${hex})`;
}

/** The hidden characters in the value, named with where the first is and how many there are, or undefined. */
function describeHiddenCharacters(value: string): string | undefined {
  let first = -1;
  let count = 0;
  // Every hidden character is in the Basic Multilingual Plane, so UTF-16 code units are enough.
  for (let index = 0; index < value.length; index++) {
    if (!isHiddenCharacter(value.charCodeAt(index))) continue;
    if (first < 0) first = index;
    count++;
  }
  if (first < 0) return undefined;
  const more = count > 1 ? ` and ${(count - 1).toLocaleString("en-US")} more such character${count === 2 ? "" : "s"}` : "";
  return `${nameHiddenCharacter(value.charAt(first))} at character ${(first + 1).toLocaleString("en-US")}${more}`;
}

/**
 * The problems with a client secret value, most important first; empty when none is seen.
 * Whitespace is sent as typed (it could in principle be part of a secret), so it is named, not removed.
 */
export function checkClientSecret(value: string): ClientSecretProblem[] {
  if (value === "") return [{ code: "secret_empty", message: MISSING_SECRET_MESSAGE, blocking: true }];
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
  if (value.length > LONGEST_PLAUSIBLE_SECRET_CHARS) {
    problems.push({
      code: "secret_too_long",
      message: `The secret is ${value.length.toLocaleString("en-US")} characters long; the secrets Entra issues are 40, so this is more than the Value column (a file or a log?). Copy only the Value, or Entra will answer AADSTS7000215.`,
      aadsts: 7000215,
      blocking: false,
    });
  }
  const hidden = describeHiddenCharacters(value);
  if (hidden) {
    problems.push({
      code: "secret_has_hidden_characters",
      message: `The secret holds ${hidden}, which you cannot see and no secret Entra issues holds (they are letters, digits and ~._-): it came with the copy. Copy the Value again from Certificates & secrets, or Entra will answer AADSTS7000215.`,
      aadsts: 7000215,
      blocking: false,
    });
  }
  return problems;
}
