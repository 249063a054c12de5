// The client secret and federated token credentials, end to end: the page, a workbench server
// process of this spec's own (so its stdout and stderr can be read), and the mock Entra service.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { openTroubleshooting } from "./support/journey";
import { CLIENT_SECRET, WRONG_CLIENT_SECRET } from "../test-support/client-secrets";
import { createTestIssuer, FEDERATED_AUDIENCE, type FederatedTokenOverrides, type TestIssuer } from "../test-support/federated-issuer";
import { startServerProcess, type ServerProcess } from "../test-support/server-process";
import { startLoopbackTokenService, type LoopbackTokenService } from "../test-support/loopback-token-service";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const clientId = "0d1f4c3e-5b6a-4f7e-8d9c-a1b2c3d4e5f6";
const ISSUER = "https://issuer.e2e.workbench.test";
const SUBJECT = "repo:Contoso/web:environment:prod";

let mock: LoopbackTokenService;
let server: ServerProcess;
// The test's own issuer: Node's key pair, tokens signed by jose.
let issuer: TestIssuer;
/** Every secret and token this spec typed into the page: none may show up in storage, URL or server output. */
const typedCredentials: string[] = [CLIENT_SECRET];

test.beforeAll(async () => {
  issuer = await createTestIssuer({ issuer: ISSUER, subject: SUBJECT, kid: "e2e-key-1" });
  mock = await startLoopbackTokenService({
    tenant,
    clientId,
    registeredCertificatesPem: [],
    clientSecrets: [{ value: CLIENT_SECRET }],
    federatedCredentials: [issuer.credential],
  });
  server = await startServerProcess({ WORKBENCH_EXTRA_AUTHORITIES: mock.origin, NODE_EXTRA_CA_CERTS: mock.tls.certPath });
});

test.afterAll(async () => {
  server.child.kill("SIGTERM");
  await mock.close();
  // The server's whole output (stdout and stderr) never held a secret or a token.
  for (const credential of typedCredentials) expect(server.output()).not.toContain(credential.slice(0, 30));
  expect(server.output()).not.toContain("eyJ");
});

async function openPage(page: Page, method: "secret" | "federated"): Promise<void> {
  await page.goto(`${server.origin}/`);
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await page.getByTestId("cloud-select").selectOption("custom");
  await page.getByTestId("custom-authority-input").fill(mock.origin);
  await openTroubleshooting(page);
  await page.getByTestId("auth-method").selectOption(method);
  await expect(page.getByTestId("proxy-status")).toContainText("127.0.0.1");
}

async function externalToken(overrides: FederatedTokenOverrides = {}): Promise<string> {
  const token = await issuer.token(overrides);
  typedCredentials.push(token);
  return token;
}

async function fillCredential(page: Page, subject = SUBJECT, audience = FEDERATED_AUDIENCE): Promise<void> {
  await page.getByTestId("fic-issuer-input").fill(ISSUER);
  await page.getByTestId("fic-subject-input").fill(subject);
  await page.getByTestId("fic-audience-input").fill(audience);
}

/** Everything the browser keeps for the page: storage, cookies, IndexedDB names, the URL and history. */
async function browserKept(page: Page, context: BrowserContext): Promise<string> {
  const kept = await page.evaluate(async () => {
    const databases = await indexedDB.databases();
    return [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, location.href, String(history.length), JSON.stringify(databases.map((database) => database.name))].join("\n");
  });
  return `${kept}\n${JSON.stringify(await context.cookies())}`;
}

