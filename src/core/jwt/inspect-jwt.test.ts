import { MAX_JSON_DEPTH, MAX_TOKEN_CHARS } from "../input-limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { importRsaPrivateKey } from "../keys/rsa-keys";
import { ASSERTION_FORMS } from "../assertion/assertion-types";
import { buildClientAssertion } from "../assertion/client-assertion";
import { inspectJwt } from "./inspect-jwt";
import { convertToBase64Url } from "./jwt-base64url";
import type { JwtInspection, JwtInspectionSuccess } from "./jwt-inspection";
import { describeExpiry, retimeInspection } from "./jwt-time";
import { seededRandom } from "../../../test-support/seeded-random";

const clientId = "00001111-aaaa-2222-bbbb-3333cccc4444";
const aud = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token";
const now = new Date("2025-01-02T03:04:05Z");
const nowSeconds = now.getTime() / 1000;

let openssl: OpenSslWorkspace;
let certificateDer: Uint8Array;
let otherCertificateDer: Uint8Array;
let x5t: string;

const b64u = (value: unknown): string => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function derOfPem(pem: string): Uint8Array {
  const der = decodePemBlocks(pem)[0]?.der;
  if (!der) throw new Error("no PEM block");
  return der;
}

/** Signs header.payload with the OpenSSL CLI, so a valid verdict is judged against an independent signer. */
function signWithOpenSsl(header: Record<string, unknown>, payload: Record<string, unknown>, pss = false): string {
  const signingInput = `${b64u(header)}.${b64u(payload)}`;
  openssl.write("input.txt", signingInput);
  const padding = pss ? ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"] : [];
  openssl.run(["dgst", "-sha256", "-sign", "key.pem", ...padding, "-out", "sig.bin", "input.txt"]);
  const signature = Buffer.from(openssl.run(["base64", "-A", "-in", "sig.bin"]).trim(), "base64").toString("base64url");
  return `${signingInput}.${signature}`;
}

const claims = { aud, iss: clientId, sub: clientId, jti: "5f1d3a1c-0000-4000-8000-000000000001", nbf: nowSeconds - 60, iat: nowSeconds - 60, exp: nowSeconds + 540 };

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=assertion-test", "-days", "2"]);
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.pem", "-out", "other.crt", "-subj", "/CN=other", "-days", "2"]);
  certificateDer = derOfPem(openssl.run(["x509", "-in", "cert.pem"]));
  otherCertificateDer = derOfPem(openssl.run(["x509", "-in", "other.crt"]));
  x5t = Buffer.from(parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"])), "hex").toString("base64url");
});
afterAll(() => openssl.dispose());

function success(result: JwtInspection): JwtInspectionSuccess {
  if (!result.ok) throw new Error(`expected ok, got: ${result.problem}`);
  return result;
}

