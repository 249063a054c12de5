import { describe, expect, it } from "vitest";
import { gitHubActionsSubject, gitHubSubjectProblem, kubernetesSubject, kubernetesSubjectProblem } from "./subject-builder";

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
