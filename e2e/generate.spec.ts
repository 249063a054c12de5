import { createHash, X509Certificate } from "node:crypto";
import { expect, test } from "@playwright/test";
import { openFold } from "./support/journey";
import { createOpenSslWorkspace, parseOpenSslFingerprint } from "../test-support/openssl";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";

test("generate, save server.crt / server.pem / server.csr through the page, and check them with OpenSSL", async ({ page }) => {
  await page.goto("/");
  await openFold(page, "more-certificate-fields");
  await page.getByTestId("subject-organization").fill("Contoso, Ltd.");
  await page.getByTestId("subject-country").fill("DE");
  const shownThumbprint = await generateThroughPage(page);
  expect(shownThumbprint).toMatch(/^[0-9A-F]{40}$/);

  const folder = createDownloadFolder();
  const crt = await downloadThroughPage(page, "download-server-crt", folder);
  const pem = await downloadThroughPage(page, "download-server-pem", folder);
  const csr = await downloadThroughPage(page, "download-server-csr", folder);
  expect([crt.fileName, pem.fileName, csr.fileName]).toEqual(["server.crt", "server.pem", "server.csr"]);

  const openssl = createOpenSslWorkspace();
  try {
    openssl.write("server.crt", crt.contents);
    openssl.write("server.pem", pem.contents);
    openssl.write("server.csr", csr.contents);
    const text = openssl.run(["x509", "-in", "server.crt", "-noout", "-text", "-nameopt", "RFC2253"]);
    expect(text).toContain("Public-Key: (2048 bit)");
    expect(text).toContain("Signature Algorithm: sha256WithRSAEncryption");
    expect(text).toMatch(/Subject: .*CN=credential-workbench/);
    expect(text).toContain("O=Contoso\\, Ltd.");
    expect(text).toMatch(/X509v3 Key Usage: critical\s*\n\s*Digital Signature/);
    expect(text).toContain("TLS Web Client Authentication");

    const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"]));
    expect(shownThumbprint).toBe(fingerprint);
    expect(createHash("sha1").update(new X509Certificate(crt.contents).raw).digest("hex").toUpperCase()).toBe(fingerprint);

    expect(pem.contents.toString()).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(openssl.run(["pkey", "-in", "server.pem", "-pubout"])).toBe(openssl.run(["x509", "-in", "server.crt", "-noout", "-pubkey"]));
    const csrCheck = openssl.tryRun(["req", "-in", "server.csr", "-verify", "-noout"]);
    expect(csrCheck.status).toBe(0);
    expect(csrCheck.stderr + csrCheck.stdout).toMatch(/verify OK/i);
    expect(openssl.run(["req", "-in", "server.csr", "-noout", "-pubkey"])).toBe(openssl.run(["x509", "-in", "server.crt", "-noout", "-pubkey"]));
  } finally {
    openssl.dispose();
  }

  // The copy button puts exactly the portal's thumbprint on the clipboard.
  await page.getByTestId("copy-thumbprint-sha1").click();
  await expect(page.getByTestId("copy-thumbprint-sha1")).toHaveText("Copied");
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(shownThumbprint);
});

test("bad input shows a message next to the field, disables Generate and keeps the certificate on screen", async ({ page }) => {
  await page.goto("/");
  const thumbprint = await generateThroughPage(page);
  const generate = page.getByTestId("generate");

  await openFold(page, "more-certificate-fields");
  const cases: [string, string, RegExp][] = [
    ["subject-commonName", "", /Enter a Common Name/],
    ["validity-days", "0", /1 to 3650|from 1 to 3650/],
    ["validity-days", "3651", /from 1 to 3650/],
    ["subject-country", "USA", /two capital letters/],
  ];
  for (const [testId, value, message] of cases) {
    const input = page.getByTestId(testId);
    const original = await input.inputValue();
    await input.fill(value);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
    const errorText = await page.locator(describedBy.split(" ").map((id) => `[id="${id}"]`).join(",")).allTextContents();
    expect(errorText.join(" ")).toMatch(message);
    await expect(generate).toBeDisabled();
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
    await input.fill(original);
    await expect(generate).toBeEnabled();
  }
});