async function problemOf(text: string): Promise<string> {
  const result = await inspectJwt(text);
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

describe("malformed input gets a precise message (RFC 7515 §7.1 compact form, §2 base64url)", () => {
  const header = b64u({ alg: "RS256" });
  it.each([
    ["", "The input is empty: paste a JWT, three base64url segments separated by dots."],
    ["  \n ", "The input is empty: paste a JWT, three base64url segments separated by dots."],
    ["abc", "The token has 1 segment; a JWS in compact form has 3 separated by dots. If you copied it from a log or a terminal, it may have been cut off: copy the whole token again."],
    ["abc.def", "The token has 2 segments; a JWS in compact form has 3 separated by dots. If you copied it from a log or a terminal, it may have been cut off: copy the whole token again."],
    ["a.b.c.d", "The token has 4 segments; a JWS in compact form has 3 separated by dots."],
    ["a.b.c.d.e", "This looks like an encrypted token (JWE, 5 segments) — it cannot be inspected without the key."],
    [`${header}.${"A".repeat(16)}+AAA.c2ln`, "Segment 2 (payload) is not valid base64url: it contains '+' at position 17 — this looks like standard base64."],
    [`${header}.eyJ9.c2ln=`, "Segment 3 (signature) is not valid base64url: it contains '=' at position 5 — this looks like standard base64."],
    [`ey%J.e30.c2ln`, "Segment 1 (header) is not valid base64url: it contains '%' at position 3."],
    [`${header}.e30AA.c2ln`, "Segment 2 (payload) is not valid base64url: its length 5 leaves one stray character, so the token is probably cut short."],
    [`${b64u({ typ: "JWT" })}.e30.c2ln`, "The header has no alg."],
    [`${b64u({ alg: 5 })}.e30.c2ln`, "The header's alg is 5, not a string."],
    [`${b64u("[1]")}.e30.c2ln`, "The header is JSON but not an object: a JWT header must be {…}."],
    [`.e30.c2ln`, "The header is empty."],
    [`${header}..c2ln`, "Segment 2 (payload) is empty: this is a JWS with a detached payload, not a JWT."],
    [`${header}.${b64u("hello")}.c2ln`, expect.stringMatching(/^The payload is not JSON: /) as unknown as string],
    [`${Buffer.from([0xff, 0xfe]).toString("base64url")}.e30.c2ln`, "The header is not UTF-8 text, so it is not JSON."],
  ])("%j", async (text, message) => {
    expect(await problemOf(text)).toEqual(message);
  });

  it("names the header that is not JSON", async () => {
    expect(await problemOf(`${b64u('{"alg":"RS256"')}.e30.c2ln`)).toMatch(/^The header is not JSON: .+/);
  });
});

describe("decoding: tolerates whitespace, line breaks, quotes and a Bearer prefix", () => {
  it("reads the same parts from a token wrapped and prefixed", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    const plain = success(await inspectJwt(token, { now }));
    const wrapped = `  Bearer ${token.slice(0, 30)}\n${token.slice(30, 90)}\r\n ${token.slice(90)}  \n`;
    const tolerant = success(await inspectJwt(wrapped, { now }));
    expect(tolerant.parts).toEqual(plain.parts);
    expect(tolerant.payload).toEqual(claims);
    expect(success(await inspectJwt(`"${token}"`, { now })).parts.signature).toBe(token.split(".")[2]);
  });

  it("explains header fields and claims, with UTC, local and relative times", async () => {
    const result = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims), { now }));
    expect(result.headerFields.map((f) => f.name)).toEqual(["alg", "typ", "x5t"]);
    expect(result.headerFields[0]?.explanation).toMatch(/RSASSA-PKCS1-v1_5 with SHA-256/);
    expect(result.headerFields[2]).toMatchObject({ value: x5t, explanation: expect.stringMatching(/SHA-1 thumbprint/) as unknown });
    const exp = result.claims.find((c) => c.name === "exp");
    expect(exp?.time).toEqual({ utc: "2025-01-02 03:13:05 UTC", local: new Date((nowSeconds + 540) * 1000).toLocaleString(), relative: "expires in 9 min" });
    expect(result.claims.find((c) => c.name === "iat")?.time?.relative).toBe("issued 60 s ago");
    expect(result.claims.find((c) => c.name === "aud")?.explanation).toMatch(/token endpoint/);
    expect(result.signatureBytesLength).toBe(256);
  });

  it("says how long ago an expired token expired", async () => {
    const old = { ...claims, nbf: nowSeconds - 4 * 3600, iat: nowSeconds - 4 * 3600, exp: nowSeconds - 3 * 3600 - 100 };
    const result = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, old), { now, certificateDer }));
    expect(result.claims.find((c) => c.name === "exp")?.time?.relative).toBe("expired 3 h ago");
    expect(result.lint.find((r) => r.id === "time-window")?.status).toBe("fail");
  });
});