test.describe("client secret", () => {
  test("the right secret gets a token; the secret is masked in curl unless shown, and kept nowhere", async ({ page, context }) => {
    await openPage(page, "secret");
    await expect(page.getByTestId("client-secret-input")).toHaveAttribute("type", "password");
    await page.getByTestId("client-secret-input").fill(CLIENT_SECRET);
    await expect(page.getByTestId("client-secret-warnings")).toHaveCount(0);
    await expect(page.getByTestId("curl-command")).toContainText("client_secret=<client secret");
    await expect(page.getByTestId("curl-command")).not.toContainText(CLIENT_SECRET);
    await page.getByTestId("client-secret-toggle").click();
    await expect(page.getByTestId("client-secret-input")).toHaveAttribute("type", "text");
    await expect(page.getByTestId("curl-command")).toContainText(`client_secret=${CLIENT_SECRET}`);
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-status")).toContainText("HTTP 200");
    expect(mock.requests.at(-1)?.aadstsCode).toBeUndefined();
    const kept = await browserKept(page, context);
    expect(kept).toContain(clientId);
    expect(kept).not.toContain(CLIENT_SECRET);
    // A reload forgets the secret (it was never stored), but keeps the settings.
    await page.reload();
    await openTroubleshooting(page);
    await page.getByTestId("auth-method").selectOption("secret");
    await expect(page.getByTestId("client-secret-input")).toHaveValue("");
    await expect(page.getByTestId("tenant-input")).toHaveValue(tenant);
  });

  test("a wrong secret comes back as AADSTS7000215, explained with the fix", async ({ page }) => {
    await openPage(page, "secret");
    await page.getByTestId("client-secret-input").fill(WRONG_CLIENT_SECRET);
    typedCredentials.push(WRONG_CLIENT_SECRET);
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-explanation")).toContainText("AADSTS7000215");
    await expect(page.getByTestId("token-explanation")).toContainText("not its Secret ID");
  });

  test("a GUID-shaped secret is flagged as the secret's ID before sending", async ({ page }) => {
    await openPage(page, "secret");
    const sentBefore = mock.requests.length;
    await page.getByTestId("client-secret-input").fill(randomUUID());
    await expect(page.getByTestId("client-secret-warnings")).toContainText("secret's ID");
    await expect(page.getByTestId("client-secret-warnings")).toContainText("AADSTS7000215");
    // Said before anything was sent.
    expect(mock.requests.length).toBe(sentBefore);
    await page.getByTestId("client-secret-input").fill(` ${CLIENT_SECRET}`);
    await expect(page.getByTestId("client-secret-warnings")).toContainText("a leading space");
  });

  test("copying curl follows the rule stated beside it, for a secret as for an assertion: the credential is copied even while hidden", async ({ page }) => {
    await openPage(page, "secret");
    await page.getByTestId("client-secret-input").fill(CLIENT_SECRET);
    await expect(page.getByTestId("curl-command")).not.toContainText(CLIENT_SECRET);
    await expect(page.getByTestId("copy-curl-rule")).toHaveText("Copy includes the secret even while it is hidden here.");
    await page.getByTestId("copy-curl").click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`client_secret=${CLIENT_SECRET}`);
  });

  test("whitespace flagged on a secret: sent anyway, the 7000215 answer says the page had flagged it; Trim fixes it in one click and the token comes", async ({ page }) => {
    await openPage(page, "secret");
    await page.getByTestId("client-secret-input").fill(`${CLIENT_SECRET} `);
    await expect(page.getByTestId("client-secret-warnings")).toContainText("a trailing space");
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-explanation")).toContainText("AADSTS7000215");
    await expect(page.getByTestId("token-secret-flagged")).toContainText("flagged this value before it was sent");
    await page.getByTestId("client-secret-trim").click();
    await expect(page.getByTestId("client-secret-input")).toHaveValue(CLIENT_SECRET);
    await expect(page.getByTestId("client-secret-warnings")).toHaveCount(0);
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-status")).toContainText("HTTP 200");
  });
});

