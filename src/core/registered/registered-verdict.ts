/** What a verdict on the page's credential against the registered ones says (registered-verdict-* hooks). */
export interface RegisteredVerdict {
  verdict: "match" | "no-match" | "expired";
  /** One or two sentences: the row(s) it meets, or what Entra answers and the fix. */
  message: string;
  /** The code Entra answers when it is not a match. */
  aadsts?: number;
  /** The keyIds (ids for federated credentials) of the rows the page's credential matches. */
  matchedKeyIds: string[];
}

/** How a row is named in a verdict: its display name and keyId. */
export function nameRow(row: { displayName?: string; keyId: string }): string {
  const name = row.displayName?.trim();
  return name ? `"${name}" (keyId ${row.keyId || "not given"})` : `keyId ${row.keyId || "not given"}`;
}