describe("signature verification with the certificate (RFC 7515 §5.2)", () => {
  it.each([
    ["RS256", false],
    ["PS256", true],
  ] as const)("%s signed by the OpenSSL CLI is valid, and lint runs for a client assertion", async (alg, pss) => {
    const header = pss ? { alg, typ: "JWT", "x5t#S256": "x" } : { alg, typ: "JWT", x5t };
    const result = success(await inspectJwt(signWithOpenSsl(header, claims, pss), { certificateDer, now }));
    expect(result.signature.status).toBe("valid");
    expect(result.signature.message).toMatch(/CN=assertion-test/);
    expect(result.kind).toBe("client-assertion");
    expect(result.lint.length).toBeGreaterThan(5);
  });

  it.each(ASSERTION_FORMS)("the page's own %s assertion verifies and passes every lint rule", async (form) => {
    const privateKeyPkcs8Der = derOfPem(openssl.run(["pkey", "-in", "key.pem"]));
    const privateKey = await importRsaPrivateKey(privateKeyPkcs8Der);
    const { jwt } = await buildClientAssertion({ privateKey, certificateDer, clientId, tokenEndpoint: aud, form, includeX5c: true, now });
    const result = success(await inspectJwt(jwt, { certificateDer, now }));
    expect(result.signature.status).toBe("valid");
    expect(result.lint.filter((r) => r.status !== "pass")).toEqual([]);
    expect(result.lint.map((r) => r.id)).toEqual(expect.arrayContaining(["thumbprint-matches-certificate", "key-size", "alg-header-pairing"]));
  });

  it("a tampered payload is invalid, naming the certificate", async () => {
    const [h, , s] = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims).split(".");
    const tampered = `${h ?? ""}.${b64u({ ...claims, sub: "11112222-aaaa-2222-bbbb-3333cccc4444" })}.${s ?? ""}`;
    const result = success(await inspectJwt(tampered, { certificateDer, now }));
    expect(result.signature).toEqual({
      status: "invalid",
      message: "Signature does not verify with the certificate CN=assertion-test: the token was changed or signed by another key.",
    });
  });

  it("a token checked against another certificate is invalid, and the thumbprint lint fails", async () => {
    const result = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims), { certificateDer: otherCertificateDer, now }));
    expect(result.signature.status).toBe("invalid");
    expect(result.lint.find((r) => r.id === "thumbprint-matches-certificate")?.status).toBe("fail");
  });

  it("without a certificate the signature is not checked; HS256 is unsupported", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    expect(success(await inspectJwt(token, { now })).signature.status).toBe("not-checked");
    const hs = `${b64u({ alg: "HS256", typ: "JWT" })}.${b64u(claims)}.c2ln`;
    expect(success(await inspectJwt(hs, { certificateDer, now })).signature.status).toBe("unsupported");
  });

  it("an Entra access token is recognised, not linted as an assertion, and not checked against the certificate", async () => {
    const accessClaims = { aud: "https://graph.microsoft.com", iss: "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", tid: "72f988bf-86f1-41af-91ab-2d7cd011db47", roles: ["User.Read.All"], idtyp: "app", exp: nowSeconds + 3000 };
    const result = success(await inspectJwt(`${b64u({ alg: "RS256", typ: "JWT", kid: "abc" })}.${b64u(accessClaims)}.c2ln`, { certificateDer, now }));
    expect(result.kind).toBe("access-token");
    expect(result.lint).toEqual([]);
    expect(result.signature.status).toBe("not-checked");
    expect(result.claims.find((c) => c.name === "roles")).toMatchObject({ value: '["User.Read.All"]', explanation: expect.stringMatching(/App roles/) as unknown });
  });

  it("a certificate that is not DER gives an unsupported verdict instead of an exception", async () => {
    const result = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims), { certificateDer: new Uint8Array([1, 2, 3]), now }));
    expect(result.signature.status).toBe("unsupported");
  });
});


describe("a truncated signature is named as truncated, and the checklist shows it (RFC 8017 §8: an RSA signature is as long as the modulus)", () => {
  it("a token cut short inside the signature: the message says cut short/truncated with byte counts, and signature-verifies fails", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    const [h, p, sig] = token.split(".") as [string, string, string];
    expect(sig).toHaveLength(342);
    const cut = `${h}.${p}.${sig.slice(0, 300)}`;
    const result = success(await inspectJwt(cut, { certificateDer, now }));
    expect(result.signature).toEqual({
      status: "invalid",
      message: "Signature does not verify with the certificate CN=assertion-test: it has 225 bytes, but the certificate's 2048-bit key makes 256-byte signatures — the token was cut short (truncated) when it was copied.",
    });
    const row = result.lint.find((r) => r.id === "signature-verifies");
    expect(row).toMatchObject({ status: "fail", detail: result.signature.message, fix: expect.stringMatching(/Copy the whole token again/) as unknown });
    // Everything else in the token is fine, so that one row is what keeps the list from being all green.
    expect(result.lint.filter((r) => r.status !== "pass").map((r) => r.id)).toEqual(["signature-verifies"]);
  });

  it("bytes appended to the signature are named as such, not as another key", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    const result = success(await inspectJwt(`${token}AAAA`, { certificateDer, now }));
    expect(result.signature.message).toMatch(/it has 259 bytes, but the certificate's 2048-bit key makes 256-byte signatures — something was appended/);
  });

  it("a full-length signature that does not verify still says changed or another key", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    const flipped = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BAA" : "AAA"}`;
    const result = success(await inspectJwt(flipped, { certificateDer, now }));
    expect(result.signature.message).toMatch(/the token was changed or signed by another key\.$/);
    expect(result.lint[0]).toMatchObject({ id: "signature-verifies", status: "fail" });
  });

  it("without a certificate the row warns 'not checked', and an odd signature length is still pointed out", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    const full = success(await inspectJwt(token, { now }));
    expect(full.signature.message).toBe("Signature not checked: no certificate is loaded on this page to verify it with.");
    expect(full.lint.find((r) => r.id === "signature-verifies")).toMatchObject({ status: "warn", detail: full.signature.message });
    const cut = success(await inspectJwt(token.slice(0, -42), { now }));
    expect(cut.signature.message).toMatch(/Its signature has 225 bytes, .*cut short \(truncated\)/);
  });

  it("a valid signature passes the row, and the signature message does not say Signature twice", async () => {
    const result = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims), { certificateDer, now }));
    expect(result.lint[0]).toMatchObject({ id: "signature-verifies", status: "pass", detail: "Checked with the public key of CN=assertion-test: signed by its private key, unchanged since." });
    expect(result.signature.message.match(/signature/gi)).toHaveLength(1);
  });
});

