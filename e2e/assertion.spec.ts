import { createHash, constants, createPublicKey, verify, X509Certificate } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openTroubleshooting } from "./support/journey";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";

const tenant = "11111111-2222-3333-4444-555555555555";
const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;
}

async function readAssertion(page: Page, previous?: string): Promise<string> {
  const locator = page.getByTestId("assertion-jwt");
  await expect(locator).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  if (previous) await expect(locator).not.toHaveText(previous);
  return (await locator.textContent()) ?? "";
}

test("the assertion on the page verifies with the downloaded server.crt, in both forms and clouds", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  await generateThroughPage(page);
  const { contents } = await downloadThroughPage(page, "download-server-crt", createDownloadFolder());
  const certificate = new X509Certificate(contents);
  const publicKey = createPublicKey(certificate.publicKey.export({ type: "spki", format: "pem" }));
  const sha1 = createHash("sha1").update(certificate.raw).digest("base64url");
  const sha256 = createHash("sha256").update(certificate.raw).digest("base64url");

  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  const classic = await readAssertion(page);
  const [h1, p1, s1] = classic.split(".") as [string, string, string];
  expect(decodeSegment(h1)).toEqual({ alg: "RS256", typ: "JWT", x5t: sha1 });
  const claims = decodeSegment(p1);
  expect(claims).toMatchObject({ aud: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, iss: clientId, sub: clientId });
  expect(claims.exp).toBe((claims.nbf as number) + 600);
  expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(120);
  expect(verify("sha256", Buffer.from(`${h1}.${p1}`), publicKey, Buffer.from(s1, "base64url"))).toBe(true);

  await page.getByTestId("assertion-form").selectOption("PS256-x5t#S256");
  await page.getByTestId("cloud-select").selectOption("usgov");
  // Two changes, two signings: wait for the one made with both (the first may show PS256 for the public cloud).
  const usgovAudience = `https://login.microsoftonline.us/${tenant}/oauth2/v2.0/token`;
  await expect.poll(async () => decodeSegment(((await page.getByTestId("assertion-jwt").textContent()) ?? "").split(".")[1] ?? "e30").aud).toBe(usgovAudience);
  const current = await readAssertion(page, classic);
  const [h2, p2, s2] = current.split(".") as [string, string, string];
  expect(decodeSegment(h2)).toEqual({ alg: "PS256", typ: "JWT", "x5t#S256": sha256 });
  expect(decodeSegment(p2).aud).toBe(`https://login.microsoftonline.us/${tenant}/oauth2/v2.0/token`);
  const pssOk = verify("sha256", Buffer.from(`${h2}.${p2}`), { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(s2, "base64url"));
  expect(pssOk).toBe(true);

  // The checklist is shown, all passing for the page's own assertion.
  await expect(page.getByTestId("assertion-lint").locator('[data-lint-status="fail"]')).toHaveCount(0);
  await expect(page.getByTestId("assertion-signature")).toHaveAttribute("data-signature-status", "valid");

  // Re-sign gives a fresh jti.
  await page.getByTestId("resign-assertion").click();
  const resigned = await readAssertion(page, current);
  expect(decodeSegment(resigned.split(".")[1] ?? "").jti).not.toBe(decodeSegment(p2).jti);
});

test("Inspect names a tampered signature and a malformed token, and keeps the rest of the page", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  const thumbprint = await generateThroughPage(page);
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  const jwt = await readAssertion(page);
  const [header, payload, signature] = jwt.split(".") as [string, string, string];
  const claims = decodeSegment(payload);
  const tamperedPayload = Buffer.from(JSON.stringify({ ...claims, sub: "someone-else" })).toString("base64url");

  const input = page.getByTestId("jwt-inspect-input");
  await input.fill(`Bearer ${header}.${tamperedPayload}.${signature}`);
  await expect(page.getByTestId("inspect-signature")).toHaveAttribute("data-signature-status", "invalid");
  await expect(page.getByTestId("inspect-signature")).toContainText(/does not verify/i);

  await input.fill(`${header}.${payload.slice(0, 10)}+${payload.slice(11)}.${signature}`);
  await expect(page.getByTestId("inspect-problem")).toContainText(/Segment 2/);
  await input.fill("not a jwt");
  await expect(page.getByTestId("inspect-problem")).toContainText("has 1 segment; a JWS in compact form has 3");
  // What was on the page is still there: the pasted text, the certificate, the assertion.
  await expect(input).toHaveValue("not a jwt");
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
  await expect(page.getByTestId("assertion-jwt")).toHaveText(jwt);
});

test("tenant, client ID, cloud and form persist across a reload; the key does not", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  await page.getByTestId("tenant-input").fill("contoso.onmicrosoft.com");
  await page.getByTestId("client-id-input").fill(clientId);
  await page.getByTestId("cloud-select").selectOption("custom");
  await page.getByTestId("custom-authority-input").fill("https://login.example.com:8443");
  await page.getByTestId("assertion-form").selectOption("PS256-x5t#S256");
  await generateThroughPage(page);
  // Saving the key lifts the "leave page?" guard; the reload then goes through.
  await downloadThroughPage(page, "download-server-pem", createDownloadFolder());
  await page.reload();
  await openTroubleshooting(page);
  await expect(page.getByTestId("tenant-input")).toHaveValue("contoso.onmicrosoft.com");
  await expect(page.getByTestId("client-id-input")).toHaveValue(clientId);
  await expect(page.getByTestId("cloud-select")).toHaveValue("custom");
  await expect(page.getByTestId("custom-authority-input")).toHaveValue("https://login.example.com:8443");
  await expect(page.getByTestId("assertion-form")).toHaveValue("PS256-x5t#S256");
  await expect(page.getByTestId("certificate-empty")).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toMatch(/PRIVATE KEY|MII/);
});

test("an assertion left on screen past its lifetime says it expired and how to get a fresh one", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await openTroubleshooting(page);
  await generateThroughPage(page);
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  const jwt = await readAssertion(page);
  await expect(page.getByTestId("assertion-expired")).toHaveCount(0);
  await page.clock.fastForward("16:00");
  await expect(page.getByTestId("assertion-expired")).toContainText("expired");
  await expect(page.getByTestId("assertion-lint").locator('[data-lint-status="fail"]')).not.toHaveCount(0);
  await page.getByTestId("resign-assertion").click();
  await readAssertion(page, jwt);
  await expect(page.getByTestId("assertion-expired")).toHaveCount(0);
});

test("invalid settings are named: the waiting line says which field to fix", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  await generateThroughPage(page);
  await page.getByTestId("tenant-input").fill("common");
  await page.getByTestId("client-id-input").fill(clientId);
  await expect(page.getByTestId("assertion-waiting")).toContainText("The tenant ID is not valid: fix it in step 3 (Use it in code).");
});
