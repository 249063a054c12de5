import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellArguments } from "../../../test-support/snippets";
import { federatedCredentialCommand, federatedCredentialJson, federatedCredentialName, gitHubActionsWorkflow, kubernetesManifest } from "./registration-files";

/** PyYAML (a real YAML parser, independent of our code) reads every document as JSON. */
function parseYaml(text: string): unknown[] {
  const output = execFileSync("python3", ["-c", "import json,sys,yaml; print(json.dumps(list(yaml.safe_load_all(sys.stdin))))"], { input: text, encoding: "utf8" });
  return JSON.parse(output) as unknown[];
}

const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

describe("federated credential JSON", () => {
  it("has the five fields Graph takes, audiences a list, and a name Entra accepts", () => {
    const json = JSON.parse(federatedCredentialJson({ issuer: "https://token.actions.githubusercontent.com", subject: "repo:contoso/web:ref:refs/heads/main", audience: "api://AzureADTokenExchange" })) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["name", "issuer", "subject", "audiences", "description"]);
    expect(json).toMatchObject({ issuer: "https://token.actions.githubusercontent.com", subject: "repo:contoso/web:ref:refs/heads/main", audiences: ["api://AzureADTokenExchange"] });
    expect(json.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/);
  });
  it("names stay valid for odd subjects", () => {
    for (const subject of ["a", "::", "x".repeat(300), "system:serviceaccount:ns:sa"]) expect(federatedCredentialName(subject)).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/);
  });
  it("the az command passes the app ID and the file (judged by sh)", () => {
    expect(shellArguments("az", federatedCredentialCommand(clientId))).toEqual(["ad", "app", "federated-credential", "create", "--id", clientId, "--parameters", "credential.json"]);
  });
});

describe("GitHub Actions workflow", () => {
  it("environment: id-token write, the job's environment, azure/login with client-id, tenant-id and no subscription", () => {
    const [workflow] = parseYaml(gitHubActionsWorkflow({ parts: { organization: "contoso", repository: "web", entity: "environment", value: "prod" }, clientId, tenant })) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML, checked by the expectations below
    expect(workflow?.permissions).toEqual({ "id-token": "write", contents: "read" });
    expect(workflow?.jobs.login.environment).toBe("prod");
    expect(workflow?.jobs.login.steps[0]).toEqual({ uses: "azure/login@v2", with: { "client-id": clientId, "tenant-id": tenant, "allow-no-subscriptions": true } });
  });
  it("tag and pull request triggers; a subscription ID when given", () => {
    const [tagged] = parseYaml(gitHubActionsWorkflow({ parts: { organization: "o", repository: "r", entity: "tag", value: "v1" }, clientId, tenant, subscriptionId: "sub-1" })) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML
    // PyYAML reads the key `on` as the boolean true (YAML 1.1), as GitHub's own loader does not; look it up either way.
    expect(tagged?.on ?? tagged?.true).toEqual({ push: { tags: ["v1"] } });
    expect(tagged?.jobs.login.steps[0].with["subscription-id"]).toBe("sub-1");
    const [pr] = parseYaml(gitHubActionsWorkflow({ parts: { organization: "o", repository: "r", entity: "pull_request", value: "" }, clientId, tenant })) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML
    expect(pr?.on ?? pr?.true).toEqual({ pull_request: null });
  });
});

describe("Kubernetes manifest", () => {
  it("a service account annotated with the client ID and a pod labelled azure.workload.identity/use: \"true\" (a string)", () => {
    const [account, pod] = parseYaml(kubernetesManifest({ parts: { namespace: "apps", serviceAccount: "workload-sa" }, clientId, tenant })) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML
    expect(account).toMatchObject({ kind: "ServiceAccount", metadata: { name: "workload-sa", namespace: "apps", annotations: { "azure.workload.identity/client-id": clientId, "azure.workload.identity/tenant-id": tenant } } });
    expect(pod?.metadata.labels).toEqual({ "azure.workload.identity/use": "true" });
    expect(pod?.spec.serviceAccountName).toBe("workload-sa");
  });
});

describe("credential.json is what the user will register", () => {
  it("keeps the values as typed, white space included (Entra compares them as registered)", () => {
    const json = JSON.parse(federatedCredentialJson({ issuer: "https://token.actions.githubusercontent.com ", subject: " repo:contoso/web:ref:refs/heads/main", audience: "api://AzureADTokenExchange" })) as Record<string, unknown>;
    expect(json.issuer).toBe("https://token.actions.githubusercontent.com ");
    expect(json.subject).toBe(" repo:contoso/web:ref:refs/heads/main");
  });
});
