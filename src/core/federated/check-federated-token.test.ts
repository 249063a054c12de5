import { describe, expect, it } from "vitest";
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
