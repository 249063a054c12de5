import { generateKeyPairSync } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { exportJWK, SignJWT } from "jose";
import { generateThroughPage } from "./support/downloads";
import { openFold, openTroubleshooting } from "./support/journey";
import { longestTaskSince, pageClock, recordLongTasks } from "./support/long-tasks";

// Hostile input against the page, end to end: every input change stays under 200 ms of main-thread work
// (Long Tasks API), every failure is a message in its panel, and nothing on the page is lost.
const MAX_TASK_MS = 200;
// How long the worker may take to start and answer: a loaded CI machine takes seconds to start one.
const WORKER_ANSWER = { timeout: 30_000 };
const b64u = (value: unknown): string => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const nested = (levels: number): string => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
const DEEP_PAYLOAD_TOKEN = `${b64u({ alg: "RS256", typ: "JWT" })}.${b64u(nested(50_000))}.${b64u("s".repeat(256))}`;
const DEEP_HEADER_TOKEN = `${b64u(`{"alg":"RS256","x":${nested(50_000)}}`)}.${b64u({ sub: "x" })}.${b64u("s".repeat(256))}`;

/**
 * Pastes `text` into the box the way a browser does: a cancelable paste event carrying it (the box may hold it
 * out). The text is handed to the page first, in its own task: carrying megabytes into the page is the test's
 * work, not the page's, and the long-task measurement must not count it.
 */
async function paste(page: Page, testId: string, text: string): Promise<number> {
  await page.evaluate((pasted) => {
    (window as unknown as { pasteText: string }).pasteText = pasted;
  }, text);
  await page.waitForTimeout(100);
  const since = await pageClock(page);
  await page.getByTestId(testId).evaluate((element) => {
    const pasted = (window as unknown as { pasteText: string }).pasteText;
    const box = element as HTMLTextAreaElement;
    box.focus();
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    // Not cancelled: the browser would insert the text itself, as typing does.
    if (box.dispatchEvent(event)) document.execCommand("insertText", false, pasted);
  });
  return since;
}

async function openTokenPanel(page: Page, method: "secret" | "federated"): Promise<number> {
  await recordLongTasks(page);
  await page.goto("/");
  await openTroubleshooting(page);
  await page.getByTestId("auth-method").selectOption(method);
  await page.waitForTimeout(300);
  return pageClock(page);
}

async function openInspect(page: Page): Promise<number> {
  await recordLongTasks(page);
  await page.goto("/");
  await openTroubleshooting(page);
  await expect(page.getByTestId("jwt-inspect-input")).toBeVisible();
  await page.waitForTimeout(300);
  return pageClock(page);
}

test.describe("deeply nested JSON is named, never an uncaught error", () => {
  for (const [part, token] of [["payload", DEEP_PAYLOAD_TOKEN], ["header", DEEP_HEADER_TOKEN]] as const) {
    test(`Inspect: a token whose ${part} is 50,000 nested objects gets a clear message quickly`, async ({ page }) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await openInspect(page);
      const started = Date.now();
      const since = await paste(page, "jwt-inspect-input", token);
      await expect(page.getByTestId("inspect-problem")).toContainText(`The ${part} nests 50,00`, WORKER_ANSWER);
      expect(Date.now() - started).toBeLessThan(5000);
      await expect(page.getByTestId("inspect-problem")).toContainText("no deeper than 256");
      await expect(page.getByTestId("panel-error")).toHaveCount(0);
      expect(errors).toEqual([]);
      expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
    });
  }

  test("Token panel: the same token as the federated token gets the same message", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await openTokenPanel(page, "federated");
    const since = await paste(page, "federated-token-input", DEEP_PAYLOAD_TOKEN);
    await expect(page.getByTestId("federated-token-problem")).toContainText("The payload nests 50,00", WORKER_ANSWER);
    await expect(page.getByTestId("federated-token-held")).toBeVisible();
    await expect(page.getByTestId("panel-error")).toHaveCount(0);
    expect(errors).toEqual([]);
    expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
  });
});

