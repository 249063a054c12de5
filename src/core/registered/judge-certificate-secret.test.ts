import { describe, expect, it } from "vitest";
import { judgeCertificate } from "./judge-certificate";
import { judgeSecret } from "./judge-secret";
import type { RegisteredCertificate, RegisteredSecret } from "./registered-credential";

const NOW = new Date("2026-12-05T12:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const PAGE = "6443E93FFF8A25ED9F54304D68F34E4C3A093127";
const OTHER = "0000E93FFF8A25ED9F54304D68F34E4C3A093127";
const cert = (keyId: string, thumbprint: string | undefined, end: number): RegisteredCertificate => ({ kind: "certificate", keyId, displayName: `cert ${keyId}`, thumbprint, startDateTime: at(-100), endDateTime: at(end), source: "test" });
const secret = (keyId: string, hint: string | undefined, end: number): RegisteredSecret => ({ kind: "secret", keyId, displayName: `secret ${keyId}`, hint, startDateTime: at(-100), endDateTime: at(end), source: "test" });

describe("the page's certificate against the registered ones, by SHA-1 thumbprint", () => {
  it("a valid row with the thumbprint is a match, named", () => {
    const verdict = judgeCertificate(PAGE.toLowerCase(), [cert("a", OTHER, 100), cert("b", PAGE, 100)], NOW);
    expect(verdict).toMatchObject({ verdict: "match", matchedKeyIds: ["b"] });
    expect(verdict.message).toContain("cert b");
  });
  it("not among them: AADSTS700027 and upload server.crt", () => {
    const verdict = judgeCertificate(PAGE, [cert("a", OTHER, 100)], NOW);
    expect(verdict).toMatchObject({ verdict: "no-match", aadsts: 700027, matchedKeyIds: [] });
    expect(verdict.message).toMatch(/upload server\.crt/i);
  });
  it("only an expired row matches: expired, AADSTS700027", () => {
    expect(judgeCertificate(PAGE, [cert("a", PAGE, -3)], NOW)).toMatchObject({ verdict: "expired", aadsts: 700027, matchedKeyIds: ["a"] });
  });
  it("an expired and a valid row both with it: the valid one is the match", () => {
    expect(judgeCertificate(PAGE, [cert("old", PAGE, -3), cert("new", PAGE, 300)], NOW)).toMatchObject({ verdict: "match", matchedKeyIds: ["new"] });
  });
  it("rows with no thumbprint are counted in the message", () => {
    expect(judgeCertificate(PAGE, [cert("a", undefined, 100)], NOW).message).toMatch(/1 registered certificate has no thumbprint/);
  });
});

describe("the typed secret against the registered ones, by hint", () => {
  it("its first three characters meet a hint: a match; several sharing the hint are all listed", () => {
    expect(judgeSecret("abcDEF~secret", [secret("1", "abc", 100), secret("2", "xyz", 100)], NOW)).toMatchObject({ verdict: "match", matchedKeyIds: ["1"] });
    const shared = judgeSecret("abcDEF", [secret("1", "abc", 100), secret("2", "abc", 50)], NOW);
    expect(shared.matchedKeyIds).toEqual(["1", "2"]);
    expect(shared.message).toMatch(/2 secrets start with "abc"/);
  });
  it("hints are case-sensitive: ABC is not abc", () => {
    expect(judgeSecret("ABCdef", [secret("1", "abc", 100)], NOW)).toMatchObject({ verdict: "no-match", aadsts: 7000215 });
  });
  it("none: AADSTS7000215", () => {
    expect(judgeSecret("zzzzzz", [secret("1", "abc", 100)], NOW)).toMatchObject({ verdict: "no-match", aadsts: 7000215 });
  });
  it("only an expired one: AADSTS7000222", () => {
    expect(judgeSecret("abc123", [secret("1", "abc", -1)], NOW)).toMatchObject({ verdict: "expired", aadsts: 7000222, matchedKeyIds: ["1"] });
  });
  it("a value equal to a keyId is the secret's ID, not its value (AADSTS7000215)", () => {
    const keyId = "5f9a1c2e-0d4b-4c3a-9e8f-7a6b5c4d3e2f";
    const verdict = judgeSecret(` ${keyId.toUpperCase()} `, [secret(keyId, "5f9", 100)], NOW);
    expect(verdict).toMatchObject({ verdict: "no-match", aadsts: 7000215 });
    expect(verdict.message).toMatch(/secret's ID/);
  });
});
