/** The keyCredentials entry for Microsoft Graph or the application manifest, and its stable keyId. */
import { bytesToBase64, hexToBytes } from "../encoding";
import type { Recipe, RecipeContext, RecipeInputs } from "./recipe";

/** The Graph / manifest `keyCredentials` entry for this certificate (Microsoft Graph keyCredential resource). */
export function keyCredentialEntry(inputs: RecipeInputs): Record<string, string> {
  return {
    customKeyIdentifier: bytesToBase64(hexToBytes(inputs.certificate.thumbprints.sha1Hex)),
    displayName: inputs.certificate.subject,
    endDateTime: inputs.certificate.notAfter,
    key: bytesToBase64(inputs.certificateDer),
    keyId: inputs.keyId,
    startDateTime: inputs.certificate.notBefore,
    type: "AsymmetricX509Cert",
    usage: "Verify",
  };
}

/**
 * A stable GUID for the keyCredentials entry, derived from the certificate's SHA-1 thumbprint
 * (formatted as an RFC 9562 version-8 "custom" UUID) so the snippet does not change on every render.
 */
export function keyIdFromThumbprint(sha1Hex: string): string {
  const hex = sha1Hex.toLowerCase().padEnd(32, "0").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const text = hex.join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}

export function keyCredentialsRecipe(context: RecipeContext): Recipe {
  return {
    id: "keycredentials",
    group: "upload",
    title: "Application manifest / Microsoft Graph keyCredentials entry",
    language: "json",
    description: "PATCH replaces the whole keyCredentials list: include the entries you want to keep.",
    code: JSON.stringify(keyCredentialEntry(context.inputs), null, 2),
  };
}