test.describe("federated token", () => {
  test("a matching token is judged a match and gets a token; it is kept nowhere", async ({ page, context }) => {
    await openPage(page, "federated");
    const token = await externalToken();
    await page.getByTestId("federated-token-input").fill(token);
    await fillCredential(page);
    await expect(page.getByTestId("fic-verdict")).toContainText("Matches the federated credential");
    await expect(page.getByTestId("fic-verdict")).toContainText("AADSTS7000272");
    // With the issuer's JWKS pasted, the signature is checked too.
    await page.getByTestId("fic-jwks").locator("summary").click();
    await page.getByTestId("fic-jwks-input").fill(issuer.jwksText);
    await expect(page.getByTestId("fic-verdict").locator('[data-rule="signature"]')).toHaveAttribute("data-signature-status", "valid");
    await expect(page.getByTestId("curl-command")).not.toContainText(token.slice(0, 40));
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-status")).toContainText("HTTP 200");
    const kept = await browserKept(page, context);
    expect(kept).not.toContain(token.slice(0, 40));
  });

  test("a subject differing only in case is AADSTS7002138 before and after sending", async ({ page }) => {
    await openPage(page, "federated");
    await page.getByTestId("federated-token-input").fill(await externalToken({ sub: SUBJECT.toLowerCase() }));
    await fillCredential(page);
    await expect(page.getByTestId("fic-verdict")).toContainText("AADSTS7002138");
    await expect(page.getByTestId("fic-verdict")).toContainText("case");
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-explanation")).toContainText("AADSTS7002138");
  });

  test("a wrong audience is AADSTS700212 before and after sending", async ({ page }) => {
    await openPage(page, "federated");
    await page.getByTestId("federated-token-input").fill(await externalToken({ aud: "https://github.com/Contoso" }));
    await fillCredential(page);
    await expect(page.getByTestId("fic-verdict")).toContainText("AADSTS700212");
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-explanation")).toContainText("AADSTS700212");
  });

  test("an expired token is AADSTS700024 before and after sending", async ({ page }) => {
    await openPage(page, "federated");
    await page.getByTestId("federated-token-input").fill(await externalToken({ exp: Math.floor(Date.now() / 1000) - 600 }));
    await fillCredential(page);
    await expect(page.getByTestId("fic-verdict")).toContainText("AADSTS700024");
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-explanation")).toContainText("AADSTS700024");
  });

  test("the subject builder fills the subject and the registration files follow", async ({ page }) => {
    await openPage(page, "federated");
    await page.getByTestId("fic-subject-builder").locator("summary").click();
    await page.getByTestId("fic-github-org").fill("Contoso");
    await page.getByTestId("fic-github-repo").fill("web");
    await page.getByTestId("fic-github-entity").selectOption("environment");
    await page.getByTestId("fic-github-value").fill("prod");
    await expect(page.getByTestId("fic-built-subject")).toHaveText(SUBJECT);
    await page.getByTestId("fic-use-subject").click();
    await expect(page.getByTestId("fic-subject-input")).toHaveValue(SUBJECT);
    await expect(page.getByTestId("fic-issuer-input")).toHaveValue("https://token.actions.githubusercontent.com");
    await page.getByTestId("fic-registration").locator("summary").click();
    const credential = JSON.parse((await page.getByTestId("fic-credential-json").textContent()) ?? "{}") as Record<string, unknown>;
    expect(credential).toMatchObject({ subject: SUBJECT, audiences: [FEDERATED_AUDIENCE] });
    await expect(page.getByTestId("fic-github-workflow")).toContainText("id-token: write");
    await expect(page.getByTestId("fic-az-command")).toContainText(`--id '${clientId}' --parameters credential.json`);
  });
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations with the secret and federated controls open, ${theme} theme`, async ({ page }) => {
    // Two axe runs take about a minute on a loaded CI machine: give them room rather than a flaky limit.
    test.slow();
    await openPage(page, "secret");
    await page.getByTestId("theme-select").selectOption(theme);
    await page.getByTestId("client-secret-input").fill(randomUUID());
    await page.getByTestId("secret-recipes").locator("summary").click();
    const secretResults = await new AxeBuilder({ page }).include('[id="token"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    await page.getByTestId("auth-method").selectOption("federated");
    await page.getByTestId("federated-token-input").fill(await externalToken({ aud: "x" }));
    await fillCredential(page);
    for (const testId of ["federated-token-details", "fic-subject-builder", "fic-jwks", "fic-registration"]) await page.getByTestId(testId).locator("summary").first().click();
    const federatedResults = await new AxeBuilder({ page }).include('[id="token"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const summary = [...secretResults.violations, ...federatedResults.violations].map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
    expect(summary).toEqual([]);
  });
}