test("clearing a held paste in Inspect and entering a small token stays under 200 ms of main-thread work", async ({ page }) => {
  await openInspect(page);
  const claims = Object.fromEntries(Array.from({ length: 40_000 }, (_, index) => [`claim${String(index)}`, "v".repeat(20)]));
  const large = `${b64u({ alg: "RS256" })}.${b64u(claims)}.AAAA`;
  const since = await paste(page, "jwt-inspect-input", large);
  await expect(page.getByTestId("inspect-claims-table").locator("[data-rows-hidden]")).toContainText("39,800 more not shown", WORKER_ANSWER);
  await page.getByTestId("inspect-clear").click();
  await expect(page.getByTestId("jwt-inspect-input")).toHaveValue("");
  await page.getByTestId("jwt-inspect-input").fill(`${b64u({ alg: "RS256" })}.${b64u({ sub: "small" })}.AAAA`);
  await expect(page.getByTestId("inspect-claims-table").locator('[data-claim="sub"]')).toBeVisible();
  expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
});

test("a token of 200 claims of 10 KB each is shown without a long task (each table shows a bounded amount of text)", async ({ page }) => {
  await openInspect(page);
  const claims = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`claim${String(index)}`, "v".repeat(10_000)]));
  const since = await paste(page, "jwt-inspect-input", `${b64u({ alg: "RS256" })}.${b64u(claims)}.AAAA`);
  await expect(page.getByTestId("inspect-claims-table").locator('[data-claim="claim199"] [data-field-size]')).toHaveText("10,000 characters: only the first 256 are shown.", WORKER_ANSWER);
  await expect(page.getByTestId("inspect-claims-table").locator('[data-claim="claim0"] [data-field-size]')).toHaveText("10,000 characters: only the first 8,192 are shown.");
  expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
});

test.describe("out-of-range times in a federated token are named, and the Token panel keeps working", () => {
  for (const [name, times] of [
    ["exp -1e15", '"exp":-1e15'],
    ["exp 1e308", '"exp":1e308'],
    ["exp 1e400", '"exp":1e400'],
    ["nbf 1e308", `"nbf":1e308,"exp":${String(Math.floor(Date.now() / 1000) + 600)}`],
  ] as const) {
    test(name, async ({ page }) => {
      await recordLongTasks(page);
      await page.goto("/");
      const thumbprint = await generateThroughPage(page);
      await openTroubleshooting(page);
      await page.getByTestId("auth-method").selectOption("federated");
      const token = `${b64u({ alg: "RS256", typ: "JWT" })}.${b64u(`{"iss":"https://issuer.test","sub":"s","aud":"api://AzureADTokenExchange",${times}}`)}.${b64u("s".repeat(256))}`;
      await page.getByTestId("federated-token-input").fill(token);
      const claim = name.slice(0, 3);
      await expect(page.getByTestId("fic-verdict")).toContainText(`${claim} is`);
      await expect(page.getByTestId("fic-verdict")).toContainText("out of the range of any date");
      await expect(page.getByTestId("fic-verdict").locator('[data-rule="time"]')).toContainText("AADSTS700024");
      await openFold(page, "federated-token-details");
      await expect(page.getByTestId("federated-token-details")).toContainText("out of the range of any date");
      await expect(page.getByTestId("panel-error")).toHaveCount(0);
      await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
    });
  }
});

