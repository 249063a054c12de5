/**
 * The pure-JavaScript peer: node-forge in the same Chromium, on a page of its own (no CSP of ours,
 * served through page.route on our loopback origin, so it is a secure context like the app).
 * forge.options.usePureJavaScript = true keeps forge from handing key generation to WebCrypto,
 * which it does in browsers when called with a callback.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";

const FORGE_BUNDLE = fileURLToPath(new URL("../node_modules/node-forge/dist/forge.min.js", import.meta.url));

export interface ForgeRun {
  keygenMs: number;
  /** Certificate + CSR signing, PEM of key/cert/CSR, SHA-1 thumbprint, and one RS256 signature (the assertion). */
  restMs: number;
  totalMs: number;
}

export async function openForgePage(browser: Browser, origin: string): Promise<Page> {
  const page = await browser.newPage();
  const forge = readFileSync(FORGE_BUNDLE, "utf8");
  await page.route(`${origin}/bench-peer/**`, (route) => {
    if (route.request().url().endsWith("/forge.min.js")) return route.fulfill({ contentType: "text/javascript", body: forge });
    return route.fulfill({ contentType: "text/html", body: '<!doctype html><meta charset="utf-8"><title>forge peer</title><script src="forge.min.js"></script>' });
  });
  await page.goto(`${origin}/bench-peer/index.html`);
  const ready = await page.evaluate(() => ({ secure: window.isSecureContext, forge: typeof (window as unknown as { forge?: unknown }).forge }));
  if (!ready.secure || ready.forge !== "object") throw new Error(`forge peer page is not ready: ${JSON.stringify(ready)}`);
  return page;
}

/** One key + certificate + CSR + thumbprint + PEM + RS256 signature with node-forge, timed inside the page. */
export async function runForge(page: Page, bits: number): Promise<ForgeRun> {
  return page.evaluate((bits) => {
    /* eslint-disable @typescript-eslint/no-explicit-any -- forge is loaded as a browser global with no types here */
    const forge = (window as any).forge;
    forge.options.usePureJavaScript = true;
    const start = performance.now();
    const keys = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 });
    const keyDone = performance.now();

    const attrs = [{ name: "commonName", value: "credential-workbench" }];
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = "01" + forge.util.bytesToHex(forge.random.getBytesSync(15));
    cert.validity.notBefore = new Date();
    cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
    cert.setSubject(attrs);
    cert.setIssuer(attrs);
    cert.setExtensions([
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, critical: true },
      { name: "extKeyUsage", clientAuth: true },
      { name: "subjectKeyIdentifier" },
    ]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
    const thumbprint = forge.md.sha1.create().update(certDer).digest().toHex();
    const certPem = forge.pki.certificateToPem(cert);
    const keyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey)));

    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = keys.publicKey;
    csr.setSubject(attrs);
    csr.sign(keys.privateKey, forge.md.sha256.create());
    const csrPem = forge.pki.certificationRequestToPem(csr);

    const signingInput = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0";
    const signature = keys.privateKey.sign(forge.md.sha256.create().update(signingInput, "utf8"));
    const end = performance.now();
    if (thumbprint.length !== 40 || !certPem || !keyPem || !csrPem || signature.length !== bits / 8) throw new Error("forge produced an incomplete credential");
    return { keygenMs: keyDone - start, restMs: end - keyDone, totalMs: end - start };
    /* eslint-enable @typescript-eslint/no-explicit-any */
  }, bits);
}
