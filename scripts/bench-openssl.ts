/**
 * The seed's OpenSSL recipe, as a user would type it, timed as whole processes:
 *   openssl genrsa -out server.pem N
 *   openssl req -new -key server.pem -out server.csr -subj /CN=x
 *   openssl x509 -req -days 365 -in server.csr -signkey server.pem -out server.crt
 *   openssl x509 -noout -fingerprint -sha1 -in server.crt
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface OpenSslRun {
  genrsaMs: number;
  reqMs: number;
  x509Ms: number;
  fingerprintMs: number;
  totalMs: number;
}

export function openSslVersion(): string {
  return execFileSync("openssl", ["version"], { encoding: "utf8" }).trim();
}

function recipe(bits: number): string[][] {
  return [
    ["genrsa", "-out", "server.pem", String(bits)],
    ["req", "-new", "-key", "server.pem", "-out", "server.csr", "-subj", "/CN=x"],
    ["x509", "-req", "-days", "365", "-in", "server.csr", "-signkey", "server.pem", "-out", "server.crt"],
    ["x509", "-noout", "-fingerprint", "-sha1", "-in", "server.crt"],
  ];
}

/** Runs the four commands once in a fresh folder; throws if any fails or no fingerprint comes out. */
export function runOpenSslRecipe(bits: number): OpenSslRun {
  const dir = mkdtempSync(join(tmpdir(), "cw-bench-openssl-"));
  try {
    const times: number[] = [];
    let lastOutput = "";
    for (const args of recipe(bits)) {
      const start = performance.now();
      const result = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
      times.push(performance.now() - start);
      if (result.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${result.stderr}`);
      lastOutput = result.stdout;
    }
    if (!/Fingerprint=[0-9A-F:]{59}/i.test(lastOutput)) throw new Error(`no SHA-1 fingerprint from openssl: ${lastOutput}`);
    const [genrsaMs = 0, reqMs = 0, x509Ms = 0, fingerprintMs = 0] = times;
    return { genrsaMs, reqMs, x509Ms, fingerprintMs, totalMs: genrsaMs + reqMs + x509Ms + fingerprintMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
