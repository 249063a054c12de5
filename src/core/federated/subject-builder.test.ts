import { describe, expect, it } from "vitest";
import { gitHubActionsSubject, gitHubSubjectForm, gitHubSubjectProblem, kubernetesSubject, kubernetesSubjectProblem } from "./subject-builder";

// Expected subjects written out by hand, as Microsoft's and GitHub's docs print them.
describe("GitHub Actions subjects", () => {
  const base = { organization: "contoso", repository: "web-app", value: "" };
  it.each([
    ["branch", "main", "repo:contoso/web-app:ref:refs/heads/main"],
    ["branch", "refs/heads/release/1.x", "repo:contoso/web-app:ref:refs/heads/release/1.x"],
    ["tag", "v1", "repo:contoso/web-app:ref:refs/tags/v1"],
    ["environment", "prod", "repo:contoso/web-app:environment:prod"],
    ["pull_request", "", "repo:contoso/web-app:pull_request"],
  ] as const)("%s %s → %s", (entity, value, subject) => {
    expect(gitHubSubjectProblem({ ...base, entity, value })).toBeUndefined();
    expect(gitHubActionsSubject({ ...base, entity, value })).toBe(subject);
  });
  it("keeps the case as typed (Entra compares case-sensitively)", () => {
    expect(gitHubActionsSubject({ organization: "Contoso", repository: "Web-App", entity: "environment", value: "Prod" })).toBe("repo:Contoso/Web-App:environment:Prod");
  });
  it("names what is missing", () => {
    expect(gitHubSubjectProblem({ ...base, organization: "", entity: "branch", value: "main" })).toMatch(/organisation/);
    expect(gitHubSubjectProblem({ ...base, entity: "environment", value: "" })).toMatch(/environment name/);
    expect(gitHubSubjectProblem({ ...base, repository: "a/b", entity: "pull_request" })).toMatch(/slashes/);
  });
});

// GitHub's immutable form, as Microsoft's migration guide prints it: repo:contoso@5544123/payments-api@821093847:ref:refs/heads/main.
describe("GitHub Actions subjects, ID form", () => {
  const ids = { organization: "contoso", repository: "payments-api", ownerId: "5544123", repositoryId: "821093847" };
  it.each([
    ["branch", "main", "repo:contoso@5544123/payments-api@821093847:ref:refs/heads/main"],
    ["tag", "v1.2", "repo:contoso@5544123/payments-api@821093847:ref:refs/tags/v1.2"],
    ["environment", "prod", "repo:contoso@5544123/payments-api@821093847:environment:prod"],
    ["pull_request", "", "repo:contoso@5544123/payments-api@821093847:pull_request"],
  ] as const)("%s %s → %s", (entity, value, subject) => {
    const parts = { ...ids, entity, value };
    expect(gitHubSubjectProblem(parts)).toBeUndefined();
    expect(gitHubSubjectForm(parts)).toBe("id");
    expect(gitHubActionsSubject(parts)).toBe(subject);
  });
  it("one ID alone keeps the name form", () => {
    const parts = { ...ids, repositoryId: " ", entity: "branch", value: "main" } as const;
    expect(gitHubSubjectForm(parts)).toBe("name");
    expect(gitHubActionsSubject(parts)).toBe("repo:contoso/payments-api:ref:refs/heads/main");
  });
  it.each(["12a", "-1", "1.5", "0x10", "1e3", "０１"])("refuses the ID %s, naming where to find it", (ownerId) => {
    expect(gitHubSubjectProblem({ ...ids, ownerId, entity: "branch", value: "main" })).toMatch(/digits only.*gh api repos\/OWNER\/REPO --jq '.owner.id, .id'/);
  });
  it("refuses a name typed with its ID", () => {
    expect(gitHubSubjectProblem({ ...ids, organization: "contoso@5544123", entity: "branch", value: "main" })).toMatch(/without @/);
  });
});

describe("Kubernetes subjects", () => {
  it("system:serviceaccount:<namespace>:<name>", () => {
    expect(kubernetesSubjectProblem({ namespace: "default", serviceAccount: "workload-sa" })).toBeUndefined();
    expect(kubernetesSubject({ namespace: " default ", serviceAccount: "workload-sa" })).toBe("system:serviceaccount:default:workload-sa");
  });
  it("refuses names Kubernetes would refuse", () => {
    expect(kubernetesSubjectProblem({ namespace: "Default", serviceAccount: "sa" })).toMatch(/DNS-1123/);
    expect(kubernetesSubjectProblem({ namespace: "", serviceAccount: "sa" })).toMatch(/namespace/);
  });
});
