import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";
import { openFold, openTroubleshooting } from "./support/journey";
import { longestTaskSince, pageClock, recordLongTasks } from "./support/long-tasks";
import { MOCK_AUTHORITY_ORIGIN, MOCK_AUTHORITY_PORT, readMockAuthorityTls } from "../test-support/mock-authority";
import { startMockTokenService, type MockTokenService } from "../test-support/mock-token-service";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const OBJECT_ID = "8c3c2a1e-5b7d-4e0f-9a61-2f4d3c1b0a99";
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString().replace(/\.\d+Z$/, "Z");

/** A self-signed certificate made by the OpenSSL CLI: its base64 DER (Graph's `key`) and SHA-1 fingerprint. */
function opensslCertificate(commonName: string): { keyBase64: string; sha1Hex: string } {
  const dir = mkdtempSync(join(tmpdir(), "cw-registered-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem"), "-subj", `/CN=${commonName}`, "-days", "30"], { stdio: "pipe" });
  execFileSync("openssl", ["x509", "-in", join(dir, "c.pem"), "-outform", "DER", "-out", join(dir, "c.der")]);
  const fingerprint = execFileSync("openssl", ["x509", "-in", join(dir, "c.pem"), "-noout", "-fingerprint", "-sha1"], { encoding: "utf8" });
  return { keyBase64: readFileSync(join(dir, "c.der")).toString("base64"), sha1Hex: fingerprint.replace(/^.*=/, "").replace(/:/g, "").trim() };
}

/** `az ad app credential list --id <appId> --cert`, as it prints (Graph's keyCredentials; key null in lists). */
function certificateList(entries: { keyId: string; name: string; identifier: string | null; start: string; end: string; key?: string }[]): string {
  return JSON.stringify(
    entries.map((entry) => ({ customKeyIdentifier: entry.identifier, displayName: entry.name, endDateTime: entry.end, key: entry.key ?? null, keyId: entry.keyId, startDateTime: entry.start, type: "AsymmetricX509Cert", usage: "Verify" })),
    null,
    2,
  );
}

async function openRegistered(page: Page): Promise<void> {
  await openFold(page, "registered-fold");
  await expect(page.getByTestId("registered-input")).toBeVisible();
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId("registered-input").fill(text);
}

