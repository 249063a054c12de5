/**
 * The one rule that stops a client-secret request before anything else is judged: there is no value.
 * Kept apart from the full check (check-client-secret.ts) so the page's first screen, whose store asks
 * whether Send is possible, does not carry the rest of the check.
 */
export const MISSING_SECRET_MESSAGE = "Paste the client secret's Value from Certificates & secrets (shown only once, when the secret was added).";

/** The sentence that blocks sending, or undefined when a value is there (its other problems are warnings). */
export function missingSecretBlocker(value: string): string | undefined {
  return value === "" ? MISSING_SECRET_MESSAGE : undefined;
}
