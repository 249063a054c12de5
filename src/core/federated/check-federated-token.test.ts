import { describe, expect, it } from "vitest";
import { inspectJwt } from "../jwt/inspect-jwt";
import { checkFederatedToken } from "./check-federated-token";

const NOW = new Date("2026-12-01T12:00:00Z");
const now = Math.floor(NOW.getTime() / 1000);
const credential = { issuer: "https://token.actions.githubusercontent.com", subject: "repo:Contoso/web:environment:prod", audience: "api://AzureADTokenExchange" };
// What GitHub puts in an OIDC token for that job (written out by hand).
const good = { iss: "https://token.actions.githubusercontent.com", sub: "repo:Contoso/web:environment:prod", aud: "api://AzureADTokenExchange", nbf: now - 60, exp: now + 240 };

describe("checkFederatedToken: Entra's rules, first failure named with its code", () => {
  it("a matching token passes every rule", () => {
    const verdict = checkFederatedToken(good, credential, NOW);
    expect(verdict).toMatchObject({ matches: true, firstFailure: undefined });
    expect(verdict.checks.map((check) => check.ok)).toEqual([true, true, true, true]);
    expect(verdict.summary).toMatch(/^Matches/);
  });
  it("iss differing only by a trailing slash: AADSTS700211, and the slash is named", () => {
    const verdict = checkFederatedToken({ ...good, iss: `${good.iss}/` }, credential, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "issuer", aadsts: 700211 });
    expect(verdict.firstFailure?.message).toMatch(/trailing slash/);
    expect(verdict.summary).toContain("AADSTS700211");
  });
  it("sub equal but for case: AADSTS7002138", () => {
    const verdict = checkFederatedToken({ ...good, sub: "repo:contoso/web:environment:prod" }, credential, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "subject", aadsts: 7002138 });
    expect(verdict.summary).toContain("AADSTS7002138");
  });
  it("another sub: AADSTS700213", () => {
    expect(checkFederatedToken({ ...good, sub: "repo:Contoso/web:ref:refs/heads/main" }, credential, NOW).firstFailure).toMatchObject({ rule: "subject", aadsts: 700213 });
  });
  it("aud as a list holding the audience passes; without it AADSTS700212", () => {
    expect(checkFederatedToken({ ...good, aud: ["x", "api://AzureADTokenExchange"] }, credential, NOW).matches).toBe(true);
    expect(checkFederatedToken({ ...good, aud: "https://github.com/Contoso" }, credential, NOW).firstFailure).toMatchObject({ rule: "audience", aadsts: 700212 });
  });
  it("exp: 4 minutes past is inside the 5-minute skew, 6 minutes past is AADSTS700024", () => {
    expect(checkFederatedToken({ ...good, exp: now - 240 }, credential, NOW).matches).toBe(true);
    expect(checkFederatedToken({ ...good, exp: now - 360 }, credential, NOW).firstFailure).toMatchObject({ rule: "time", aadsts: 700024 });
  });
  it("nbf 6 minutes ahead is AADSTS700024; 4 minutes ahead passes; no exp fails", () => {
    expect(checkFederatedToken({ ...good, nbf: now + 360 }, credential, NOW).firstFailure).toMatchObject({ rule: "time", aadsts: 700024 });
    expect(checkFederatedToken({ ...good, nbf: now + 240 }, credential, NOW).matches).toBe(true);
    expect(checkFederatedToken({ ...good, exp: undefined }, credential, NOW).firstFailure).toMatchObject({ rule: "time" });
  });
  it("reports the first failure in Entra's order while listing every check", () => {
    const verdict = checkFederatedToken({ ...good, iss: "x", aud: "y" }, credential, NOW);
    expect(verdict.firstFailure?.aadsts).toBe(700211);
    expect(verdict.checks.filter((check) => !check.ok).map((check) => check.aadsts)).toEqual([700211, 700212]);
  });
});