describe("access tokens: Entra's keys, kind-specific explanations, a plain expiry", () => {
  const tid = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  const accessClaims = { aud: "https://graph.microsoft.com", iss: `https://sts.windows.net/${tid}/`, tid, roles: ["User.Read.All"], idtyp: "app", nbf: nowSeconds - 600, iat: nowSeconds - 600, exp: nowSeconds + 3000 };
  const accessToken = (payload: Record<string, unknown>): string => `${b64u({ alg: "RS256", typ: "JWT", kid: "abc" })}.${b64u(payload)}.c2ln`;

  it.each([undefined, "with"] as const)("the signature message says Entra's own keys and the tenant's published keys (certificate %s)", async (withCert) => {
    const result = success(await inspectJwt(accessToken(accessClaims), { now, ...(withCert ? { certificateDer } : {}) }));
    expect(result.signature.status).toBe("not-checked");
    expect(result.signature.message).toBe(
      `Signature not checked here: Entra signs access tokens with its own key (kid abc), not your certificate. It can be checked against the tenant's published keys (https://login.microsoftonline.com/${tid}/discovery/v2.0/keys); the API that receives it does so.`,
    );
    expect(result.signature.message).not.toMatch(/No certificate given/);
  });

  it("explanations depend on kind: no assertion advice on an access token, and it is there on an assertion", async () => {
    const access = success(await inspectJwt(accessToken(accessClaims), { now }));
    const explanations = [...access.claims, ...access.headerFields].map((f) => f.explanation).join(" ");
    expect(explanations).not.toMatch(/10 minutes|for an assertion|client assertion|token endpoint URL/);
    expect(access.claims.find((c) => c.name === "exp")?.explanation).toMatch(/60–90 minutes/);
    expect(access.headerFields.find((f) => f.name === "kid")?.explanation).toMatch(/Entra's signing keys/);
    const assertion = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims), { now }));
    expect(assertion.claims.find((c) => c.name === "exp")?.explanation).toMatch(/at most 10 minutes/);
    const other = success(await inspectJwt(`${b64u({ alg: "RS256" })}.${b64u({ exp: nowSeconds + 60 })}.c2ln`, { now }));
    expect(other.kind).toBe("other");
    expect(other.claims[0]?.explanation).not.toMatch(/assertion|Entra/);
  });

  it("an expired access token says so plainly, valid ones say when they expire", async () => {
    const expired = success(await inspectJwt(accessToken({ ...accessClaims, exp: nowSeconds - 7200 }), { now }));
    expect(expired.expiry).toEqual({ state: "expired", message: "This access token expired 2 h ago (exp 2025-01-02 01:04:05 UTC). APIs refuse it (401): ask the token endpoint for a new one." });
    expect(success(await inspectJwt(accessToken(accessClaims), { now })).expiry).toEqual({ state: "valid", message: "This access token is valid now; it expires in 50 min (exp 2025-01-02 03:54:05 UTC)." });
  });
});

