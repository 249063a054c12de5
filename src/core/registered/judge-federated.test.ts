import { describe, expect, it } from "vitest";
import { judgeFederated } from "./judge-federated";
import type { RegisteredFederated } from "./registered-credential";

const GITHUB = "https://token.actions.githubusercontent.com";
const AUDIENCE = "api://AzureADTokenExchange";
// Claims as GitHub Actions puts them in an OIDC token for a job on main (written out by hand).
const token = { iss: GITHUB, sub: "repo:Contoso/web:ref:refs/heads/main", aud: AUDIENCE, repository_id: "123", repository_owner_id: "456" };
const fic = (id: string, extra: Partial<RegisteredFederated> = {}): RegisteredFederated => ({ kind: "federated", keyId: id, name: id, issuer: GITHUB, subject: token.sub, audiences: [AUDIENCE], source: "test", ...extra });

describe("the external token against every federated credential, in Entra's order", () => {
  it("the credential with issuer, subject and audience is named", () => {
    const verdict = judgeFederated(token, [fic("prod", { subject: "repo:Contoso/web:environment:prod" }), fic("main")]);
    expect(verdict).toMatchObject({ verdict: "match", matchedKeyIds: ["main"] });
    expect(verdict.message).toContain('"main"');
  });
  it("no credential has the issuer: 700211, and a trailing slash is named", () => {
    const verdict = judgeFederated(token, [fic("slash", { issuer: `${GITHUB}/` })]);
    expect(verdict).toMatchObject({ verdict: "no-match", aadsts: 700211 });
    expect(verdict.message).toMatch(/trailing slash/);
  });
  it("whitespace around the registered issuer is named too", () => {
    expect(judgeFederated(token, [fic("space", { issuer: `${GITHUB} ` })]).message).toMatch(/whitespace/);
  });
  it("an unrelated issuer: 700211 without a slash hint", () => {
    const verdict = judgeFederated(token, [fic("k8s", { issuer: "https://oidc.prod-aks.azure.com/abc/" })]);
    expect(verdict.aadsts).toBe(700211);
    expect(verdict.message).not.toMatch(/trailing slash/);
  });
  it("a subject differing only in case: 7002138, naming the credential and the first difference", () => {
    const verdict = judgeFederated(token, [fic("lower", { subject: "repo:contoso/web:ref:refs/heads/main" })]);
    expect(verdict).toMatchObject({ verdict: "no-match", aadsts: 7002138 });
    expect(verdict.message).toContain('"lower"');
    expect(verdict.message).toMatch(/character 6/);
  });
  it("another subject: 700213 with the nearest credential (most shared) and where it differs", () => {
    const verdict = judgeFederated(token, [fic("other-repo", { subject: "repo:Fabrikam/api:ref:refs/heads/main" }), fic("prod", { subject: "repo:Contoso/web:environment:prod" })]);
    expect(verdict).toMatchObject({ verdict: "no-match", aadsts: 700213 });
    expect(verdict.message).toContain('"prod"');
    expect(verdict.message).toMatch(/character 18/);
  });
  it("issuer and subject right, audience wrong: 700212", () => {
    expect(judgeFederated({ ...token, aud: "https://github.com/Contoso" }, [fic("main")])).toMatchObject({ verdict: "no-match", aadsts: 700212 });
    expect(judgeFederated({ ...token, aud: ["x", AUDIENCE] }, [fic("main")]).verdict).toBe("match");
  });
  it("a flexible credential's expression is evaluated in place of the subject", () => {
    const flexible = (value: string) => fic("flex", { subject: null, claimsMatchingExpression: { languageVersion: 1, value } });
    expect(judgeFederated(token, [flexible("claims['sub'] matches 'repo:Contoso/web:ref:refs/heads/*' and claims['repository_id'] eq '123'")])).toMatchObject({ verdict: "match", matchedKeyIds: ["flex"] });
    const miss = judgeFederated(token, [flexible("claims['sub'] matches 'repo:Contoso/web:environment:*' and claims['repository_id'] eq '123'")]);
    expect(miss).toMatchObject({ verdict: "no-match", aadsts: 700213 });
    expect(miss.message).toMatch(/claimsMatchingExpression/);
  });
  it("more than 20 credentials is over Entra's limit, said with the verdict", () => {
    const many = Array.from({ length: 21 }, (_, index) => fic(`env-${String(index)}`, { subject: `repo:Contoso/web:environment:e${String(index)}` }));
    expect(judgeFederated(token, many).overLimit).toMatch(/at most 20/);
    expect(judgeFederated(token, many.slice(0, 20)).overLimit).toBeUndefined();
  });
});