describe("values as typed, never trimmed (Entra compares the registered value exactly)", () => {
  it("an issuer with a trailing space does not match, and the space is named", () => {
    const verdict = checkFederatedToken(good, { ...credential, issuer: `${credential.issuer} ` }, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "issuer", aadsts: 700211 });
    expect(verdict.firstFailure?.message).toMatch(/issuer ends with a space, which Entra keeps/);
  });
  it("a subject with a leading tab or a trailing no-break space does not match, and the character is named", () => {
    expect(checkFederatedToken(good, { ...credential, subject: `\t${credential.subject}` }, NOW).firstFailure?.message).toMatch(/subject starts with a tab/);
    const nbsp = checkFederatedToken(good, { ...credential, subject: `${credential.subject}\u00a0` }, NOW).firstFailure;
    expect(nbsp).toMatchObject({ rule: "subject", aadsts: 700213 });
    expect(nbsp?.message).toMatch(/no-break space \(U\+00A0\)/);
  });
  it("an audience with a trailing space does not match", () => {
    const verdict = checkFederatedToken(good, { ...credential, audience: "api://AzureADTokenExchange " }, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "audience", aadsts: 700212 });
    expect(verdict.firstFailure?.message).toMatch(/audience ends with a space/);
  });
  it("a token whose sub has the space is named as the token's", () => {
    expect(checkFederatedToken({ ...good, sub: `${good.sub} ` }, credential, NOW).firstFailure?.message).toMatch(/token's sub ends with a space/);
  });
});

describe("differs only in case: simple case mapping, as .NET's ordinal ignore-case comparison", () => {
  it("the Kelvin sign U+212A is another character, not a capital K: AADSTS700213, not 7002138", () => {
    // toLowerCase maps U+212A to "k", which made this look like a case difference.
    expect("\u212a".toLowerCase()).toBe("k");
    const kelvin = { ...credential, subject: "repo:Contoso/web:environment:\u212aprod" };
    expect(checkFederatedToken({ ...good, sub: "repo:Contoso/web:environment:kprod" }, kelvin, NOW).firstFailure).toMatchObject({ aadsts: 700213 });
    expect(checkFederatedToken({ ...good, sub: "repo:Contoso/web:environment:Kprod" }, kelvin, NOW).firstFailure).toMatchObject({ aadsts: 700213 });
  });
  it("K and k, and dotless ı and I, are case variants: AADSTS7002138", () => {
    const plain = { ...credential, subject: "repo:Contoso/web:environment:Kprod" };
    expect(checkFederatedToken({ ...good, sub: "repo:Contoso/web:environment:kprod" }, plain, NOW).firstFailure).toMatchObject({ aadsts: 7002138 });
    expect(checkFederatedToken({ ...good, sub: "repo:Contoso/web:environment:\u0131" }, { ...credential, subject: "repo:Contoso/web:environment:I" }, NOW).firstFailure).toMatchObject({ aadsts: 7002138 });
  });
  it("ß and SS are not (a full mapping, not a simple one)", () => {
    expect(checkFederatedToken({ ...good, sub: "repo:Contoso/web:environment:\u00df" }, { ...credential, subject: "repo:Contoso/web:environment:SS" }, NOW).firstFailure).toMatchObject({ aadsts: 700213 });
  });
});

