import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "../pem";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../testing/openssl";
import { importRsaPrivateKey } from "../keys";
import { ASSERTION_FORMS, buildClientAssertion } from "./client-assertion";
import { inspectJwt, type JwtInspection, type JwtInspectionSuccess } from "./inspect-jwt";
import { seededRandom } from "../testing/seeded-random";

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
    ["abc", "The token has 1 segment; a JWS in compact form has 3 separated by dots."],
    ["abc.def", "The token has 2 segments; a JWS in compact form has 3 separated by dots."],
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
    expect(exp?.time).toEqual({ utc: "2025-01-02T03:13:05Z", local: new Date((nowSeconds + 540) * 1000).toLocaleString(), relative: "expires in 9 min" });
    expect(result.claims.find((c) => c.name === "iat")?.time?.relative).toBe("issued 1 min ago");
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
