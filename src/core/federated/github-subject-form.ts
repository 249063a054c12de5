/**
 * GitHub's two subject forms for the same job: the name form `repo:contoso/app:ref:refs/heads/main`
 * and the immutable ID form `repo:contoso@1234567/app@7654321:ref:refs/heads/main` (Microsoft Entra
 * "Migrate GitHub Actions federated credentials to immutable subjects"). Entra compares subjects
 * exactly, so a credential in one form never matches a token in the other (AADSTS700213, as in
 * Azure/login#617); these read both forms and say which one to register instead of a bare mismatch.
 */
import { evaluateClauses, quoteComparand, type ClaimsClause } from "./claims-matching-expression";
import { quoteValue } from "./quote-value";

export interface GitHubSubjectReading {
  owner: string;
  ownerId?: string;
  repository: string;
  repositoryId?: string;
  /** What follows the repository: ":ref:refs/heads/main", ":environment:prod", ":pull_request". */
  context: string;
  form: "name" | "id";
}

/** No subject GitHub issues comes near this; longer text is not read (it keeps hostile input cheap). */
const LONGEST_SUBJECT = 4096;

/** Reads a GitHub Actions subject in either form, or undefined when it is not one. */
export function readGitHubSubject(subject: string): GitHubSubjectReading | undefined {
  if (subject.length > LONGEST_SUBJECT) return undefined;
  const match = /^repo:([^/@:\s]+)(?:@(\d+))?\/([^/@:\s]+)(?:@(\d+))?(:[\s\S]+)$/.exec(subject);
  if (!match) return undefined;
  const [, owner = "", ownerId, repository = "", repositoryId, context = ""] = match;
  const form = ownerId !== undefined && repositoryId !== undefined ? "id" : "name";
  return { owner, ownerId, repository, repositoryId, context, form };
}

export function nameForm(reading: GitHubSubjectReading): string {
  return `repo:${reading.owner}/${reading.repository}${reading.context}`;
}

export function idForm(reading: GitHubSubjectReading, ownerId: string, repositoryId: string): string {
  return `repo:${reading.owner}@${ownerId}/${reading.repository}@${repositoryId}${reading.context}`;
}

const SENDS_ID_FORM = "GitHub sends the ID form for this repository (repositories created, renamed or transferred since 15 July 2026, and any that opted in)";
const SWITCH = "the repository's (or organisation's) OpenID Connect subject settings";

/**
 * When the token's sub and a plain subject are the same job in the two forms (or the same names with
 * other IDs), says so and which subject to register; otherwise undefined.
 */
export function diagnoseSubjectForm(sub: string, subject: string): string | undefined {
  const token = readGitHubSubject(sub);
  const registered = readGitHubSubject(subject);
  if (!token || !registered) return undefined;
  if (nameForm(token) !== nameForm(registered)) return undefined;
  if (token.form === "id" && registered.form === "name") {
    return `The token's sub is GitHub's ID form and the credential's subject is the name form of the same repository and context: ${SENDS_ID_FORM}. Register the ID form, ${quoteValue(sub)} — it survives renames and transfers — or switch the repository back to name-form subjects in ${SWITCH}.`;
  }
  if (token.form === "name" && registered.form === "id") {
    return `The credential's subject is GitHub's ID form but the token's sub is the name form of the same repository and context: GitHub still sends the name form for this repository. Register the name form, ${quoteValue(sub)}, or opt the repository into immutable subjects in ${SWITCH} so that GitHub sends the ID form you registered.`;
  }
  if (token.form === "id" && registered.form === "id") {
    const which = token.ownerId !== registered.ownerId ? `owner ID (the token's ${token.ownerId ?? ""}, the credential's ${registered.ownerId ?? ""})` : `repository ID (the token's ${token.repositoryId ?? ""}, the credential's ${registered.repositoryId ?? ""})`;
    return `Same names and context in the ID form, but another ${which}: the repository was recreated or moved to another owner. Register the token's IDs only if this is the repository you mean to trust.`;
  }
  return undefined;
}

/**
 * When an expression's failing `sub` clause would hold for the same job's other form, says so and
 * how to write it; otherwise undefined. The ID form of a name-form token is built from the token's own
 * repository_owner_id and repository_id claims, which GitHub puts in every token.
 */
export function diagnoseExpressionForm(clause: ClaimsClause, claims: Readonly<Record<string, unknown>>): string | undefined {
  if (clause.claim !== "sub" || typeof claims.sub !== "string") return undefined;
  const token = readGitHubSubject(claims.sub);
  if (!token) return undefined;
  const holdsFor = (sub: string) => evaluateClauses([clause], { sub })[0]?.ok === true;
  if (token.form === "id" && holdsFor(nameForm(token))) {
    const prefix = `repo:${token.owner}/${token.repository}:`;
    const idPrefix = `repo:${token.owner}@${token.ownerId ?? ""}/${token.repository}@${token.repositoryId ?? ""}:`;
    const rewritten = clause.comparand.startsWith(prefix) && clause.comparand.length <= LONGEST_SUBJECT ? ` Write it as ${quoteComparand(idPrefix + clause.comparand.slice(prefix.length))}.` : "";
    return `The expression's sub pattern is written for the name form, but the token's sub is GitHub's ID form: ${SENDS_ID_FORM}.${rewritten} Or switch the repository back to name-form subjects in ${SWITCH}.`;
  }
  const ownerId = claims.repository_owner_id;
  const repositoryId = claims.repository_id;
  if (token.form === "name" && typeof ownerId === "string" && typeof repositoryId === "string" && /^\d{1,20}$/.test(ownerId) && /^\d{1,20}$/.test(repositoryId) && holdsFor(idForm(token, ownerId, repositoryId))) {
    return `The expression's sub pattern is written for GitHub's ID form, but the token's sub is the name form: GitHub still sends the name form for this repository. Write the pattern in the name form, or opt the repository into immutable subjects in ${SWITCH}.`;
  }
  return undefined;
}
