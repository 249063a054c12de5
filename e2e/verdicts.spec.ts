// Verdicts that stay current and say only what was checked: Inspect re-judges a pasted token when the
// page's certificate changes and is green only when the signature verified too; the federated verdict
// is neutral until the credential's issuer and subject are filled in, offers the token's own values,
// does not repeat itself, flags a built subject that differs from the token's sub, and wraps on a phone.
import AxeBuilder from "@axe-core/playwright";
import { generateKeyPairSync, sign } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { generateThroughPage } from "./support/downloads";
import { b64u, gitHubToken, GITHUB, NAME_FORM, openFederated } from "./support/federated";
import { openFold, openTroubleshooting } from "./support/journey";


/** A current RS256 JWT signed by Node's crypto with a key the page has never seen. */
function signedByAnotherKey(): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64u({ alg: "RS256", typ: "JWT" })}.${b64u({ iss: "https://issuer.example", sub: "someone", iat: now - 60, exp: now + 600 })}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
}

test.describe("Inspect's verdict stays current", () => {
  test("a token pasted before Generate is checked with the new certificate, and again after Remove; current times with an unchecked signature are not green", async ({ page }) => {
    test.slow();
    await page.goto("/");
    await openTroubleshooting(page);
    await page.getByTestId("jwt-inspect-input").fill(signedByAnotherKey());
    const signature = page.getByTestId("inspect-signature");
    const expiry = page.getByTestId("inspect-expiry");
    await expect(signature).toHaveAttribute("data-signature-status", "not-checked");
    await expect(signature).toContainText("no certificate is loaded");
    // Current times, but nothing checked the signature: amber and said, not green.
    await expect(expiry).toHaveAttribute("data-expiry-state", "valid");
    await expect(expiry).toHaveAttribute("data-verdict-tone", "unchecked");
    await expect(expiry).toContainText("its signature was not checked");
    await expect(expiry).not.toHaveClass(/text-ok/);

    // A certificate appears: the token is checked with it (another key signed it, so it fails).
    await generateThroughPage(page);
    await expect(signature).toHaveAttribute("data-signature-status", "invalid");
    await expect(signature).not.toContainText("no certificate is loaded");
    await expect(expiry).toHaveAttribute("data-verdict-tone", "bad");

    // Removed: back to "not checked", not a stale failure.
    await page.getByTestId("forget-credential").click();
    await page.getByTestId("confirm-forget-credential").click();
    await expect(signature).toHaveAttribute("data-signature-status", "not-checked");
    await expect(expiry).toHaveAttribute("data-verdict-tone", "unchecked");
  });

  test("the page's own assertion, verified: the only green", async ({ page }) => {
    test.slow();
    await page.goto("/");
    await openTroubleshooting(page);
    await generateThroughPage(page);
    await page.getByTestId("tenant-input").fill("11111111-2222-3333-4444-555555555555");
    await page.getByTestId("client-id-input").fill("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    const assertion = page.getByTestId("assertion-jwt");
    await expect(assertion).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await page.getByTestId("jwt-inspect-input").fill((await assertion.textContent()) ?? "");
    await expect(page.getByTestId("inspect-signature")).toHaveAttribute("data-signature-status", "valid");
    await expect(page.getByTestId("inspect-expiry")).toHaveAttribute("data-verdict-tone", "good");
    await expect(page.getByTestId("inspect-expiry")).toHaveClass(/text-ok/);
  });
});

test.describe("the federated verdict before and after the credential is filled", () => {
  test("empty issuer and subject: neutral, asks for them, no AADSTS code; the token's iss and sub fill them in", async ({ page }) => {
    await openFederated(page);
    await page.getByTestId("federated-token-input").fill(gitHubToken());
    const summary = page.getByTestId("fic-verdict-summary");
    await expect(summary).toHaveAttribute("data-verdict-state", "incomplete");
    await expect(summary).toHaveText("Fill in the issuer and subject as registered on the app to check the token against them.");
    await expect(page.getByTestId("fic-verdict")).not.toContainText("AADSTS700211");
    await expect(page.getByTestId("fic-verdict")).not.toContainText("AADSTS700213");
    await expect(summary).not.toHaveClass(/text-danger/);
    await expect(page.getByTestId("fic-verdict").locator('[data-rule="issuer"]')).toHaveAttribute("data-pending", "true");

    await page.getByTestId("fic-use-token-iss").click();
    await expect(page.getByTestId("fic-issuer-input")).toHaveValue(GITHUB);
    await expect(summary).toHaveText(/^Fill in the subject /);
    await page.getByTestId("fic-use-token-sub").click();
    await expect(page.getByTestId("fic-subject-input")).toHaveValue(NAME_FORM);
    await expect(summary).toHaveAttribute("data-verdict-state", "matches");
    await expect(summary).toContainText("Matches the federated credential");
    await expect(page.getByTestId("fic-use-token-iss")).toBeDisabled();
  });

  test("a mismatch: the verdict line names the rule and code, the failing line the values, neither repeats the other", async ({ page }) => {
    await openFederated(page);
    await page.getByTestId("federated-token-input").fill(gitHubToken());
    await page.getByTestId("fic-issuer-input").fill(`${GITHUB}/`);
    await page.getByTestId("fic-subject-input").fill(NAME_FORM);
    const summary = page.getByTestId("fic-verdict-summary");
    await expect(summary).toHaveAttribute("data-verdict-state", "mismatch");
    await expect(summary).toContainText("AADSTS700211");
    const failing = page.getByTestId("fic-verdict").locator('[data-rule="issuer"]');
    await expect(failing).toContainText("trailing slash");
    const headline = (await summary.textContent()) ?? "";
    const line = ((await failing.textContent()) ?? "").replace(/^✗\s*Fail:\s*/, "");
    expect(headline).not.toContain(line.split(/[.:]/)[0]);
    expect(headline).not.toContain("trailing slash");
  });

  test("the subject builder warns when what it builds differs from the token's sub, case included", async ({ page }) => {
    await openFederated(page);
    await page.getByTestId("federated-token-input").fill(gitHubToken());
    await openFold(page, "fic-subject-builder");
    await page.getByTestId("fic-github-org").fill("Contoso");
    await page.getByTestId("fic-github-repo").fill("payments-api");
    await expect(page.getByTestId("fic-built-subject")).toHaveText("repo:Contoso/payments-api:ref:refs/heads/main");
    const differs = page.getByTestId("fic-built-subject-differs");
    await expect(differs).toHaveAttribute("data-aadsts", "7002138");
    await expect(differs).toContainText("in case only");
    await page.getByTestId("fic-github-value").fill("release");
    await expect(differs).toHaveAttribute("data-aadsts", "700213");
    await page.getByTestId("fic-github-org").fill("contoso");
    await page.getByTestId("fic-github-value").fill("main");
    await expect(page.getByTestId("fic-built-subject")).toHaveText(NAME_FORM);
    await expect(differs).toHaveCount(0);
  });

  test("a long issuer wraps inside the verdict box on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openFederated(page);
    const longIssuer = `https://oidc.prod-aks.azure.com/${"0123456789abcdef".repeat(8)}/`;
    await page.getByTestId("federated-token-input").fill(gitHubToken({ iss: longIssuer }));
    await page.getByTestId("fic-issuer-input").fill(`${longIssuer}x`);
    await page.getByTestId("fic-subject-input").fill(NAME_FORM);
    const verdict = page.getByTestId("fic-verdict");
    await expect(verdict).toContainText("AADSTS700211");
    const fits = await verdict.evaluate((box) => {
      const outer = box.getBoundingClientRect();
      const inside = Array.from(box.querySelectorAll("p, li")).every((element) => element.getBoundingClientRect().right <= outer.right + 0.5);
      return { inside, scrolls: box.scrollWidth > box.clientWidth, pageScrolls: document.documentElement.scrollWidth > window.innerWidth };
    });
    expect(fits).toEqual({ inside: true, scrolls: false, pageScrolls: false });
  });
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations in the new verdict states, ${theme} theme`, async ({ page }) => {
    test.slow();
    await openFederated(page);
    await page.getByTestId("theme-select").selectOption(theme);
    await page.getByTestId("federated-token-input").fill(gitHubToken());
    await openFold(page, "fic-subject-builder");
    await page.getByTestId("fic-github-org").fill("Contoso");
    await page.getByTestId("fic-github-repo").fill("payments-api");
    await expect(page.getByTestId("fic-built-subject-differs")).toBeVisible();
    await expect(page.getByTestId("fic-verdict-summary")).toHaveAttribute("data-verdict-state", "incomplete");
    await page.getByTestId("jwt-inspect-input").fill(signedByAnotherKey());
    await expect(page.getByTestId("inspect-expiry")).toHaveAttribute("data-verdict-tone", "unchecked");
    expect([...(await axeViolations(page, '[id="token"]')), ...(await axeViolations(page, '[id="inspect"]'))]).toEqual([]);
  });
}