describe("describeExpiry: accurate about Entra's ~5-minute skew for assertions", () => {
  it.each([
    [-63, "expired", "This client assertion expired 63 s ago (exp 2025-01-02 03:03:02 UTC). Entra still accepts it for about 4 min more, inside its ~5-minute clock-skew allowance; sign a fresh one."],
    [-400, "expired", "This client assertion expired 7 min ago (exp 2025-01-02 02:57:25 UTC). Entra will refuse it (AADSTS700024): sign a fresh one."],
    [540, "valid", "This client assertion is valid now; it expires in 9 min (exp 2025-01-02 03:13:05 UTC)."],
  ] as const)("exp = now %+i s → %s", (offset, state, message) => {
    expect(describeExpiry("client-assertion", { nbf: nowSeconds - 600, exp: nowSeconds + offset }, now)).toEqual({ state, message });
  });
  it("not yet valid, and no exp at all", () => {
    expect(describeExpiry("client-assertion", { nbf: nowSeconds + 600, exp: nowSeconds + 1200 }, now)?.message).toMatch(/^This client assertion is not valid for another 10 min .*AADSTS700024/);
    expect(describeExpiry("other", { nbf: nowSeconds + 60, exp: nowSeconds + 1200 }, now)?.state).toBe("not-yet-valid");
    expect(describeExpiry("other", { exp: "soon" }, now)).toBeUndefined();
  });
});

describe("retimeInspection: relative times recomputed cheaply for a later now", () => {
  it("claims, expiry and the time lint rows move; the signature verdict stays", async () => {
    const first = success(await inspectJwt(signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims), { certificateDer, now }));
    expect(first.now).toEqual(now);
    expect(first.expiry?.state).toBe("valid");
    const later = new Date(now.getTime() + 20 * 60 * 1000);
    const retimed = retimeInspection(first, later);
    expect(retimed.now).toEqual(later);
    expect(retimed.claims.find((c) => c.name === "exp")?.time?.relative).toBe("expired 11 min ago");
    expect(retimed.expiry?.state).toBe("expired");
    expect(retimed.lint.find((r) => r.id === "time-window")?.status).toBe("fail");
    expect(retimed.lint.map((r) => r.id)).toEqual(first.lint.map((r) => r.id));
    expect(retimed.signature).toBe(first.signature);
    // The same as inspecting again at that time.
    const again = success(await inspectJwt(`${first.parts.header}.${first.parts.payload}.${first.parts.signature}`, { certificateDer, now: later }));
    expect(retimed.lint).toEqual(again.lint);
    expect(retimed.claims).toEqual(again.claims);
  });
});

describe("encrypted tokens (JWE, RFC 7516 §7.1): the protected header is shown", () => {
  it("decodes alg/enc/kid and says the payload is encrypted", async () => {
    const header = { alg: "RSA-OAEP-256", enc: "A256GCM", kid: "key-1" };
    const result = await inspectJwt(`${b64u(header)}.${"A".repeat(342)}.AAAAAAAAAAAAAAAA.${"B".repeat(40)}.AAAAAAAAAAAAAAAAAAAAAA`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/^This is an encrypted token \(JWE, 5 segments\): .*payload is encrypted \(enc A256GCM\)/);
    expect(result.encrypted?.header).toEqual(header);
    expect(result.encrypted?.headerFields.map((f) => [f.name, f.value])).toEqual([["alg", "RSA-OAEP-256"], ["enc", "A256GCM"], ["kid", "key-1"]]);
    expect(result.encrypted?.headerFields[0]?.explanation).toMatch(/Key management algorithm/);
  });
});

describe("standard base64 pasted instead of base64url: flagged and convertible", () => {
  it("the failure carries standardBase64, and convertToBase64Url yields a token that inspects and verifies", async () => {
    const token = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t }, claims);
    const standard = token.split(".").map((part) => Buffer.from(part, "base64url").toString("base64")).join(".");
    expect(standard).toMatch(/[+/=]/);
    const failure = await inspectJwt(standard, { certificateDer, now });
    expect(failure).toMatchObject({ ok: false, standardBase64: true });
    const converted = convertToBase64Url(`Bearer ${standard}\n`);
    expect(converted).toBe(token);
    expect(success(await inspectJwt(converted, { certificateDer, now })).signature.status).toBe("valid");
  });
  it("other faults are not flagged", async () => {
    expect(await inspectJwt("ey%J.e30.c2ln")).not.toHaveProperty("standardBase64");
  });
  it("converts the three characters and keeps the dots", () => {
    expect(convertToBase64Url("eyJh+b/c=.e30=.c2ln")).toBe("eyJh-b_c.e30.c2ln");
    expect(convertToBase64Url('"a+/.b.c=="')).toBe("a-_.b.c");
  });
});