describe("GitHub's name form and ID form", () => {
  const github = { ...credential, issuer: "https://token.actions.githubusercontent.com" };
  const token = { ...good, iss: github.issuer, repository_owner_id: "5544123", repository_id: "821093847" };
  const nameForm = "repo:contoso/payments-api:ref:refs/heads/main";
  const idForm = "repo:contoso@5544123/payments-api@821093847:ref:refs/heads/main";
  it("an ID-form token against a name-form subject: says so and to register the ID form", () => {
    const failure = checkFederatedToken({ ...token, sub: idForm }, { ...github, subject: nameForm }, NOW).firstFailure;
    expect(failure).toMatchObject({ rule: "subject", aadsts: 700213 });
    expect(failure?.message).toMatch(/token's sub is GitHub's ID form and the credential's subject is the name form/);
    expect(failure?.message).toContain(`Register the ID form, "${idForm}"`);
  });
  it("a name-form token against an ID-form subject: register the name form or opt in", () => {
    const failure = checkFederatedToken({ ...token, sub: nameForm }, { ...github, subject: idForm }, NOW).firstFailure;
    expect(failure?.message).toMatch(/GitHub still sends the name form/);
    expect(failure?.message).toContain(`Register the name form, "${nameForm}"`);
  });
  it("the same names with another repository ID: the repository was recreated or moved", () => {
    const failure = checkFederatedToken({ ...token, sub: idForm }, { ...github, subject: idForm.replace("821093847", "821093848") }, NOW).firstFailure;
    expect(failure?.message).toMatch(/another repository ID \(the token's 821093847, the credential's 821093848\)/);
  });
  it("another branch in the other form is a plain mismatch", () => {
    const failure = checkFederatedToken({ ...token, sub: idForm }, { ...github, subject: nameForm.replace("main", "dev") }, NOW).firstFailure;
    expect(failure?.message).toMatch(/^sub is .* but the credential's subject is/);
  });
});

describe("flexible credentials: the expression is evaluated like a subject", () => {
  const flexible = { issuer: "https://token.actions.githubusercontent.com", subject: "", audience: "api://AzureADTokenExchange", matchBy: "expression" as const };
  const token = { ...good, iss: flexible.issuer, sub: "repo:contoso/app:ref:refs/heads/release/1.x", repository_owner_id: "1234567", repository_id: "7654321" };
  it("a matching expression passes", () => {
    const verdict = checkFederatedToken(token, { ...flexible, expression: "claims['sub'] matches 'repo:contoso/app:ref:refs/heads/release/*' and claims['repository_id'] eq '7654321'" }, NOW);
    expect(verdict.matches).toBe(true);
    expect(verdict.summary).toMatch(/issuer, expression, audience/);
  });
  it("a failing clause: AADSTS700213 with the clause and the token's value", () => {
    const failure = checkFederatedToken(token, { ...flexible, expression: "claims['sub'] matches 'repo:contoso/app:ref:refs/tags/*' and claims['repository_id'] eq '7654321'" }, NOW).firstFailure;
    expect(failure).toMatchObject({ rule: "subject", aadsts: 700213 });
    expect(failure?.message).toContain(`sub must match "repo:contoso/app:ref:refs/tags/*", and the token's is "${token.sub}"`);
  });
  it("an expression Entra would refuse is named with its code, not an AADSTS", () => {
    const verdict = checkFederatedToken(token, { ...flexible, expression: "claims['sub'] matches 'repo:contoso/app:*'" }, NOW);
    expect(verdict.firstFailure?.aadsts).toBeUndefined();
    expect(verdict.firstFailure?.message).toMatch(/ERR_FIC_MISSING_CLAIM/);
    expect(checkFederatedToken({ ...token, iss: "https://issuer.example" }, { ...flexible, issuer: "https://issuer.example", expression: "claims['sub'] eq 'x'" }, NOW).firstFailure?.message).toMatch(/ERR_FIC_UNSUPPORTED_ISSUER/);
  });
  it("an ID-form token against a name-form pattern: says which form to write", () => {
    const failure = checkFederatedToken({ ...token, sub: "repo:contoso@1234567/app@7654321:ref:refs/heads/release/1.x" }, { ...flexible, expression: "claims['sub'] matches 'repo:contoso/app:ref:refs/heads/release/*' and claims['repository_id'] eq '7654321'" }, NOW).firstFailure;
    expect(failure?.message).toMatch(/written for the name form, but the token's sub is GitHub's ID form/);
    expect(failure?.message).toContain("Write it as 'repo:contoso@1234567/app@7654321:ref:refs/heads/release/*'");
  });
  it("a name-form token against an ID-form pattern: GitHub still sends the name form", () => {
    const failure = checkFederatedToken(token, { ...flexible, expression: "claims['sub'] matches 'repo:contoso@1234567/app@7654321:ref:refs/heads/*' and claims['repository_id'] eq '7654321'" }, NOW).firstFailure;
    expect(failure?.message).toMatch(/written for GitHub's ID form, but the token's sub is the name form/);
  });
});

describe("hostile values are quoted bounded", () => {
  const long = "s".repeat(1 << 20);
  it("a 1 MiB sub, issuer or audience is quoted as a prefix with its length", () => {
    for (const claims of [{ ...good, sub: long }, { ...good, iss: long }, { ...good, aud: long }]) {
      const verdict = checkFederatedToken(claims, credential, NOW);
      expect(verdict.summary.length).toBeLessThan(1000);
      expect(verdict.checks.every((check) => check.message.length < 1000)).toBe(true);
      expect(verdict.firstFailure?.message).toContain("(1,048,576 characters)");
    }
  });
  it("a 100,000-entry aud is described by its count", () => {
    const verdict = checkFederatedToken({ ...good, aud: Array.from({ length: 100_000 }, (_, index) => `a${String(index)}`) }, credential, NOW);
    expect(verdict.firstFailure?.message).toMatch(/aud is a list of 100,000 values beginning "a0", "a1", "a2"/);
    expect(verdict.firstFailure?.message.length).toBeLessThan(1000);
  });
  it("a 1 MiB subject typed into the credential is quoted bounded too", () => {
    expect(checkFederatedToken(good, { ...credential, subject: long }, NOW).summary.length).toBeLessThan(1000);
  });
});

describe("before the credential's fields are filled", () => {
  it("an empty issuer and subject: incomplete, asks for them, names no AADSTS code, and offers the token's values", () => {
    const verdict = checkFederatedToken(good, { ...credential, issuer: "", subject: "" }, NOW);
    expect(verdict).toMatchObject({ matches: false, state: "incomplete", missing: ["issuer", "subject"], firstFailure: undefined });
    expect(verdict.summary).toBe("Fill in the issuer and subject as registered on the app to check the token against them.");
    expect(verdict.summary).not.toMatch(/AADSTS/);
    const [issuer, subject] = verdict.checks;
    expect(issuer).toMatchObject({ rule: "issuer", ok: false, pending: true });
    expect(issuer?.aadsts).toBeUndefined();
    expect(issuer?.message).toContain(`The token's iss is "${String(good.iss)}"`);
    expect(subject).toMatchObject({ rule: "subject", ok: false, pending: true });
    expect(subject?.message).toContain(`The token's sub is "${String(good.sub)}"`);
  });
  it("only the subject empty, or white space only: incomplete on the subject; the issuer is judged", () => {
    for (const subject of ["", "   "]) {
      const verdict = checkFederatedToken(good, { ...credential, subject }, NOW);
      expect(verdict).toMatchObject({ state: "incomplete", missing: ["subject"] });
      expect(verdict.checks[0]).toMatchObject({ rule: "issuer", ok: true });
    }
  });
  it("a rule that already fails is still reported while a field is empty, without making the verdict a mismatch", () => {
    const verdict = checkFederatedToken({ ...good, exp: Math.floor(NOW.getTime() / 1000) - 3600 }, { ...credential, issuer: "" }, NOW);
    expect(verdict).toMatchObject({ state: "incomplete", firstFailure: { rule: "time", aadsts: 700024 } });
    expect(verdict.summary).toMatch(/^Fill in the issuer .* One check already fails/);
  });
  it("a flexible credential without its expression asks for the expression", () => {
    const verdict = checkFederatedToken(good, { ...credential, matchBy: "expression", expression: "" }, NOW);
    expect(verdict).toMatchObject({ state: "incomplete", missing: ["expression"] });
    expect(verdict.summary).toMatch(/^Fill in the expression/);
  });
});

describe("the verdict line does not repeat the first failing check", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["issuer", { ...good, iss: `${String(good.iss)}/` }, /AADSTS700211, because the token's iss is not the credential's issuer/],
    ["subject", { ...good, sub: "repo:contoso/other:ref:refs/heads/main" }, /AADSTS700213, because the token's sub is not the credential's subject/],
    ["audience", { ...good, aud: "api://other" }, /AADSTS700212, because the token's aud does not hold/],
    ["time", { ...good, exp: Math.floor(NOW.getTime() / 1000) - 3600 }, /AADSTS700024, because the token's times/],
  ];
  for (const [rule, claims, expected] of cases) {
    it(`${rule}: the code and a reason in the line, the values and the fix in the check`, () => {
      const verdict = checkFederatedToken(claims, credential, NOW);
      expect(verdict.state).toBe("mismatch");
      expect(verdict.summary).toMatch(expected);
      expect(verdict.firstFailure?.rule).toBe(rule);
      expect(verdict.summary).not.toContain(verdict.firstFailure?.message ?? "—");
      // Not even its first sentence.
      expect(verdict.summary).not.toContain((verdict.firstFailure?.message ?? "—").split(/[.:]/)[0]);
    });
  }
});

describe("checkFederatedToken: times no date can hold are named, never thrown (ECMAScript dates end at ±8.64e15 ms)", () => {
  // The payload as JSON text, decoded by the page's own inspector the way a pasted token is: 1e400 parses to Infinity.
  const segment = (json: string) => Buffer.from(json).toString("base64url");
  const tokenWith = (times: string) =>
    `${segment('{"alg":"RS256","typ":"JWT"}')}.${segment(`{"iss":"${good.iss}","sub":"${good.sub}","aud":"${good.aud}",${times}}`)}.${segment("signature")}`;

  it.each([
    ["exp -1e15", `"exp":-1e15`, "exp is -1000000000000000"],
    ["exp 1e308", `"exp":1e308`, "exp is 1e+308"],
    ["exp 1e400", `"exp":1e400`, "exp is Infinity"],
    ["nbf 1e308", `"nbf":1e308,"exp":${String(now + 240)}`, "nbf is 1e+308"],
  ])("%s: the time rule fails with AADSTS700024 and says the claim is out of range", async (_name, times, named) => {
    const inspection = await inspectJwt(tokenWith(times), { now: NOW });
    if (!inspection.ok) throw new Error(inspection.problem);
    const verdict = checkFederatedToken(inspection.payload, credential, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "time", aadsts: 700024 });
    expect(verdict.firstFailure?.message).toContain(named);
    expect(verdict.firstFailure?.message).toContain("out of the range of any date");
    // The decoded view names it too, instead of dropping the time.
    const row = inspection.claims.find((claim) => claim.name === (named.startsWith("nbf") ? "nbf" : "exp"));
    expect(row?.time?.relative).toBe("out of the range of any date");
  });

  it("the largest time a Date holds is still a date", () => {
    const verdict = checkFederatedToken({ ...good, exp: 8.64e12 }, credential, NOW);
    expect(verdict.checks.find((check) => check.rule === "time")).toMatchObject({ ok: true });
    expect(verdict.checks.find((check) => check.rule === "time")?.message).toContain(`${new Date(8.64e15).toISOString().replace(/T(.*)\.000Z$/, " $1")} UTC`);
  });
});

describe("checkFederatedToken: an nbf that is not a number is malformed, not absent", () => {
  it.each([null, "tomorrow", true, [1]])("nbf %j fails the time rule (jose refuses it too)", (nbf) => {
    const verdict = checkFederatedToken({ ...good, nbf }, credential, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "time", aadsts: 700024 });
    expect(verdict.firstFailure?.message).toContain("not a number of seconds");
  });
});
