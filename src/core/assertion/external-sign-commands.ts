/**
 * The commands that sign a digest where the key lives: the Azure CLI (`az keyvault key sign`, az 2.51+),
 * the Key Vault REST `sign` operation (api-version 7.4), and OpenSSL for a key in a file or on a PKCS#11
 * token. Each prints a signature the page reads back (read-pasted-signature.ts).
 */
import type { ExternalSigningRequest } from "./external-signing-input";

export type ExternalSignCommandId = "az-name" | "az-id" | "rest" | "openssl";

export interface ExternalSignCommand {
  id: ExternalSignCommandId;
  title: string;
  language: "shell" | "http";
  /** One sentence on when to use it and what to paste back. */
  description: string;
  code: string;
}

/** Where the key is, as far as the user said; placeholders otherwise. */
export interface KeyLocation {
  vaultName?: string;
  keyName?: string;
}

/** A shell word in single quotes (POSIX: nothing inside is special). */
const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * @example externalSignCommands(request).find((command) => command.id === "az-name")?.code
 */
export function externalSignCommands(request: ExternalSigningRequest, location: KeyLocation = {}): ExternalSignCommand[] {
  const alg = request.header.alg;
  const vault = location.vaultName?.trim() || "<vault name>";
  const key = location.keyName?.trim() || "<key name>";
  const keyUrl = `https://${vault}.vault.azure.net/keys/${key}/<key version>`;
  // PS256 is RSASSA-PSS with SHA-256, MGF1-SHA-256 (OpenSSL's default for the digest given) and a 32-byte salt (RFC 7518 §3.5).
  const pssOptions = alg === "PS256" ? " \\\n  -pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:32" : "";
  return [
    {
      id: "az-name",
      title: "Azure CLI (vault and key name)",
      language: "shell",
      description: "az 2.51 or later; paste back the JSON it prints.",
      code: `az keyvault key sign --vault-name ${quote(vault)} --name ${quote(key)} --algorithm ${alg} \\\n  --digest ${quote(request.digestBase64)}`,
    },
    {
      id: "az-id",
      title: "Azure CLI (key identifier)",
      language: "shell",
      description: "The key's identifier (kid) from the portal or az keyvault key show; paste back the JSON it prints.",
      code: `az keyvault key sign --id ${quote(keyUrl)} --algorithm ${alg} \\\n  --digest ${quote(request.digestBase64)}`,
    },
    {
      id: "rest",
      title: "Key Vault REST API",
      language: "http",
      description: "With a token for https://vault.azure.net (or: az rest --method post --resource https://vault.azure.net --url … --body …); paste back the answer.",
      code: [
        `POST ${keyUrl}/sign?api-version=7.4`,
        "Authorization: Bearer <access token for https://vault.azure.net>",
        "Content-Type: application/json",
        "",
        JSON.stringify({ alg, value: request.digestBase64Url }),
      ].join("\n"),
    },
    {
      id: "openssl",
      title: "OpenSSL (key in a file, or on a PKCS#11 token)",
      language: "shell",
      description:
        "pkeyutl signs the digest as it is (digest:sha256 names the hash it came from); paste back the base64 line. For a smart card or HSM replace -inkey server.pem with -engine pkcs11 -keyform engine -inkey 'pkcs11:object=<key label>;type=private'.",
      code: [
        `printf '%s\\n' ${quote(request.digestBase64)} | openssl base64 -d -out digest.bin`,
        `openssl pkeyutl -sign -inkey server.pem -in digest.bin -pkeyopt digest:sha256${pssOptions} \\\n  | openssl base64 -A`,
      ].join("\n"),
    },
  ];
}
