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
    expect(verdict.checks.find((check) => check.rule === "time")?.message).toContain(new Date(8.64e15).toISOString().replace(/\.000Z$/, "Z"));
  });
});

describe("checkFederatedToken: an nbf that is not a number is malformed, not absent", () => {
  it.each([null, "tomorrow", true, [1]])("nbf %j fails the time rule (jose refuses it too)", (nbf) => {
    const verdict = checkFederatedToken({ ...good, nbf }, credential, NOW);
    expect(verdict.firstFailure).toMatchObject({ rule: "time", aadsts: 700024 });
    expect(verdict.firstFailure?.message).toContain("not a number of seconds");
  });
});
