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

export interface SelfSignedOptions {
  /** Where the key (PKCS#8 PEM, unencrypted) and the certificate go, relative to the workspace or absolute. */
  keyPath: string;
  certPath: string;
  commonName: string;
  /** RSA modulus length; default 2048. */
  keyBits?: number;
  /** subjectAltName, e.g. "IP:127.0.0.1,DNS:localhost". */
  subjectAltName?: string;
  /** Validity from now; default 30. */
  days?: number;
}

/** The `openssl req -x509` arguments for a new RSA key and a self-signed SHA-256 certificate. */
export function selfSignedCertificateArgs(options: SelfSignedOptions): string[] {
  const args = [
    "req", "-x509", "-newkey", `rsa:${String(options.keyBits ?? 2048)}`, "-nodes", "-sha256",
    "-keyout", options.keyPath, "-out", options.certPath,
    "-subj", `/CN=${options.commonName}`,
    "-days", String(options.days ?? 30),
  ];
  if (options.subjectAltName) args.push("-addext", `subjectAltName=${options.subjectAltName}`);
  return args;
}

/** OpenSSL's `-startdate`/`-enddate` form: YYYYMMDDHHMMSSZ. */
function generalizedTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:T]/g, "")}Z`;
}

/**
 * A new RSA key and a self-signed certificate valid from `notBefore` to `notAfter`, which may
 * both lie in the past: `openssl req -x509` can only start now, so this signs the request with
 * `openssl ca -selfsign`, which takes explicit dates. Writes key.pem and cert.pem (names given).
 */
export function createDatedSelfSigned(workspace: OpenSslWorkspace, options: { commonName: string; notBefore: Date; notAfter: Date; keyPath?: string; certPath?: string }): { keyPath: string; certPath: string } {
  const keyPath = options.keyPath ?? "key.pem";
  const certPath = options.certPath ?? "cert.pem";
  workspace.write(
    "dated-ca.cnf",
    [
      "[ ca ]", "default_ca = selfsigned",
      "[ selfsigned ]", "database = dated-index.txt", "new_certs_dir = .", "default_md = sha256", "policy = any_subject", "unique_subject = no", "rand_serial = yes", "x509_extensions = leaf",
      "[ any_subject ]", "commonName = supplied",
      "[ leaf ]", "basicConstraints = critical, CA:FALSE", "keyUsage = critical, digitalSignature, keyEncipherment", "subjectKeyIdentifier = hash",
      "",
    ].join("\n"),
  );
  workspace.write("dated-index.txt", "");
  workspace.run(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", "dated.csr", "-subj", `/CN=${options.commonName}`]);
  workspace.run([
    "ca", "-batch", "-selfsign", "-notext", "-config", "dated-ca.cnf", "-keyfile", keyPath, "-in", "dated.csr", "-out", certPath,
    "-startdate", generalizedTime(options.notBefore), "-enddate", generalizedTime(options.notAfter),
  ]);
  return { keyPath: workspace.path(keyPath), certPath: workspace.path(certPath) };
}
