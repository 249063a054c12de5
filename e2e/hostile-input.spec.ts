import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { CRAFTED_PFX_SCHEMES, opensslCertificatePfx, repeatEncryptedPart } from "../test-support/crafted-pfx";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../test-support/openssl";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";
import { openTroubleshooting, useExisting } from "./support/journey";
import { longestTaskSince, pageClock, recordLongTasks } from "./support/long-tasks";

// Hostile input, end to end: crafted tokens, PFX files, PEM and certificates pasted or dropped into the
// page. The main thread never runs one task longer than 200 ms (Long Tasks API), so the page never
// freezes, and nothing already on screen is lost.
const MAX_TASK_MS = 200;
// How long the worker may take to start and answer: a loaded CI machine takes seconds to start one.
const WORKER_ANSWER = { timeout: 30_000 };
const tenant = "11111111-2222-3333-4444-555555555555";
const b64u = (value: unknown): string => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

let openssl: OpenSslWorkspace;
test.beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=hostile", "-days", "2"]);
});
test.afterAll(() => openssl.dispose());

/** A page with a generated credential and a tenant typed in: what must survive every hostile input. */
async function pageWithCredential(page: Page): Promise<{ thumbprint: string; since: number }> {
  await recordLongTasks(page);
  await page.goto("/");
  const thumbprint = await generateThroughPage(page);
  await page.getByTestId("tenant-input").fill(tenant);
  // Inspect, like the assertion, lives in the optional "Check and troubleshoot" section.
  await openTroubleshooting(page);
  // Let the page settle, then look only at what the hostile input causes.
  await page.waitForTimeout(300);
  return { thumbprint, since: await pageClock(page) };
}

async function expectNothingLost(page: Page, thumbprint: string): Promise<void> {
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
  await expect(page.getByTestId("tenant-input")).toHaveValue(tenant);
  await expect(page.getByTestId("download-server-pem")).toBeVisible();
  await expect(page.getByTestId("panel-error")).toHaveCount(0);
}

test("__proto__, constructor, numeric and nested keys in a pasted JWT are shown as data", async ({ page }) => {
  const { thumbprint, since } = await pageWithCredential(page);
  // The token: header {"alg":"RS256","__proto__":1}.
  await page.getByTestId("jwt-inspect-input").fill("eyJhbGciOiJSUzI1NiIsIl9fcHJvdG9fXyI6MX0.eyJhdWQiOiJ4In0.AAAA");
  const header = page.getByTestId("inspect-header-table");
  await expect(header.locator('[data-claim="__proto__"] [data-field-value]')).toHaveText("1");
  // The same keys in the payload, as raw JSON text (JSON.stringify would drop an own __proto__).
  const payload = '{"__proto__":{"admin":true},"constructor":"c","0":0,"nested":{"__proto__":null,"constructor":{}},"aud":"x"}';
  await page.getByTestId("jwt-inspect-input").fill(`${b64u('{"alg":"RS256","constructor":1,"toString":2}')}.${b64u(payload)}.AAAA`);
  const claims = page.getByTestId("inspect-claims-table");
  await expect(claims.locator('[data-claim="__proto__"] [data-field-value]')).toHaveText('{"admin":true}');
  await expect(claims.locator('[data-claim="nested"] [data-field-value]')).toHaveText('{"__proto__":null,"constructor":{}}');
  await expect(claims.locator('[data-claim="constructor"]')).toContainText("Not a registered claim");
  await expect(page.getByTestId("inspect-header-table").locator('[data-claim="toString"] [data-field-value]')).toHaveText("2");
  await expectNothingLost(page, thumbprint);
  expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
});

for (const field of ["x5t", "typ", "x5t#S256"]) {
  test(`a JWT with a 100 KB ${field} is inspected without freezing the page; the value is cut and its size said`, async ({ page }) => {
    const { thumbprint, since } = await pageWithCredential(page);
    const claims = { aud: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, iss: "a", sub: "a", exp: 2e9 };
    const token = `${b64u({ alg: "RS256", typ: "JWT", [field]: "a".repeat(100_000) })}.${b64u(claims)}.${b64u("s".repeat(256))}`;
    await page.getByTestId("jwt-inspect-input").fill(token);
    const row = page.getByTestId("inspect-header-table").locator(`[data-claim="${field}"]`);
    await expect(row.locator("[data-field-size]")).toHaveText("100,000 characters: only the first 8,192 are shown.", WORKER_ANSWER);
    await expect(page.getByTestId("inspect-kind")).toHaveAttribute("data-kind", "client-assertion");
    await expectNothingLost(page, thumbprint);
    expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
  });
}

test("a JWT with 10,000 claims lists the first 200 and says how many more", async ({ page }) => {
  const { thumbprint, since } = await pageWithCredential(page);
  const claims = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`claim${String(index)}`, index]));
  const token = `${b64u({ alg: "RS256" })}.${b64u(claims)}.AAAA`;
  await page.getByTestId("jwt-inspect-input").fill(token);
  const table = page.getByTestId("inspect-claims-table");
  await expect(table.locator("[data-rows-hidden]")).toContainText("9,800 more not shown: this token has 10,000", WORKER_ANSWER);
  await expect(table.locator("tbody tr[data-claim]")).toHaveCount(200);
  await expectNothingLost(page, thumbprint);
  // The 200 KB text is held out of the text box (laying it out there took 150–230 ms on its own).
  await expect(page.getByTestId("jwt-inspect-input")).toHaveAttribute("data-held-length", String(token.length));
  expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
});

