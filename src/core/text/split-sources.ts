/**
 * Plain words first, sources on request: the explanations the page shows cite the RFC section each rule
 * comes from, e.g. "Issuer (RFC 7519 §4.1.1): the tenant that issued the token". The page shows the
 * sentence without its citations and lists them only when the user asks for them.
 */

/** A parenthesis that cites an RFC: "(RFC 7515 §4.1.7)", "(RFC 7519 §4.1.4; Entra adds a skew)". */
const RFC_CITATION = /\s*\(([^()]*\bRFC \d+[^()]*)\)/g;

export interface PlainAndSources {
  /** The sentence with its RFC citations taken out. */
  plain: string;
  /** The citations, in order, without their parentheses. */
  sources: string[];
}

/** Splits the RFC citations out of an explanation; text without one comes back unchanged. */
export function splitSources(text: string): PlainAndSources {
  const sources: string[] = [];
  const plain = text.replace(RFC_CITATION, (_match, citation: string) => {
    sources.push(citation.trim());
    return "";
  });
  return { plain, sources };
}
