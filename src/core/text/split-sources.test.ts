import { describe, expect, it } from "vitest";
import { splitSources } from "./split-sources";

describe("splitSources: plain words first, the RFC sections apart", () => {
  it("takes an RFC citation out of the sentence and keeps it", () => {
    expect(splitSources("Issuer (RFC 7519 §4.1.1): the Entra tenant that issued the token.")).toEqual({
      plain: "Issuer: the Entra tenant that issued the token.",
      sources: ["RFC 7519 §4.1.1"],
    });
  });

  it("keeps every citation, in order", () => {
    const { plain, sources } = splitSources("SHA-1 thumbprint (RFC 7515 §4.1.7), paired with RS256 (RFC 7518 §3.3).");
    expect(plain).toBe("SHA-1 thumbprint, paired with RS256.");
    expect(sources).toEqual(["RFC 7515 §4.1.7", "RFC 7518 §3.3"]);
  });

  it("leaves a parenthesis that cites no RFC, and text without citations, as they are", () => {
    const text = 'Content type of the payload ("JWT" only for nested tokens).';
    expect(splitSources(text)).toEqual({ plain: text, sources: [] });
  });
});
