import { beforeAll, describe, expect, it } from "vitest";
import { APP_ID, APP_OBJECT_ID, azCertificateList, azSecretList, opensslCertificate, thumbprintBase64, type OpenSslCertificate } from "../../../test-support/registered-fixtures";
import { RegisteredReadError } from "./read-error";
import { MAX_REGISTERED_PASTE_CHARACTERS, readRegisteredCredentials } from "./read-registered";
import type { RegisteredCertificate, RegisteredFederated, RegisteredSecret } from "./registered-credential";

let current: OpenSslCertificate;
let other: OpenSslCertificate;
beforeAll(() => {
  current = opensslCertificate({ commonName: "registered-current" });
  other = opensslCertificate({ commonName: "registered-other" });
});

async function readError(text: string): Promise<RegisteredReadError> {
  try {
    await readRegisteredCredentials(text);
  } catch (error) {
    if (error instanceof RegisteredReadError) return error;
    throw error;
  }
  throw new Error("read without an error");
}

const KEY_A = "0a1b2c3d-0000-4000-8000-00000000000a";
const KEY_B = "0a1b2c3d-0000-4000-8000-00000000000b";

describe("az ad app credential list --cert: keyCredentials", () => {
  it("hex, base64 and custom identifiers each give the right thumbprint, or none", async () => {
    const text = azCertificateList([
      { keyId: KEY_A, displayName: "CN=registered-current", customKeyIdentifier: current.sha1Hex, start: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z" },
      { keyId: KEY_B, displayName: "old", customKeyIdentifier: thumbprintBase64(other.sha1Hex), start: "2025-01-01T00:00:00Z", end: "2026-01-01T00:00:00Z" },
      { keyId: "c", displayName: "named", customKeyIdentifier: "//5yAGIAYQBjAA==", start: "2025-01-01T00:00:00Z", end: "2026-01-01T00:00:00Z" },
    ]);
    const read = await readRegisteredCredentials(text);
    const rows = read.rows as RegisteredCertificate[];
    expect(rows.map((row) => [row.kind, row.keyId, row.thumbprint, row.thumbprintFrom])).toEqual([
      ["certificate", KEY_A, current.sha1Hex, "customKeyIdentifier"],
      ["certificate", KEY_B, other.sha1Hex, "customKeyIdentifier"],
      ["certificate", "c", undefined, undefined],
    ]);
    expect(rows[2]?.customKeyIdentifier).toMatchObject({ form: "custom", text: "rbac" });
    expect(rows[0]).toMatchObject({ displayName: "CN=registered-current", endDateTime: "2027-01-01T00:00:00Z", type: "AsymmetricX509Cert", usage: "Verify" });
  });
});

describe("Graph GET /applications/{id} with key: the thumbprint is computed from the certificate", () => {
  it("from key, agreeing with OpenSSL's fingerprint; a disagreeing customKeyIdentifier is named", async () => {
    const application = {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications(id,appId,keyCredentials)/$entity",
      id: APP_OBJECT_ID,
      appId: APP_ID,
      displayName: "contoso-daemon",
      keyCredentials: [
        { customKeyIdentifier: current.sha1Hex, displayName: "CN=registered-current", endDateTime: "2027-01-01T00:00:00Z", key: current.keyBase64, keyId: KEY_A, startDateTime: "2026-01-01T00:00:00Z", type: "AsymmetricX509Cert", usage: "Verify" },
        { customKeyIdentifier: other.sha1Hex, displayName: "wrong id", endDateTime: "2027-01-01T00:00:00Z", key: current.keyBase64, keyId: KEY_B, startDateTime: "2026-01-01T00:00:00Z", type: "AsymmetricX509Cert", usage: "Verify" },
      ],
      passwordCredentials: [],
    };
    const read = await readRegisteredCredentials(JSON.stringify(application, null, 2));
    expect(read.application).toEqual({ objectId: APP_OBJECT_ID, appId: APP_ID, displayName: "contoso-daemon" });
    const [agreeing, disagreeing] = read.rows as RegisteredCertificate[];
    expect(agreeing).toMatchObject({ thumbprint: current.sha1Hex, thumbprintFrom: "key" });
    expect(agreeing?.identifierMismatch).toBeUndefined();
    expect(Buffer.from(agreeing?.certificateDer ?? new Uint8Array()).toString("base64")).toBe(current.keyBase64);
    expect(disagreeing).toMatchObject({ thumbprint: current.sha1Hex, thumbprintFrom: "key" });
    expect(disagreeing?.identifierMismatch).toContain(other.sha1Hex);
  });
  it("a key that is not a certificate is refused with the field named", async () => {
    const error = await readError(JSON.stringify({ id: APP_OBJECT_ID, appId: APP_ID, keyCredentials: [{ keyId: KEY_A, key: Buffer.from("hello").toString("base64"), type: "AsymmetricX509Cert" }] }));
    expect(error.code).toBe("ERR_REGISTERED_FIELD_TYPE");
    expect(error.message).toContain("keyCredentials[0].key");
  });
});

describe("the admin center's manifest, both formats", () => {
  it("Microsoft Graph format: keyCredentials with endDateTime/startDateTime/key", async () => {
    const manifest = {
      id: APP_OBJECT_ID, appId: APP_ID, displayName: "contoso-daemon", signInAudience: "AzureADMyOrg", implicitGrantSettings: { enableAccessTokenIssuance: false },
      keyCredentials: [{ customKeyIdentifier: current.sha1Hex, displayName: "CN=registered-current", endDateTime: "2027-01-01T00:00:00Z", key: null, keyId: KEY_A, startDateTime: "2026-01-01T00:00:00Z", type: "AsymmetricX509Cert", usage: "Verify" }],
      passwordCredentials: [{ customKeyIdentifier: null, displayName: "ci", endDateTime: "2027-01-01T00:00:00Z", hint: "abc", keyId: KEY_B, secretText: null, startDateTime: "2026-01-01T00:00:00Z" }],
    };
    const read = await readRegisteredCredentials(JSON.stringify(manifest, null, "\t"));
    expect(read.rows.map((row) => row.kind)).toEqual(["certificate", "secret"]);
    expect((read.rows[1] as RegisteredSecret).hint).toBe("abc");
  });
  it("Azure AD Graph format: endDate/startDate/value, base64 customKeyIdentifier, replyUrlsWithType", async () => {
    const manifest = {
      id: APP_OBJECT_ID, appId: APP_ID, name: "contoso-daemon", replyUrlsWithType: [],
      keyCredentials: [{ customKeyIdentifier: thumbprintBase64(current.sha1Hex), endDate: "2027-01-01T00:00:00Z", keyId: KEY_A, startDate: "2026-01-01T00:00:00Z", type: "AsymmetricX509Cert", usage: "Verify", value: current.keyBase64 }],
      passwordCredentials: [{ customKeyIdentifier: null, endDate: "2026-06-01T00:00:00Z", keyId: KEY_B, startDate: "2025-06-01T00:00:00Z", value: null }],
    };
    const read = await readRegisteredCredentials(JSON.stringify(manifest));
    expect(read.rows[0]).toMatchObject({ kind: "certificate", thumbprint: current.sha1Hex, thumbprintFrom: "key", startDateTime: "2026-01-01T00:00:00Z", endDateTime: "2027-01-01T00:00:00Z" });
    expect(read.rows[1]).toMatchObject({ kind: "secret", keyId: KEY_B, endDateTime: "2026-06-01T00:00:00Z" });
  });
});

describe("secrets, federated credentials, envelopes, several documents", () => {
  it("az ad app credential list (secrets) then az ad app federated-credential list, pasted together", async () => {
    const secrets = azSecretList([{ keyId: KEY_A, displayName: "ci", hint: "Q~a", start: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z" }]);
    const federated = JSON.stringify([{ audiences: ["api://AzureADTokenExchange"], description: "deploy", id: "fic-1", issuer: "https://token.actions.githubusercontent.com", name: "main", subject: "repo:contoso/web:ref:refs/heads/main" }], null, 2);
    const read = await readRegisteredCredentials(`${secrets}\n${federated}\n`);
    expect(read.documents).toBe(2);
    expect(read.rows.map((row) => [row.kind, row.keyId])).toEqual([["secret", KEY_A], ["federated", "fic-1"]]);
    expect(read.rows[1]).toMatchObject({ issuer: "https://token.actions.githubusercontent.com", subject: "repo:contoso/web:ref:refs/heads/main", audiences: ["api://AzureADTokenExchange"], name: "main" });
  });
  it("Graph beta's envelope with a flexible credential: subject null, claimsMatchingExpression kept", async () => {
    const beta = {
      "@odata.context": "https://graph.microsoft.com/beta/$metadata#applications('x')/federatedIdentityCredentials",
      value: [{ id: "fic-2", name: "any-branch", issuer: "https://token.actions.githubusercontent.com", subject: null, audiences: ["api://AzureADTokenExchange"], claimsMatchingExpression: { languageVersion: 1, value: "claims['sub'] matches 'repo:contoso/web:ref:refs/heads/*'" } }],
    };
    const [row] = (await readRegisteredCredentials(JSON.stringify(beta))).rows as RegisteredFederated[];
    expect(row).toMatchObject({ subject: null, claimsMatchingExpression: { languageVersion: 1, value: "claims['sub'] matches 'repo:contoso/web:ref:refs/heads/*'" } });
  });
  it("Graph's list envelope of applications (GET /applications?$filter=appId eq '…') reads the application inside", async () => {
    const list = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications", value: [{ id: APP_OBJECT_ID, appId: APP_ID, keyCredentials: [], passwordCredentials: [{ keyId: KEY_A, hint: "abc", endDateTime: "2027-01-01T00:00:00Z" }] }] };
    const read = await readRegisteredCredentials(JSON.stringify(list));
    expect(read.application).toMatchObject({ objectId: APP_OBJECT_ID, appId: APP_ID });
    expect(read.rows).toEqual([expect.objectContaining({ kind: "secret", keyId: KEY_A, source: "The paste.value[0].passwordCredentials[0]" })]);
  });
  it("the same credential in two documents is one row (the one with the certificate kept)", async () => {
    const list = azCertificateList([{ keyId: KEY_A, displayName: "x", customKeyIdentifier: current.sha1Hex, start: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z" }]);
    const show = JSON.stringify({ id: APP_OBJECT_ID, appId: APP_ID, keyCredentials: [{ keyId: KEY_A, key: current.keyBase64, type: "AsymmetricX509Cert", usage: "Verify", endDateTime: "2027-01-01T00:00:00Z" }] });
    const read = await readRegisteredCredentials(`${list}${show}`);
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]).toMatchObject({ thumbprintFrom: "key" });
    expect(read.notes.join(" ")).toMatch(/more than once/);
  });
  it("a tenant default policy and an appManagementPolicy are read", async () => {
    const tenant = { id: "00000000-0000-0000-0000-000000000000", displayName: "Default app management tenant policy", isEnabled: true, applicationRestrictions: { passwordCredentials: [], keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", maxLifetime: "P90D", restrictForAppsCreatedAfterDateTime: "2024-01-01T00:00:00Z", state: "enabled" }] } };
    const app = { id: "p", displayName: "Short certs", isEnabled: true, restrictions: { keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", maxLifetime: "P1Y" }], passwordCredentials: [{ restrictionType: "passwordLifetime", maxLifetime: "P30D" }] } };
    const read = await readRegisteredCredentials(`${JSON.stringify(tenant)}\n${JSON.stringify(app)}`);
    expect(read.policies.map((policy) => [policy.scope, policy.keyCredentials[0]?.maxLifetime])).toEqual([["tenant-default", "P90D"], ["app-policy", "P1Y"]]);
    expect(read.rows).toEqual([]);
  });
});

describe("odd keys are data", () => {
  it("__proto__ and constructor in a credential neither crash the read nor change any prototype", async () => {
    const text = `[{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}, "keyId": "${KEY_A}", "displayName": "<img src=x onerror=alert(1)>", "hint": "abc", "endDateTime": "2027-01-01T00:00:00Z"}]`;
    const read = await readRegisteredCredentials(text);
    expect(read.rows[0]).toMatchObject({ kind: "secret", displayName: "<img src=x onerror=alert(1)>" });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(read.rows[0])).toBe(Object.prototype);
  });
});

describe("bad input gets a coded error naming what was expected", () => {
  it("empty, not JSON, too large", async () => {
    expect((await readError("  \n")).code).toBe("ERR_REGISTERED_EMPTY");
    const syntax = await readError("keyId: abc");
    expect(syntax.code).toBe("ERR_REGISTERED_SYNTAX");
    expect(syntax.position).toEqual({ line: 1, column: 1 });
    const large = await readError(" ".repeat(MAX_REGISTERED_PASTE_CHARACTERS + 1));
    expect(large.code).toBe("ERR_REGISTERED_TOO_LARGE");
    expect(large.message).toContain("8 MB");
  });
  it("JSON of no known shape names the expected commands", async () => {
    const error = await readError('{"tenantId": "x", "subscriptions": []}');
    expect(error.code).toBe("ERR_REGISTERED_UNKNOWN_SHAPE");
    expect(error.message).toMatch(/"tenantId"/);
    expect(error.message).toMatch(/az ad app show/);
    expect((await readError("42")).code).toBe("ERR_REGISTERED_UNKNOWN_SHAPE");
    expect((await readError("[1, 2]")).code).toBe("ERR_REGISTERED_UNKNOWN_SHAPE");
  });
  it("a known shape with a wrong field type names the field and the type expected", async () => {
    const dates = await readError(JSON.stringify([{ keyId: KEY_A, hint: "abc", endDateTime: 1767225600 }]));
    expect(dates.code).toBe("ERR_REGISTERED_FIELD_TYPE");
    expect(dates.message).toMatch(/\[0\]\.endDateTime should be a date and time/);
    const list = await readError(JSON.stringify({ appId: APP_ID, keyCredentials: "none" }));
    expect(list.message).toMatch(/keyCredentials should be a list/);
    const audiences = await readError(JSON.stringify([{ id: "f", issuer: "https://x", subject: "s", audiences: "api://AzureADTokenExchange" }]));
    expect(audiences.message).toMatch(/audiences should be a list/);
  });
  it("an empty list is nothing registered, not an error", async () => {
    expect((await readRegisteredCredentials("[]")).rows).toEqual([]);
  });
});
