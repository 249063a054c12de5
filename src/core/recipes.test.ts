import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialFiles, generateCredential, type Credential } from "./credential";
import { buildRecipes, keyCredentialEntry, rotationReminderIcs, type RecipeInputs } from "./recipes";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "./testing/openssl";

describe("recipes filled with the page's values", () => {
  let openssl: OpenSslWorkspace;
  let credential: Credential;
  let inputs: RecipeInputs;
  let opensslSha1: string;

  beforeAll(async () => {
    openssl = createOpenSslWorkspace();
    credential = await generateCredential({ keySize: 2048, subject: { commonName: `it's "quoted", ok` }, validityDays: 30 });
    openssl.write("server.crt", credentialFiles(credential)["server.crt"]);
    opensslSha1 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"]));
    inputs = {
      certificate: credential.certificateDetails,
      certificateDer: credential.certificateDer,
      tenant: "contoso.onmicrosoft.com",
      clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
      authorityOrigin: "https://login.microsoftonline.com",
      tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
      scope: "https://graph.microsoft.com/.default",
      keyId: randomUUID(),
    };
  });
  afterAll(() => openssl.dispose());

  it("keyCredentials: key is the certificate's DER and customKeyIdentifier its SHA-1, as OpenSSL sees them", () => {
    const entry = keyCredentialEntry(inputs);
    openssl.write("from-key.der", Buffer.from(entry.key ?? "", "base64"));
    const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", "from-key.der", "-inform", "DER", "-noout", "-fingerprint", "-sha1"]));
    expect(fingerprint).toBe(opensslSha1);
    expect(Buffer.from(entry.customKeyIdentifier ?? "", "base64").toString("hex").toUpperCase()).toBe(opensslSha1);
    expect(entry).toMatchObject({ type: "AsymmetricX509Cert", usage: "Verify", keyId: inputs.keyId });
    const notAfter = openssl.run(["x509", "-in", "server.crt", "-noout", "-enddate"]).trim().replace("notAfter=", "");
    expect(new Date(entry.endDateTime ?? "").getTime()).toBe(new Date(notAfter).getTime());
  });

  it("MSAL Python: valid Python holding the portal's form of the thumbprint", () => {
    const recipe = buildRecipes(inputs).find((item) => item.id === "msal-python");
    expect(recipe?.code).toContain(`"thumbprint": "${opensslSha1}"`);
    expect(recipe?.code).toContain('open("server.pem").read()');
    // Python's own parser judges the snippet.
    execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: recipe?.code ?? "" });
  });

  it("every Python and JavaScript snippet parses, even with quotes in the values", () => {
    const tricky = { ...inputs, tenant: `a"b'c`, clientId: "x\\y" };
    for (const recipe of buildRecipes(tricky)) {
      if (recipe.language === "python") {
        execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: recipe.code });
      }
      if (recipe.language === "javascript") {
        execFileSync(process.execPath, ["--input-type=module", "--check"], { input: recipe.code });
      }
      if (recipe.language === "json") expect(() => JSON.parse(recipe.code) as unknown).not.toThrow();
    }
  });

  it("the curl recipe posts the five client-credentials fields to the token endpoint", () => {
    const code = buildRecipes(inputs).find((item) => item.id === "curl")?.code ?? "";
    const output = execFileSync("sh", ["-c", `curl() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ${code}`], { encoding: "utf8" });
    const args = output.trimEnd().split("\n");
    expect(args).toContain(inputs.tokenEndpoint);
    expect(args).toContain("grant_type=client_credentials");
    expect(args).toContain(`client_id=${inputs.clientId}`);
    expect(args).toContain("client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  });

  it("MSAL Node gets the SHA-256 thumbprint OpenSSL computes", () => {
    const sha256 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha256"]));
    expect(buildRecipes(inputs).find((item) => item.id === "msal-node")?.code).toContain(`thumbprintSha256: "${sha256}"`);
  });
});

describe("rotationReminderIcs (RFC 5545)", () => {
  const ics = rotationReminderIcs({
    subject: "CN=credential-workbench, O=Contoso; Ltd",
    thumbprint: "AB".repeat(20),
    notAfter: "2027-11-25T09:00:00.000Z",
    daysBefore: 30,
    uid: "fixed-uid@credential-workbench",
    now: new Date("2026-11-25T09:00:00.000Z"),
  });

  it("uses CRLF and folds lines at 75 octets", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    const lines = ics.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("reminds 30 days before notAfter and escapes TEXT", () => {
    expect(ics).toContain("DTSTART:20271026T090000Z");
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Rotate Entra certificate CN=credential-workbench\\, O=Contoso\\; Ltd");
  });

  it("never schedules a reminder in the past", () => {
    const soon = rotationReminderIcs({ subject: "CN=x", thumbprint: "00", notAfter: "2026-12-01T00:00:00Z", daysBefore: 30, uid: "u", now: new Date("2026-11-25T09:00:00.000Z") });
    expect(soon).toContain("DTSTART:20261125T090000Z");
  });
});

describe("keyIdFromThumbprint", () => {
  it("is a GUID that Graph accepts as keyId, stable for a thumbprint and different across thumbprints", async () => {
    const { keyIdFromThumbprint } = await import("./recipes");
    const a = keyIdFromThumbprint("D11B3EDEB240E4AD3D8F176216AB1356B40E5428");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keyIdFromThumbprint("D11B3EDEB240E4AD3D8F176216AB1356B40E5428")).toBe(a);
    expect(keyIdFromThumbprint("011B3EDEB240E4AD3D8F176216AB1356B40E5428")).not.toBe(a);
  });
});