test("a 4096-bit generation shows progress and replaces the key only when ready", async ({ page }) => {
  // A 4096-bit key can take from a fraction of a second to several; the page makes one in advance as soon as the
  // size is chosen, and a key ready at the click shows no progress at all. Here each 4096-bit key
  // takes at least 3 s, as on a slow machine, so the click always waits for its key.
  await page.addInitScript(() => {
    const generateKey = crypto.subtle.generateKey.bind(crypto.subtle);
    crypto.subtle.generateKey = ((...args: Parameters<typeof generateKey>) => {
      const made = generateKey(...args);
      const bits = (args[0] as { modulusLength?: number }).modulusLength;
      return bits === 4096 ? Promise.all([made, new Promise((resolve) => setTimeout(resolve, 3000))]).then(([key]) => key) : made;
    }) as typeof crypto.subtle.generateKey;
  });
  await page.goto("/");
  const first = await generateThroughPage(page);
  await page.getByTestId("key-size").selectOption("4096");
  await page.getByTestId("generate").click();
  // The first key was never saved: the page asks before replacing it.
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(first);
  await page.getByTestId("confirm-replace-key").click();
  await expect(page.getByTestId("generate-status")).toContainText(/Step \d of 4/);
  // The old certificate stays while the new one is being made.
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(first);
  await expect(page.getByTestId("cert-key")).toHaveText("RSA 4096 bits", { timeout: 60_000 });
  await expect(page.getByTestId("thumbprint-sha1")).not.toHaveText(first);
});

test("the key can be removed from the page", async ({ page }) => {
  await page.goto("/");
  await generateThroughPage(page);
  await page.getByTestId("forget-credential").click();
  // The key was never saved: removing it asks first, and "Keep it" keeps it.
  await expect(page.getByTestId("confirm-remove")).toBeVisible();
  await expect(page.getByTestId("thumbprint-sha1")).toBeVisible();
  await page.getByTestId("confirm-forget-credential").click();
  await expect(page.getByTestId("certificate-empty")).toBeVisible();
  await expect(page.getByTestId("download-server-pem")).toHaveCount(0);
  await expect(page.getByTestId("assertion-jwt")).toHaveCount(0);
});

test("leaving the page asks first while the key is unsaved, and not once it is saved", async ({ page }) => {
  await page.goto("/");
  await generateThroughPage(page);
  await expect(page.getByTestId("unsaved-key-warning")).toBeVisible();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
  await generateThroughPage(page);
  await downloadThroughPage(page, "download-server-pem", createDownloadFolder());
  await expect(page.getByTestId("unsaved-key-warning")).toHaveCount(0);
  await page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
});

test.describe("certificate dates in the viewer's time zone", () => {
  // India has no daylight saving time: local is always UTC + 5:30, whatever the date.
  test.use({ timezoneId: "Asia/Kolkata", locale: "en-US" });

  test("the certificate details show each date's local time as text a keyboard user reaches, not a hover title", async ({ page }) => {
    await page.goto("/");
    await generateThroughPage(page);
    // Open the fold by keyboard: focus its summary and press Enter.
    await page.getByTestId("certificate-details").locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    for (const testId of ["cert-not-before", "cert-not-after"]) {
      const utcText = (await page.getByTestId(testId).textContent()) ?? "";
      const utc = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):\d\d UTC/.exec(utcText);
      expect(utc, utcText).not.toBeNull();
      const local = page.getByTestId(`${testId}-local`);
      await expect(local).toBeVisible();
      await expect(page.getByTestId(testId)).not.toHaveAttribute("title");
      // en-US toLocaleString: "12/2/2026, 6:49:08 AM" (the space before AM may be a narrow no-break space).
      const localText = (await local.textContent()) ?? "";
      const parts = /Local time: (\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{1,2}):(\d\d):\d\d\s(AM|PM)/.exec(localText);
      expect(parts, localText).not.toBeNull();
      const [, month, day, year, hour12, minute, half] = parts ?? [];
      const hour = (Number(hour12) % 12) + (half === "PM" ? 12 : 0);
      const localAsUtcMinutes = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, Number(minute)) / 60_000;
      const [, uYear, uMonth, uDay, uHour, uMinute] = utc ?? [];
      const utcMinutes = Date.UTC(Number(uYear), Number(uMonth) - 1, Number(uDay), Number(uHour), Number(uMinute)) / 60_000;
      expect(localAsUtcMinutes - utcMinutes).toBe(5 * 60 + 30);
    }
  });
});
