// Static files, security headers and the small API routes, against a real listening server.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendTestRequest } from "../test-support/http-client";
import { resolveStaticPath } from "./static-files";
import { PAGE_CONTENT_SECURITY_POLICY } from "./security-headers";
import { startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

const INDEX_HTML = "<!doctype html><title>Credential Workbench</title>";
const SECRET = "TOP-SECRET-OUTSIDE-DIST";

let root: string;
let distDir: string;
let server: RunningWorkbenchServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "workbench-static-"));
  distDir = join(root, "dist");
  mkdirSync(join(distDir, "assets"), { recursive: true });
  writeFileSync(join(distDir, "index.html"), INDEX_HTML);
  writeFileSync(join(distDir, "assets", "app-abc123.js"), "console.log(1);");
  writeFileSync(join(distDir, "assets", "app-abc123.css"), "body{}");
  writeFileSync(join(distDir, "favicon.svg"), "<svg/>");
  writeFileSync(join(root, "secret.txt"), SECRET);
  mkdirSync(join(root, "outside"));
  writeFileSync(join(root, "outside", "secret.js"), SECRET);
  // What a careless build step or an attacker with write access to dist/ might leave there.
  writeFileSync(join(distDir, ".env"), SECRET);
  mkdirSync(join(distDir, ".git"));
  writeFileSync(join(distDir, ".git", "config"), SECRET);
  writeFileSync(join(distDir, "assets", ".hidden.js"), SECRET);
  symlinkSync(join(root, "secret.txt"), join(distDir, "escape.txt"));
  symlinkSync(join(root, "outside"), join(distDir, "linked"));
  symlinkSync(join(distDir, ".env"), join(distDir, "env.txt"));
  symlinkSync(join(distDir, "favicon.svg"), join(distDir, "alias.svg"));
  execFileSync("mkfifo", [join(distDir, "pipe.txt")]);
  server = await startWorkbenchServer({ port: 0, distDir, extraAuthorities: ["https://Login.Example.test:8443/", "https://127.0.0.1:9443"], logger: () => undefined });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

afterEach(async () => {
  expect((await sendTestRequest(`${server.origin}/healthz`)).status).toBe(200);
});

const get = (path: string, method = "GET") => sendTestRequest(`${server.origin}${path}`, { method });