test.describe("large pastes into the federated token and JWKS boxes are held out of the box and checked in the worker", () => {
  const issuerKey = generateKeyPairSync("rsa", { modulusLength: 2048 });

  test("a 2 MiB token is held (size and a prefix), decoded in the worker, without freezing the page", async ({ page }) => {
    await openTokenPanel(page, "federated");
    const token = `${b64u({ alg: "RS256", typ: "JWT" })}.${b64u({ iss: "https://issuer.test", sub: "s", aud: "api://AzureADTokenExchange", exp: 2e9, filler: "f".repeat(1_600_000) })}.${b64u("s".repeat(256))}`;
    expect(token.length).toBeGreaterThan(2 * 1024 * 1024);
    const since = await paste(page, "federated-token-input", token);
    await expect(page.getByTestId("federated-token-held")).toContainText(`${token.length.toLocaleString("en-US")} characters pasted`);
    await expect(page.getByTestId("federated-token-input")).toHaveAttribute("data-held-length", String(token.length));
    await expect(page.getByTestId("federated-token-input")).toHaveAttribute("readonly", "");
    await expect(page.getByTestId("fic-verdict").locator('[data-rule="issuer"]')).toBeVisible(WORKER_ANSWER);
    expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
    // Clear makes the box editable again, and the next token is checked as before.
    await page.getByTestId("federated-token-clear").click();
    await expect(page.getByTestId("federated-token-input")).toHaveValue("");
    await expect(page.getByTestId("fic-verdict-summary")).toContainText("Paste the external token");
    expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
  });

  for (const [name, makeJwks, expected] of [
    ["a 5 MiB JWKS", (key: object) => JSON.stringify({ keys: [key], filler: "f".repeat(5 * 1024 * 1024) }), "the page reads at most 1,048,576"],
    ["a 10,000-key JWKS", (key: object) => JSON.stringify({ keys: [...Array.from({ length: 9_999 }, (_, index) => ({ kty: "oct", k: "AAAA", kid: `k${String(index)}` })), key] }), "10,000 keys"],
  ] as const) {
    test(`${name} is held and named, without freezing the page`, async ({ page }) => {
      const jwk = { ...(await exportJWK(issuerKey.publicKey)), kid: "real", alg: "RS256", use: "sig" };
      const token = await new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: "real" }).setIssuer("https://issuer.test").setSubject("s").setAudience("api://AzureADTokenExchange").setExpirationTime("10m").sign(issuerKey.privateKey);
      await openTokenPanel(page, "federated");
      await page.getByTestId("federated-token-input").fill(token);
      await openFold(page, "fic-jwks");
      const jwks = makeJwks(jwk);
      const since = await paste(page, "fic-jwks-input", jwks);
      await expect(page.getByTestId("fic-jwks-held")).toContainText(`${jwks.length.toLocaleString("en-US")} characters pasted`);
      await expect(page.getByTestId("fic-verdict").locator('[data-rule="signature"]')).toContainText(expected, WORKER_ANSWER);
      expect(await longestTaskSince(page, since)).toBeLessThan(MAX_TASK_MS);
      // The real JWKS pasted over it verifies the signature.
      await page.getByTestId("fic-jwks-clear").click();
      await page.getByTestId("fic-jwks-input").fill(JSON.stringify({ keys: [jwk] }));
      await expect(page.getByTestId("fic-verdict").locator('[data-rule="signature"]')).toHaveAttribute("data-signature-status", "valid");
    });
  }
});

test.describe("a secret unlike any Entra issues is named", () => {
  for (const [name, secret, code, words] of [
    ["1 MiB", "A".repeat(1024 * 1024), "secret_too_long", "1,048,576 characters long"],
    ["a NUL", "Abc8Q~xyzT0p.1_2-3k9L\u0000mNoPqRsTuVwXyZ0123", "secret_has_hidden_characters", "a NUL (U+0000)"],
    ["a right-to-left override", "\u202eAbc8Q~xyzT0p.1_2-3k9LmNoPqRsTuVwXyZ0123", "secret_has_hidden_characters", "a right-to-left override (U+202E)"],
    ["a zero-width space", "Abc8Q~xyzT0p.1_2-3k9L\u200bmNoPqRsTuVwXyZ0123", "secret_has_hidden_characters", "a zero-width space (U+200B)"],
  ] as const) {
    test(name, async ({ page }) => {
      await openTokenPanel(page, "secret");
      await page.getByTestId("client-secret-input").evaluate((element, value) => {
        const input = element as HTMLInputElement;
        input.focus();
        document.execCommand("insertText", false, value);
      }, secret);
      await expect(page.getByTestId("client-secret-warnings").locator(`[data-code="${code}"]`)).toContainText(words);
    });
  }
});
