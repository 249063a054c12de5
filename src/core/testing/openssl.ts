// Test helper: runs the OpenSSL CLI on files in a temporary folder, so tests judge our output
// with an independent implementation.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface OpenSslWorkspace {
  /** The absolute path of a file in the workspace. */
  path(name: string): string;
  /** Writes a file into the workspace and returns its path. */
  write(name: string, contents: string | Uint8Array): string;
  /** Runs `openssl ...args` in the workspace and returns stdout (throws with stderr on failure). */
  run(args: string[], input?: string): string;
  /** Like run, but returns the exit status and both streams instead of throwing. */
  tryRun(args: string[]): { status: number; stdout: string; stderr: string };
  dispose(): void;
}

export function createOpenSslWorkspace(): OpenSslWorkspace {
  const dir = mkdtempSync(join(tmpdir(), "cw-openssl-"));
  return {
    path(name) {
      return join(dir, name);
    },
    write(name, contents) {
      const path = join(dir, name);
      writeFileSync(path, contents);
      return path;
    },
    run(args, input) {
      return execFileSync("openssl", args, { cwd: dir, input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    },
    tryRun(args) {
      const result = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
      return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** OpenSSL's `-fingerprint` output ("SHA1 Fingerprint=AB:CD:...") as plain uppercase hex. */
export function parseOpenSslFingerprint(output: string): string {
  const match = /Fingerprint=([0-9A-F:]+)/i.exec(output);
  if (!match?.[1]) throw new Error(`no fingerprint in: ${output}`);
  return match[1].replace(/:/g, "").toUpperCase();
}