describe("static files", () => {
  it("serves index.html at / with the strict CSP and security headers, never cached", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX_HTML);
    expect(response.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": PAGE_CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
      "cache-control": "no-store",
    });
    expect(response.headers["permissions-policy"]).toContain("camera=()");
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
  });

  it("serves assets with their content type, hashed ones cached immutably", async () => {
    expect((await get("/assets/app-abc123.js")).headers).toMatchObject({ "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=31536000, immutable" });
    expect((await get("/assets/app-abc123.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await get("/favicon.svg")).headers).toMatchObject({ "content-type": "image/svg+xml", "cache-control": "no-cache" });
  });

  it("falls back to index.html for client routes, 404 for missing files with an extension", async () => {
    expect(await get("/token/inspect")).toMatchObject({ status: 200, text: INDEX_HTML });
    expect((await get("/assets/missing.js")).status).toBe(404);
  });

  it("never lists a directory", async () => {
    const response = await get("/assets/");
    expect(response.text).toBe(INDEX_HTML);
    expect(response.text).not.toContain("app-abc123");
  });

  it("answers HEAD without a body and other methods with 405", async () => {
    const head = await get("/", "HEAD");
    expect(head).toMatchObject({ status: 200, text: "" });
    expect(head.headers["content-length"]).toBe(String(INDEX_HTML.length));
    const post = await get("/", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it.each([
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "/%252e%252e/secret.txt",
    "/index.html%00.js",
    "/%",
  ])("refuses path traversal %s", async (path) => {
    const response = await get(path);
    expect(response.text).not.toContain(SECRET);
    expect([400, 404]).toContain(response.status);
  });

  it.each(["/.env", "/%2eenv", "/.git/config", "/assets/.hidden.js", "/assets/%2Ehidden.js"])("never serves a dotfile: %s", async (path) => {
    const response = await get(path);
    expect(response.text).not.toContain(SECRET);
    expect(response.status).toBe(404);
  });

  it.each(["/escape.txt", "/linked/secret.js", "/env.txt"])("does not follow a symlink out of dist or to a dotfile: %s", async (path) => {
    const response = await get(path);
    expect(response.text).not.toContain(SECRET);
    expect(response.status).toBe(404);
  });

  it("serves a symlink whose target is a regular file inside dist, and never a FIFO", async () => {
    expect(await get("/alias.svg")).toMatchObject({ status: 200, text: "<svg/>" });
    expect((await get("/pipe.txt")).status).toBe(404);
  });

  it("resolveStaticPath keeps every path inside dist", () => {
    expect(resolveStaticPath("/srv/dist", "/a/b.js")).toBe("/srv/dist/a/b.js");
    expect(resolveStaticPath("/srv/dist", "/..%2f..%2fetc/passwd")).toBeUndefined();
    expect(resolveStaticPath("/srv/dist", "/a/%2e%2e/%2e%2e/x")).toBeUndefined();
    expect(resolveStaticPath("/srv/dist", "/a\\..\\..\\x")).toBeUndefined();
  });

  it("says how to fix a missing build (503)", async () => {
    const unbuilt = await startWorkbenchServer({ port: 0, distDir: join(root, "no-dist"), logger: () => undefined });
    try {
      expect(await sendTestRequest(`${unbuilt.origin}/`)).toMatchObject({ status: 503, json: { error: "app_not_built" } });
    } finally {
      await unbuilt.close();
    }
  });
});

describe("API routes", () => {
  it("GET /healthz answers { ok: true } with API headers", async () => {
    const response = await get("/healthz");
    expect(response).toMatchObject({ status: 200, json: { ok: true } });
    expect(response.headers).toMatchObject({ "cache-control": "no-store", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });
  });

  it("GET /api/config tells the page the proxy exists and lists normalised extra authorities", async () => {
    expect((await get("/api/config")).json).toEqual({ proxy: true, extraAuthorities: ["https://login.example.test:8443", "https://127.0.0.1:9443"] });
    const sameOrigin = await sendTestRequest(`${server.origin}/api/config`, { headers: { Origin: server.origin, "Sec-Fetch-Site": "same-origin" } });
    expect(sameOrigin).toMatchObject({ status: 200, json: { proxy: true } });
  });

  it.each<[string, Record<string, string>]>([
    ["a rebinding Host (DNS rebinding)", { Host: "evil.example:8080" }],
    ["a rebinding Host with its own Origin", { Host: "evil.example:8080", Origin: "http://evil.example:8080" }],
    ["a foreign Origin", { Origin: "http://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ])("GET /api/config refuses %s with 403 and lists nothing", async (_label, headers) => {
    const response = await sendTestRequest(`${server.origin}/api/config`, { headers });
    expect(response).toMatchObject({ status: 403, json: { error: "cross_origin_refused" } });
    expect(response.text).not.toContain("login.example.test");
  });

  it("answers unknown API paths with 404 JSON and wrong methods with 405", async () => {
    expect(await get("/api/nothing")).toMatchObject({ status: 404, json: { error: "not_found" } });
    expect(await get("/api")).toMatchObject({ status: 404, json: { error: "not_found" } });
    const wrongMethod = await get("/api/token");
    expect(wrongMethod).toMatchObject({ status: 405, json: { error: "method_not_allowed" } });
    expect(wrongMethod.headers.allow).toBe("POST");
    expect((await get("/api/config", "DELETE")).status).toBe(405);
  });

  it("refuses a malformed extra authority at creation", async () => {
    await expect(startWorkbenchServer({ port: 0, extraAuthorities: ["http://insecure.example"] })).rejects.toThrow(TypeError);
  });
});
