/** Cleaning up pasted token text, and rewriting standard base64 as base64url (RFC 4648 §4–§5, RFC 7515 §2). */

/**
 * Strips what people paste around a token: whitespace, line breaks, quotes and a `Bearer ` prefix.
 * Linear in the text: no pattern here can backtrack over a long input.
 */
export function normalizeTokenText(text: string): string {
  let token = text.trim().replace(/^bearer\s+/i, "");
  if (token.length >= 2 && token.startsWith('"') && token.endsWith('"') && token.indexOf('"', 1) === token.length - 1) token = token.slice(1, -1);
  return token.replace(/\s+/g, "");
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
