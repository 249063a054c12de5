/**
 * Whether the subject the builder wrote is the pasted token's sub, said before it is registered. Entra
 * compares the registered subject with the token's sub exactly and case-sensitively (federatedIdentityCredential:
 * https://learn.microsoft.com/graph/api/resources/federatedidentitycredential), so a built subject that differs
 * — if only in case — makes a credential that token does not match.
 */
import { differsOnlyInCase } from "./differs-only-in-case";
import { readGitHubSubject } from "./github-subject-form";
import { quoteValue } from "./quote-value";

export interface BuiltSubjectDifference {
  /** The code Entra answers for that token against a credential with the built subject. */
  aadsts: 700213 | 7002138;
  message: string;
}

/** Undefined when the built subject is exactly the token's sub (or the token has no string sub). */
export function compareBuiltSubject(built: string, tokenSub: unknown): BuiltSubjectDifference | undefined {
  if (typeof tokenSub !== "string" || built === tokenSub) return undefined;
  if (differsOnlyInCase(built, tokenSub)) {
    return {
      aadsts: 7002138,
      message: `This differs from the pasted token's sub, ${quoteValue(tokenSub)}, in case only: Entra compares subjects case-sensitively, so that token would not match it (AADSTS7002138). Type the names as the workload sends them.`,
    };
  }
  const token = readGitHubSubject(tokenSub);
  const mine = readGitHubSubject(built);
  const form = token && mine && token.form !== mine.form ? ` The token's is GitHub's ${token.form === "id" ? "ID" : "name"} form, this is the ${mine.form === "id" ? "ID" : "name"} form.` : "";
  return {
    aadsts: 700213,
    message: `This differs from the pasted token's sub, ${quoteValue(tokenSub)}: that token would not match it (AADSTS700213).${form} Build the subject the workload that is failing sends.`,
  };
}
