import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { checkFederatedToken } from "./check-federated-token";
import { evaluateClaimsMatchingExpression, quoteComparand } from "./claims-matching-expression";

// Properties over the federated check's two readers of untrusted text: the claims matching expression
// (typed or pasted by the user) and the token's claims (pasted). Neither may throw, and what the verdict
// says stays bounded whatever the values (a hostile value is quoted by a prefix and its length).
const GITHUB = "https://token.actions.githubusercontent.com";
const NOW = new Date("2026-12-01T12:00:00Z");

/** Expressions near the grammar: its own pieces shuffled and mutated, so most runs reach deep into the parser. */
const piece = fc.constantFrom("claims['sub']", "claims['repository_id']", "claims[", "']", " ", "  ", "matches", "eq", "and", "or", "'", "''", "*", "?", "repo:a/b:ref:refs/heads/*", "\t", "é", "\u212a");
const nearExpression = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(""));
const claimValue = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 8 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }));

describe("claims matching expressions, fuzzed", () => {
  it("never throw: every expression is evaluated or refused with a coded message", async () => {
    await fuzzAssert(
      "claims-expression-never-throws",
      fc.property(fc.oneof(nearExpression, fc.string({ maxLength: 80 })), fc.record({ sub: claimValue, repository_id: claimValue }), (expression, claims) => {
        const result = evaluateClaimsMatchingExpression(expression, { iss: GITHUB, ...claims });
        if (result.ok) return typeof result.matches === "boolean";
        return /^ERR_FIC_[A-Z_]+$/.test(result.code) && result.message.length > 0 && result.message.length < 600;
      }),
      300,
    );
  });
  it("a written-out eq clause holds for exactly its own value, whatever characters it holds", async () => {
    await fuzzAssert(
      "claims-expression-eq-round-trip",
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (value, other) => {
        const expression = `claims['sub'] eq ${quoteComparand(value)} and claims['repository_id'] eq '1'`;
        const same = evaluateClaimsMatchingExpression(expression, { iss: GITHUB, sub: value, repository_id: "1" });
        const different = evaluateClaimsMatchingExpression(expression, { iss: GITHUB, sub: other, repository_id: "1" });
        return same.ok && same.matches && different.ok && different.matches === (value === other);
      }),
      200,
    );
  });
});

describe("the federated verdict, fuzzed", () => {
  it("never throws and says at most a few thousand characters, whatever the claims and credential", async () => {
    const longish = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 500, maxLength: 3000 }));
    await fuzzAssert(
      "federated-verdict-bounded",
      fc.property(
        fc.record({ iss: fc.oneof(longish, claimValue), sub: fc.oneof(longish, claimValue), aud: fc.oneof(longish, fc.array(longish, { maxLength: 40 }), claimValue), exp: fc.oneof(fc.integer(), fc.constant(undefined)) }),
        fc.record({ issuer: longish, subject: longish, audience: longish, matchBy: fc.constantFrom("subject" as const, "expression" as const), expression: fc.oneof(nearExpression, longish) }),
        (claims, credential) => {
          const verdict = checkFederatedToken(claims, credential, NOW);
          expect(verdict.summary.length).toBeLessThan(3000);
          for (const check of verdict.checks) expect(check.message.length).toBeLessThan(3000);
        },
      ),
      200,
    );
  });
});