for (const [name, scheme, iterations, copies, count] of [
  ["120 parts of legacy 3DES at 50,000 iterations", CRAFTED_PFX_SCHEMES.legacy3des, 50_000, 120, "12,000,000"],
  ["12 parts of PBKDF2 at 2,000,000 iterations", CRAFTED_PFX_SCHEMES.pbkdf2, 2_000_000, 12, "24,000,000"],
] as const) {
  test(`a crafted PFX with ${name} (no MAC, right password) is refused at once`, async ({ page }) => {
    const pfx = repeatEncryptedPart(opensslCertificatePfx(openssl, "cert.pem", scheme, iterations, "pw"), copies);
    const { thumbprint, since } = await pageWithCredential(page);
    await useExisting(page);
    await page.getByTestId("import-file").setInputFiles({ name: "crafted.pfx", mimeType: "application/x-pkcs12", buffer: Buffer.from(pfx) });
    await page.getByTestId("import-password").fill("pw");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-error")).toContainText(`This PFX would need ${count} key-derivation iterations to open (${String(copies)} encrypted parts`, WORKER_ANSWER);
    await expect(page.getByTestId("import-error")).toContainText("openssl pkcs12 -export");
    await expectNothingLost(page, thumbprint);
    expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
  });
}

test("goal: a slow PFX import runs off the main thread, shows progress, and Cancel ends it keeping the page as it was", async ({ page }) => {
  // 9 parts × 100,000 derivation rounds: inside the budget, but seconds of work.
  const pfx = repeatEncryptedPart(opensslCertificatePfx(openssl, "cert.pem", CRAFTED_PFX_SCHEMES.legacy3des, 50_000, "pw"), 9);
  const { thumbprint, since } = await pageWithCredential(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await useExisting(page);
  await page.getByTestId("import-file").setInputFiles({ name: "slow.pfx", mimeType: "application/x-pkcs12", buffer: Buffer.from(pfx) });
  await page.getByTestId("import-password").fill("pw");
  // On a quiet machine the derivations take about a second, less than a remote click can be relied on to
  // land in: Cancel is pressed from inside the page the moment it shows, beside the progress bar. That the
  // page answered meanwhile is the longest main-thread task, checked at the end, and the field typed after.
  const cancelledWithProgress = page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const pressWhenShown = () => {
          const cancel = document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]');
          if (!cancel) return requestAnimationFrame(pressWhenShown);
          const progressShown = document.querySelector('[data-testid="import-progress"]') !== null;
          cancel.click();
          resolve(progressShown);
        };
        pressWhenShown();
      }),
  );
  await page.getByTestId("import-submit").click();
  expect(await cancelledWithProgress).toBe(true);
  await expect(page.getByTestId("import-error")).toHaveText("slow.pfx: Import cancelled: nothing was loaded, and the page keeps what it had.");
  await expect(page.getByTestId("import-progress")).toHaveCount(0);
  await expect(page.getByTestId("import-submit")).toBeEnabled();
  expect(workers.length).toBeGreaterThan(0);
  await page.getByTestId("client-id-input").fill("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  await expect(page.getByTestId("client-id-input")).toHaveValue("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  await expectNothingLost(page, thumbprint);
  expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
});

test("a copy of the page's certificate with a bit flipped in its subject or issuer is named as damaged and replaces nothing", async ({ page }) => {
  const { thumbprint, since } = await pageWithCredential(page);
  const crt = await downloadThroughPage(page, "download-server-crt", createDownloadFolder());
  openssl.write("page.crt", crt.contents);
  openssl.run(["x509", "-in", "page.crt", "-outform", "DER", "-out", "page.der"]);
  const der = readFileSync(openssl.path("page.der"));
  const cn = await page.getByTestId("subject-commonName").inputValue();
  // The generated subject's CN text appears in the issuer first, then in the subject (RFC 5280 §4.1).
  const issuerAt = der.indexOf(Buffer.from(cn));
  const subjectAt = der.indexOf(Buffer.from(cn), issuerAt + 1);
  expect(issuerAt).toBeGreaterThan(0);
  expect(subjectAt).toBeGreaterThan(issuerAt);
  await useExisting(page);
  for (const offset of [issuerAt + 1, subjectAt + 1]) {
    const copy = Buffer.from(der);
    copy[offset] = (copy[offset] ?? 0) ^ 0x01;
    openssl.write("copy.der", copy);
    // OpenSSL does not verify the copy with the page's certificate either.
    expect(openssl.tryRun(["verify", "-CAfile", "page.crt", "-partial_chain", "-inform", "DER", "copy.der"]).status).not.toBe(0);
    await page.getByTestId("import-text").fill(openssl.run(["x509", "-inform", "DER", "-in", "copy.der"]));
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-error")).toContainText("damaged copy of the one on this page");
    await expectNothingLost(page, thumbprint);
  }
  expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
});

test("a no-break space inside pasted PEM is refused with the character and where it is, as OpenSSL refuses it", async ({ page }) => {
  const pem = readFileSync(openssl.path("cert.pem"), "utf8");
  const lines = pem.split("\n");
  lines[2] = `${(lines[2] ?? "").slice(0, 10)}\u00A0${(lines[2] ?? "").slice(10)}`;
  openssl.write("nbsp.pem", lines.join("\n"));
  expect(openssl.tryRun(["x509", "-in", "nbsp.pem", "-noout"]).status).not.toBe(0);
  const { thumbprint } = await pageWithCredential(page);
  await useExisting(page);
  await page.getByTestId("import-text").fill(lines.join("\n"));
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText("has a no-break space (U+00A0) at line 3, column 11");
  await expectNothingLost(page, thumbprint);
});