describe("robustness: inspectJwt never throws", () => {
  it("1,000 random, truncated and bit-flipped strings resolve to a result (seed 20250102)", async () => {
    const random = seededRandom(20250102);
    const pick = (n: number): number => Math.floor(random() * n);
    const valid = signWithOpenSsl({ alg: "RS256", typ: "JWT", x5t, x5c: ["AAAA"] }, { ...claims, exp: 1e300, nbf: -1e20, iat: "x" });
    const alphabet = "ABCxyz019-_.+/= \n\u00e9\u{1F600}\"{}[]:,";
    const failures: string[] = [];
    for (let i = 0; i < 1000; i++) {
      let text: string;
      const mode = i % 4;
      if (mode === 0) text = Array.from({ length: pick(120) }, () => alphabet[pick(alphabet.length)]).join("");
      else if (mode === 1) text = valid.slice(0, pick(valid.length + 1));
      else if (mode === 2) {
        const at = pick(valid.length);
        text = valid.slice(0, at) + String.fromCharCode(valid.charCodeAt(at) ^ (1 << pick(7))) + valid.slice(at + 1);
      } else text = `${b64u(Array.from({ length: pick(40) }, () => alphabet[pick(alphabet.length)]).join(""))}.${valid.split(".").slice(1).join(".")}`;
      try {
        const result = await inspectJwt(text, { certificateDer: i % 10 === 0 ? certificateDer : undefined, now });
        if (typeof result.ok !== "boolean" || (!result.ok && result.problem.length === 0)) failures.push(text);
      } catch (error) {
        failures.push(`${JSON.stringify(text)}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await inspectJwt(undefined as unknown as string)).toEqual({ ok: false, problem: "The input is not text." });
  });
});

describe("hostile keys and sizes: __proto__ and other odd claim names, 100 KB values, 10,000 claims", () => {
  /** Every text the page renders from an inspection: all must be strings, whatever the token's keys. */
  function shownTexts(result: JwtInspectionSuccess): unknown[] {
    return [...result.headerFields, ...result.claims].flatMap((row) => [row.name, row.value, row.explanation]);
  }

  it("shows __proto__, constructor, numeric and nested keys as data, with string explanations", async () => {
    // The issue's reproduction: header {"alg":"RS256","__proto__":1}.
    const issue = success(await inspectJwt("eyJhbGciOiJSUzI1NiIsIl9fcHJvdG9fXyI6MX0.eyJhdWQiOiJ4In0.AAAA", { now }));
    expect(issue.headerFields.map(({ name, value }) => [name, value])).toEqual([["alg", "RS256"], ["__proto__", "1"]]);
    for (const text of shownTexts(issue)) expect(typeof text).toBe("string");
    // Raw JSON text, so the keys arrive exactly as an attacker would write them (JSON.stringify would drop __proto__).
    const header = '{"alg":"RS256","constructor":{"__proto__":{"x":1}},"toString":2,"hasOwnProperty":3,"7":"seven"}';
    const payload = '{"__proto__":{"admin":true},"constructor":"c","valueOf":[1],"0":0,"nested":{"__proto__":null,"constructor":{}},"aud":"x"}';
    const result = success(await inspectJwt(`${b64u(header)}.${b64u(payload)}.AAAA`, { now }));
    for (const text of shownTexts(result)) expect(typeof text).toBe("string");
    expect(result.headerFields.find((row) => row.name === "constructor")?.value).toBe('{"__proto__":{"x":1}}');
    expect(result.claims.find((row) => row.name === "__proto__")?.value).toBe('{"admin":true}');
    expect(result.claims.find((row) => row.name === "nested")?.value).toBe('{"__proto__":null,"constructor":{}}');
    expect(result.claims.find((row) => row.name === "constructor")?.explanation).toBe("Not a registered claim; the issuer defines its meaning.");
    expect(result.headerFields.find((row) => row.name === "7")?.value).toBe("seven");
    // Nothing leaked onto Object.prototype.
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    // The same keys in an encrypted token's header.
    const jwe = await inspectJwt(`${b64u('{"alg":"RSA-OAEP","enc":"A256GCM","__proto__":1,"constructor":2}')}.a.b.c.d`);
    expect(jwe.ok).toBe(false);
    if (!jwe.ok) for (const row of jwe.encrypted?.headerFields ?? []) expect(typeof row.explanation).toBe("string");
  });

  it("cuts a 100 KB header value for display and says its size; messages quoting it stay short", async () => {
    for (const field of ["x5t", "typ", "x5t#S256"]) {
      const token = `${b64u({ alg: "RS256", typ: "JWT", x5t, [field]: "a".repeat(100_000) })}.${b64u(claims)}.${b64u("s".repeat(256))}`;
      const result = success(await inspectJwt(token, { certificateDer, now }));
      const row = result.headerFields.find((candidate) => candidate.name === field);
      expect(row?.length).toBe(100_000);
      expect(row?.value.length).toBeLessThanOrEqual(8193);
      expect(result.header[field]).toBe("a".repeat(100_000));
      for (const rule of result.lint) expect(rule.detail.length + rule.fix.length).toBeLessThanOrEqual(4002);
    }
  });

  it("of 10,000 claims describes the first 200, in order, and counts them all", async () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`c${String(index)}`, index]));
    const result = success(await inspectJwt(`${b64u({ alg: "RS256" })}.${b64u(many)}.AAAA`, { now }));
    expect(result.claims).toHaveLength(200);
    expect(result.claims.map((row) => row.name)).toEqual(Array.from({ length: 200 }, (_, index) => `c${String(index)}`));
    expect(result.claims[199]).toMatchObject({ name: "c199", value: "199" });
    expect(result.claimCount).toBe(10_000);
    expect(result.headerFieldCount).toBe(1);
    expect(Object.keys(result.payload)).toHaveLength(200);
  });

  it("quotes a 100 KB typ in its check as a short prefix with the size, not the whole value", async () => {
    const aud = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token";
    const result = success(await inspectJwt(`${b64u({ alg: "RS256", typ: "a".repeat(100_000) })}.${b64u({ aud, iss: "a", sub: "a", exp: 2e9 })}.AAAA`, { now }));
    const typ = result.lint.find((rule) => rule.id === "typ-jwt");
    expect(typ?.status).toBe("fail");
    expect(typ?.detail).toContain("(100,002 characters)");
    expect(typ?.detail.length).toBeLessThan(300);
  });
});

describe("bounded input: what crosses the worker boundary is bounded in depth and size (src/core/input-limits.ts)", () => {
  const segment = (text: string) => Buffer.from(text).toString("base64url");
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

  it.each(["header", "payload"] as const)("a %s of 50,000 nested objects is named as too deep, quickly, and the result can be handed over (structured clone)", async (part) => {
    const header = part === "header" ? `{"alg":"RS256","x":${nested(50_000)}}` : '{"alg":"RS256"}';
    const payload = part === "payload" ? nested(50_000) : '{"sub":"x"}';
    const started = performance.now();
    const inspection = await inspectJwt(`${segment(header)}.${segment(payload)}.${segment("sig")}`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(inspection).toMatchObject({ ok: false });
    expect(inspection.ok ? "" : inspection.problem).toContain(`The ${part} nests 50,00`);
    expect(inspection.ok ? "" : inspection.problem).toContain(`no deeper than ${String(MAX_JSON_DEPTH)}`);
    // What the worker posts to the page: structured clone must not throw on it.
    expect(() => structuredClone(inspection)).not.toThrow();
  });

  it(`nesting up to ${String(MAX_JSON_DEPTH)} levels is still read, and its result can be handed over`, async () => {
    const inspection = await inspectJwt(`${segment('{"alg":"RS256"}')}.${segment(`{"deep":${nested(MAX_JSON_DEPTH - 1)}}`)}.${segment("sig")}`);
    expect(inspection.ok).toBe(true);
    expect(() => structuredClone(inspection)).not.toThrow();
  });

  it("a text longer than MAX_TOKEN_CHARS is named by its size without being decoded", async () => {
    const inspection = await inspectJwt("a".repeat(MAX_TOKEN_CHARS + 1));
    expect(inspection.ok ? "" : inspection.problem).toMatch(/^The text is 4,194,305 characters: no JWT is that long/);
  });
});