test.describe("what Entra has registered", () => {
  test("the page's certificate: match, expired, not registered; rows carry status and thumbprint", async ({ page }) => {
    const requests: string[] = [];
    await page.goto("/");
    const thumbprint = (await generateThroughPage(page)).trim();
    await openRegistered(page);
    page.on("request", (request) => requests.push(request.url()));
    const other = opensslCertificate("someone-else");

    await paste(
      page,
      certificateList([
        { keyId: "key-page", name: "CN=credential-workbench", identifier: thumbprint, start: at(-1), end: at(200) },
        { keyId: "key-other", name: "CN=someone-else", identifier: null, key: other.keyBase64, start: at(-400), end: at(-12.5) },
        { keyId: "key-soon", name: "soon", identifier: Buffer.from(other.sha1Hex, "hex").toString("base64"), start: at(-300), end: at(20.5) },
      ]),
    );
    const verdict = page.getByTestId("registered-verdict-certificate");
    await expect(verdict).toHaveAttribute("data-verdict", "match");
    await expect(verdict).toContainText("key-page");
    const rows = page.getByTestId("registered-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toHaveAttribute("data-kind", "certificate");
    await expect(rows.nth(0)).toHaveAttribute("data-key-id", "key-page");
    await expect(rows.nth(0)).toHaveAttribute("data-match", "true");
    await expect(rows.nth(1)).toHaveAttribute("data-match", "false");
    await expect(rows.nth(0).getByTestId("registered-thumbprint")).toHaveText(thumbprint);
    // The thumbprint computed from key is OpenSSL's fingerprint; a base64 identifier is read as the thumbprint's bytes.
    await expect(rows.nth(1).getByTestId("registered-thumbprint")).toHaveText(other.sha1Hex);
    await expect(rows.nth(2).getByTestId("registered-thumbprint")).toHaveText(other.sha1Hex);
    await expect(rows.nth(1).getByTestId("registered-status")).toHaveText("expired 12 days ago");
    await expect(rows.nth(2).getByTestId("registered-status")).toHaveText("expires in 21 days");
    await expect(rows.nth(2).getByTestId("registered-status")).toHaveAttribute("data-status", "expiring-soon");
    await expect(rows.nth(0).getByTestId("registered-status")).toHaveAttribute("data-status", "valid");

    // Only an expired registration of this certificate: expired, AADSTS700027.
    await paste(page, certificateList([{ keyId: "key-page", name: "old", identifier: thumbprint, start: at(-400), end: at(-2) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "expired");
    await expect(verdict).toContainText("AADSTS700027");

    // Not among them: AADSTS700027 and the upload.
    await paste(page, certificateList([{ keyId: "key-other", name: "other", identifier: other.sha1Hex, start: at(-1), end: at(100) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("AADSTS700027");
    await expect(verdict).toContainText("server.crt");
    expect(requests).toEqual([]);
  });

  test("the secret typed in the token panel, by hint: match (several listed), expired 7000222, none 7000215, an ID 7000215", async ({ page }) => {
    await page.goto("/");
    await openTroubleshooting(page);
    await page.getByTestId("auth-method").selectOption("secret");
    await page.getByTestId("client-secret-input").fill("Q~aSecretValue-123");
    await openRegistered(page);
    const secrets = (entries: { keyId: string; hint: string; end: string }[]) =>
      JSON.stringify(entries.map((entry) => ({ customKeyIdentifier: null, displayName: `secret ${entry.keyId}`, endDateTime: entry.end, hint: entry.hint, keyId: entry.keyId, secretText: null, startDateTime: at(-100) })));
    const verdict = page.getByTestId("registered-verdict-secret");
    const keyA = "5f9a1c2e-0d4b-4c3a-9e8f-7a6b5c4d3e2a";
    const keyB = "5f9a1c2e-0d4b-4c3a-9e8f-7a6b5c4d3e2b";
    await paste(page, secrets([{ keyId: keyA, hint: "Q~a", end: at(100) }, { keyId: keyB, hint: "Q~a", end: at(50) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "match");
    await expect(verdict).toContainText(keyA);
    await expect(verdict).toContainText(keyB);
    await expect(page.locator(`[data-testid="registered-row"][data-key-id="${keyA}"]`)).toHaveAttribute("data-match", "true");
    await expect(page.locator(`[data-testid="registered-row"][data-key-id="${keyA}"]`)).toHaveAttribute("data-kind", "secret");

    await paste(page, secrets([{ keyId: keyA, hint: "Q~a", end: at(-3) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "expired");
    await expect(verdict).toContainText("AADSTS7000222");

    await paste(page, secrets([{ keyId: keyA, hint: "xyz", end: at(100) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("AADSTS7000215");

    // The same steps for a secret: add one with --append, then delete the old keyId.
    await openFold(page, "secret-rotation");
    await expect(page.getByTestId("secret-rotation")).toContainText(`az ad app credential reset --id <appId> --append --display-name 'secret ${keyA} (next)' --end-date`);
    await expect(page.getByTestId("secret-rotation")).toContainText(`az ad app credential delete --id <appId> --key-id '${keyA}'`);

    await page.getByTestId("client-secret-input").fill(keyA);
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("secret's ID");
  });

  test("a policy: the page's certificate within or over maxLifetime, and the Generate form names the limit", async ({ page }) => {
    await page.goto("/");
    await generateThroughPage(page);
    await openRegistered(page);
    const policy = (maxLifetime: string) =>
      JSON.stringify({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/defaultAppManagementPolicy/$entity", id: "00000000-0000-0000-0000-000000000000", displayName: "Default app management tenant policy", isEnabled: true, applicationRestrictions: { passwordCredentials: [], keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", maxLifetime, restrictForAppsCreatedAfterDateTime: "2019-01-01T00:00:00Z", state: "enabled" }] } });
    const verdict = page.getByTestId("registered-verdict-policy");
    await paste(page, policy("P90D"));
    await expect(verdict).toHaveAttribute("data-verdict", "exceeds");
    await expect(verdict).toContainText("90 days");
    await expect(verdict).toContainText("CredentialInvalidLifetimeAsPerAppPolicy");
    await expect(page.getByText(/allows certificates of at most 90 days/)).toBeVisible();
    await paste(page, policy("P2Y"));
    await expect(verdict).toHaveAttribute("data-verdict", "within");
  });

  test("bad pastes: not JSON (line and column), no known shape, a wrong field type; the page keeps its certificate", async ({ page }) => {
    await page.goto("/");
    const thumbprint = await generateThroughPage(page);
    await openRegistered(page);
    const error = page.getByTestId("registered-error");
    await paste(page, '[\n  {"keyId": "a",}\n]');
    await expect(error).toContainText("line 2, column 17");
    await expect(error).toHaveAttribute("data-code", "ERR_REGISTERED_SYNTAX");
    await paste(page, '{"tenantId": "x"}');
    await expect(error).toHaveAttribute("data-code", "ERR_REGISTERED_UNKNOWN_SHAPE");
    await expect(error).toContainText("az ad app show");
    await paste(page, JSON.stringify([{ keyId: "a", hint: "abc", endDateTime: 5 }]));
    await expect(error).toHaveAttribute("data-code", "ERR_REGISTERED_FIELD_TYPE");
    await expect(error).toContainText("endDateTime should be a date and time");
    // Names are text, never markup; odd keys are data.
    await paste(page, JSON.stringify([{ ["__proto__"]: { x: 1 }, keyId: "k", hint: "abc", displayName: "<img src=x onerror=\"window.pwned=1\">", endDateTime: at(10) }]).replace('"["__proto__"]"', '"__proto__"'));
    await expect(page.getByTestId("registered-row")).toContainText('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
  });

  test("multi-MB from a file and from the clipboard: read off the main thread (no task over 200 ms), nothing requested; over the limit is refused", async ({ page }) => {
    await recordLongTasks(page);
    await page.goto("/");
    await openRegistered(page);
    const rows = Array.from({ length: 12_000 }, (_, index) => ({
      customKeyIdentifier: null,
      displayName: `secret ${String(index)} ${"x".repeat(200)}`,
      endDateTime: at(index % 400),
      hint: "abc",
      keyId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      secretText: null,
      startDateTime: at(-100),
    }));
    const dir = mkdtempSync(join(tmpdir(), "cw-registered-"));
    const big = join(dir, "big.json");
    writeFileSync(big, JSON.stringify(rows, null, 2));
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${request.url()}${request.postData() ? " with a body" : ""}`));
    const since = await pageClock(page);
    await page.getByTestId("registered-file").setInputFiles(big);
    await expect(page.getByTestId("registered-summary")).toContainText("12000 secrets", { timeout: 30_000 });
    await expect(page.getByTestId("registered-row")).toHaveCount(100);
    expect(await longestTaskSince(page, since)).toBeLessThan(200);
    // A paste this large is read in the page's worker: the only requests are for the worker's own scripts
    // (same origin, GET, no body); nothing pasted is sent anywhere.
    expect(requests.every((request) => request.startsWith("GET http://127.0.0.1:") && /\/assets\/[\w.-]+\.js$/.test(request) && !request.includes("?"))).toBe(true);

    // The same through the clipboard: a multi-MB paste never enters the text box (the browser would lay it out on the main thread).
    // The clipboard's text is made first (the test's own work, not the page's), then pasted.
    await page.evaluate((count) => {
      const rows = Array.from({ length: count }, (_, index) => ({ keyId: `pasted-${String(index)}`, hint: "abc", displayName: `pasted ${"y".repeat(200)}`, endDateTime: "2099-01-01T00:00:00Z" }));
      const data = new DataTransfer();
      data.setData("text/plain", JSON.stringify(rows, null, 2));
      (window as unknown as { clipboardForTest: DataTransfer }).clipboardForTest = data;
    }, 10_000);
    const pasteSince = await pageClock(page);
    await page.getByTestId("registered-input").evaluate((textarea) => {
      const data = (window as unknown as { clipboardForTest: DataTransfer }).clipboardForTest;
      textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByTestId("registered-summary")).toContainText("10000 secrets", { timeout: 30_000 });
    await expect(page.getByTestId("registered-input-held")).toBeVisible();
    expect(await longestTaskSince(page, pasteSince)).toBeLessThan(200);

    const huge = join(dir, "huge.json");
    writeFileSync(huge, `[${" ".repeat(9 * 1024 * 1024)}]`);
    await page.getByTestId("registered-file").setInputFiles(huge);
    await expect(page.getByTestId("registered-error")).toHaveAttribute("data-code", "ERR_REGISTERED_TOO_LARGE");
    await expect(page.getByTestId("registered-error")).toContainText("8 MB");
  });

  test("rotation: a successor with the old subject, key size and validity length (judged by OpenSSL), the ordered steps, and addKey's proof signed by the old key", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("subject-commonName").fill("daemon.contoso.com");
    await openFold(page, "more-certificate-fields");
    await page.getByTestId("subject-organization").fill("Contoso");
    await page.getByTestId("validity-days").fill("200");
    const oldThumbprint = (await generateThroughPage(page)).trim();
    const folder = createDownloadFolder();
    const oldCer = await downloadThroughPage(page, "download-server-cer", folder);
    writeFileSync(join(folder, "old.cer"), oldCer.contents);
    // The form now says something else: the successor must copy the registered certificate, not the form.
    await page.getByTestId("subject-commonName").fill("something-else");
    await page.getByTestId("validity-days").fill("30");

    await openRegistered(page);
    const application = {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications(id,appId,displayName,keyCredentials)/$entity",
      id: OBJECT_ID,
      appId: APP_ID,
      displayName: "contoso-daemon",
      keyCredentials: [{ customKeyIdentifier: oldThumbprint, displayName: "CN=daemon.contoso.com, O=Contoso", endDateTime: at(20), key: oldCer.contents.toString("base64"), keyId: "old-key-id", startDateTime: at(-180), type: "AsymmetricX509Cert", usage: "Verify" }],
      passwordCredentials: [],
    };
    await paste(page, JSON.stringify(application, null, 2));
    await expect(page.getByTestId("registered-verdict-certificate")).toHaveAttribute("data-verdict", "match");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));

    // The key on the page is unsaved: rotating asks first, like Generate.
    await page.getByTestId("rotate-certificate").click();
    await expect(page.getByTestId("confirm-rotate")).toBeVisible();
    // Asked as Generate asks: Keep it first, the choice that loses the key second.
    expect(await page.getByTestId("confirm-rotate").getByRole("button").allTextContents()).toEqual(["Keep it", "Replace the unsaved key"]);
    await page.getByTestId("confirm-rotate-replace").click();
    const newThumbprint = page.getByTestId("rotation-new-thumbprint");
    await expect(newThumbprint).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
    await expect(page.getByTestId("rotation-old-thumbprint")).toHaveText(oldThumbprint);
    const successor = (await newThumbprint.textContent()) ?? "";
    expect(successor).not.toBe(oldThumbprint);
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(successor);
    // Reading the paste and making the successor sent nothing anywhere.
    expect(requests.filter((url) => !url.includes("/assets/"))).toEqual([]);

    const steps = page.getByTestId("rotation-steps").locator(":scope > li");
    await expect(steps).toHaveCount(5);
    await expect(steps.nth(0)).toContainText(`az ad app credential reset --id '${APP_ID}' --cert "@server.crt" --append`);
    await expect(steps.nth(1)).toContainText(successor);
    await expect(steps.nth(2)).toContainText("token request");
    await expect(steps.nth(3)).toContainText(`az ad app credential delete --id '${APP_ID}' --key-id 'old-key-id' --cert`);
    await expect(steps.nth(4)).toContainText("reminder");

    // The new files, judged by OpenSSL: the thumbprint shown, the old subject, 2048 bits, 200 days, and the key belongs to it.
    const newCrt = await downloadThroughPage(page, "download-server-crt", folder);
    const newPem = await downloadThroughPage(page, "download-server-pem", folder);
    const openssl = (...args: string[]) => execFileSync("openssl", args, { encoding: "utf8" });
    expect(openssl("x509", "-in", newCrt.path, "-noout", "-fingerprint", "-sha1").replace(/^.*=/, "").replace(/:/g, "").trim()).toBe(successor);
    expect(openssl("x509", "-in", newCrt.path, "-noout", "-subject", "-nameopt", "RFC2253")).toContain("CN=daemon.contoso.com,O=Contoso");
    expect(openssl("x509", "-in", newCrt.path, "-noout", "-text")).toContain("Public-Key: (2048 bit)");
    const dates = openssl("x509", "-in", newCrt.path, "-noout", "-startdate", "-enddate");
    const [start, end] = [/notBefore=(.*)/.exec(dates)?.[1] ?? "", /notAfter=(.*)/.exec(dates)?.[1] ?? ""].map((value) => Date.parse(value));
    expect(Math.round(((end ?? 0) - (start ?? 0)) / DAY)).toBe(200);
    expect(openssl("pkey", "-in", newPem.path, "-pubout")).toBe(openssl("x509", "-in", newCrt.path, "-noout", "-pubkey"));

    // addKey: the proof is signed by the OLD key (verified with the old certificate by OpenSSL), for this object ID.
    const proof = ((await page.getByTestId("rotation-proof-jwt").textContent()) ?? "").trim();
    const [header = "", claims = "", signature = ""] = proof.split(".");
    expect(proof).not.toContain("=");
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toMatchObject({ alg: "RS256" });
    const payload = JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; iss: string; nbf: number; exp: number };
    expect(payload).toMatchObject({ aud: "00000002-0000-0000-c000-000000000000", iss: OBJECT_ID });
    expect(payload.exp - payload.nbf).toBeLessThanOrEqual(600);
    writeFileSync(join(folder, "signed.txt"), `${header}.${claims}`);
    writeFileSync(join(folder, "signature.bin"), Buffer.from(signature, "base64url"));
    openssl("x509", "-in", join(folder, "old.cer"), "-inform", "DER", "-noout", "-pubkey", "-out", join(folder, "old-pub.pem"));
    expect(openssl("dgst", "-sha256", "-verify", join(folder, "old-pub.pem"), "-signature", join(folder, "signature.bin"), join(folder, "signed.txt"))).toContain("Verified OK");
    const command = page.getByTestId("rotation-addkey-command");
    await expect(command).toContainText(`https://graph.microsoft.com/v1.0/applications/${OBJECT_ID}/addKey`);
    await expect(command).toContainText(proof);
    const newDer = execFileSync("openssl", ["x509", "-in", newCrt.path, "-outform", "DER"]).toString("base64");
    await expect(command).toContainText(`"key": "${newDer}"`);
    await expect(command).toContainText('"type": "AsymmetricX509Cert"');

    // A typed object ID signs a new proof for it.
    await page.getByTestId("registered-object-id").fill("99999999-0000-0000-0000-000000000001");
    await expect(page.getByTestId("rotation-addkey-command")).toContainText("/applications/99999999-0000-0000-0000-000000000001/addKey");
    const reproof = ((await page.getByTestId("rotation-proof-jwt").textContent()) ?? "").split(".")[1] ?? "";
    expect(JSON.parse(Buffer.from(reproof, "base64url").toString())).toMatchObject({ iss: "99999999-0000-0000-0000-000000000001" });
  });

  test("the pasted external token against every federated credential: match, 700211 (trailing slash), 7002138, 700213, 700212, a flexible expression, over 20", async ({ page }) => {
    const GITHUB = "https://token.actions.githubusercontent.com";
    const b64u = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    // A GitHub Actions OIDC token's shape (header and claims written out by hand; the signature is not checked here).
    const claims = { iss: GITHUB, sub: "repo:Contoso/web:ref:refs/heads/main", aud: "api://AzureADTokenExchange", repository_id: "123", repository_owner_id: "456", nbf: now - 60, iat: now - 60, exp: now + 300 };
    const jwt = `${b64u({ alg: "RS256", typ: "JWT", kid: "k1" })}.${b64u(claims)}.${Buffer.alloc(256, 1).toString("base64url")}`;
    await page.goto("/");
    await openTroubleshooting(page);
    await page.getByTestId("auth-method").selectOption("federated");
    await page.getByTestId("federated-token-input").fill(jwt);
    await openRegistered(page);
    const list = (entries: Record<string, unknown>[]) => JSON.stringify({ "@odata.context": "https://graph.microsoft.com/beta/$metadata#applications('x')/federatedIdentityCredentials", value: entries.map((entry, index) => ({ id: `fic-${String(index)}`, name: `fic-${String(index)}`, issuer: GITHUB, subject: claims.sub, audiences: ["api://AzureADTokenExchange"], description: null, ...entry })) });
    const verdict = page.getByTestId("registered-verdict-federated");

    await paste(page, list([{ subject: "repo:Contoso/web:environment:prod" }, {}]));
    await expect(verdict).toHaveAttribute("data-verdict", "match");
    await expect(verdict).toContainText("fic-1");
    await expect(page.locator('[data-testid="registered-row"][data-key-id="fic-1"]')).toHaveAttribute("data-match", "true");
    await expect(page.locator('[data-testid="registered-row"][data-key-id="fic-1"]')).toHaveAttribute("data-kind", "federated");
    await expect(page.locator('[data-testid="registered-row"][data-key-id="fic-0"]')).toHaveAttribute("data-match", "false");

    await paste(page, list([{ issuer: `${GITHUB}/` }]));
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("AADSTS700211");
    await expect(verdict).toContainText("trailing slash");

    await paste(page, list([{ subject: "repo:contoso/web:ref:refs/heads/main" }]));
    await expect(verdict).toContainText("AADSTS7002138");

    await paste(page, list([{ subject: "repo:Contoso/web:ref:refs/heads/develop" }]));
    await expect(verdict).toContainText("AADSTS700213");
    await expect(verdict).toContainText("fic-0");

    await paste(page, list([{ audiences: ["api://SomethingElse"] }]));
    await expect(verdict).toContainText("AADSTS700212");

    await paste(page, list([{ subject: null, claimsMatchingExpression: { languageVersion: 1, value: "claims['sub'] matches 'repo:Contoso/web:ref:refs/heads/*' and claims['repository_id'] eq '123'" } }]));
    await expect(verdict).toHaveAttribute("data-verdict", "match");
    await expect(page.getByTestId("registered-row")).toContainText("claims['sub'] matches");

    await paste(page, list(Array.from({ length: 21 }, (_, index) => ({ subject: `repo:Contoso/web:environment:e${String(index)}` }))));
    await expect(page.getByTestId("registered-federated-limit")).toContainText("at most 20");
    await expect(verdict).toContainText("AADSTS700213");
  });

  test("addKey's request carries the access token from the page's own token request, masked until revealed", async ({ page }) => {
    const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    let mock: MockTokenService | undefined;
    try {
      await page.goto("/");
      await openTroubleshooting(page);
      const thumbprint = (await generateThroughPage(page)).trim();
      const { contents } = await downloadThroughPage(page, "download-server-crt", createDownloadFolder());
      await page.getByTestId("tenant-input").fill(tenant);
      await page.getByTestId("client-id-input").fill(APP_ID);
      await page.getByTestId("cloud-select").selectOption("custom");
      await page.getByTestId("custom-authority-input").fill(MOCK_AUTHORITY_ORIGIN);
      await expect(page.getByTestId("assertion-jwt")).toHaveText(/^eyJ/);
      mock = await startMockTokenService({ tenant, clientId: APP_ID, registeredCertificatesPem: [contents.toString("utf8")], tls: readMockAuthorityTls(), port: MOCK_AUTHORITY_PORT, roles: ["Application.ReadWrite.OwnedBy"] });
      await expect(page.getByTestId("proxy-status")).toContainText("127.0.0.1");
      await page.getByTestId("send-token-request").click();
      await expect(page.getByTestId("token-status")).toContainText("HTTP 200");
      const accessToken = (JSON.parse((await page.getByTestId("token-response").textContent()) ?? "{}") as { access_token: string }).access_token;
      expect(accessToken).toMatch(/^eyJ/);

      await openRegistered(page);
      await paste(page, JSON.stringify({ id: OBJECT_ID, appId: APP_ID, keyCredentials: [{ customKeyIdentifier: thumbprint, keyId: "old", displayName: "old", startDateTime: at(-10), endDateTime: at(10), type: "AsymmetricX509Cert", usage: "Verify", key: null }], passwordCredentials: [] }));
      await page.getByTestId("rotate-certificate").click();
      await page.getByTestId("confirm-rotate-replace").click();
      const command = page.getByTestId("rotation-addkey-command");
      await expect(command).toContainText("<access token: press Reveal to include it>", { timeout: 60_000 });
      expect(await command.textContent()).not.toContain(accessToken);
      await page.getByTestId("rotation-reveal-token").check();
      await expect(command).toContainText(`Authorization: Bearer ${accessToken}`);
    } finally {
      await mock?.close();
    }
  });

  test("the troubleshoot part links to it", async ({ page }) => {
    await page.goto("/");
    await openTroubleshooting(page);
    await page.getByTestId("troubleshoot-registered-link").getByRole("link").click();
    await expect(page.getByTestId("registered-fold")).toHaveAttribute("open", "");
    await expect(page.getByTestId("registered-input")).toBeVisible();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no violations in the registered fold, ${theme} theme`, async ({ page }) => {
      await page.goto("/");
      await page.getByTestId("theme-select").selectOption(theme);
      const thumbprint = await generateThroughPage(page);
      await openRegistered(page);
      await paste(page, certificateList([{ keyId: "key-page", name: "CN=credential-workbench", identifier: thumbprint, start: at(-1), end: at(20) }, { keyId: "old", name: "old", identifier: "//5yAGIAYQBjAA==", start: at(-400), end: at(-3) }]));
      await expect(page.getByTestId("registered-verdict-certificate")).toHaveAttribute("data-verdict", "match");
      // The rotation's view (steps, proof, request) is checked too.
      await page.getByTestId("rotate-certificate").first().click();
      await page.getByTestId("confirm-rotate-replace").click();
      await expect(page.getByTestId("rotation-proof-problem")).toBeVisible({ timeout: 60_000 });
      await page.getByTestId("registered-object-id").fill("8c3c2a1e-5b7d-4e0f-9a61-2f4d3c1b0a99");
      await expect(page.getByTestId("rotation-addkey-command")).toBeVisible();
      const results = await new AxeBuilder({ page }).include('[data-testid="registered-fold"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`)).toEqual([]);
    });
  }
});
