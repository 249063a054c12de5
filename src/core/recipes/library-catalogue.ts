import type { AssertionForm } from "../assertion/assertion-types";
import { KEY_VAULT_LIBRARIES, type KeyVaultLibraryId } from "./key-vault-libraries";

/**
 * The libraries step 3 offers and what client assertion each one sends (the snippet each shows is built
 * by snippet-for-library.ts, loaded when a snippet is first needed).
 * "Sends" means the JWS header the library builds (RFC 7515 §4.1.7 x5t / §4.1.8 x5t#S256):
 * choosing a library sets the page's assertion form to it, so the checks in the optional section
 * judge what that library will really send.
 */
export type LibraryId =
  | "msal-python"
  | "msal-python-pfx"
  | "msal-python-public-certificate"
  | "msal-node-sha256"
  | "msal-node-sha1"
  | "msal-dotnet"
  | "azure-identity-python"
  | "azure-identity-js"
  | "az-cli"
  | "curl"
  | KeyVaultLibraryId;

export interface Library {
  id: LibraryId;
  label: string;
  /** The assertion form the library signs; undefined when the page's own assertion is used as it is (curl). */
  form?: AssertionForm;
  /** The recipe shown for this library: one of buildRecipes (build-recipes.ts) or of LIBRARY_ONLY_RECIPES. */
  recipeId: string;
  /** Which form it sends and from which version, in plain words. */
  note: string;
  /** Where the key is: a file the app reads (the default), or Azure Key Vault, which signs for the app. */
  keyIn?: "key-vault";
}

export const DEFAULT_LIBRARY: LibraryId = "msal-python";

export const LIBRARIES: readonly Library[] = [
  {
    id: "msal-python",
    label: "MSAL Python — thumbprint + server.pem",
    form: "RS256-x5t",
    recipeId: "msal-python",
    // msal/application.py _build_client: "private_key" + "thumbprint" → JwtAssertionCreator(algorithm="RS256", sha1_thumbprint=…).
    note: "Every MSAL Python version signs RS256 with the SHA-1 thumbprint in x5t when given thumbprint and private_key.",
  },
  {
    id: "msal-python-pfx",
    label: "MSAL Python — server.pfx (1.29 and later)",
    form: "PS256-x5t#S256",
    recipeId: "msal-python-pfx",
    // msal/application.py (1.31.0) _build_client: a PFX yields sha256_thumbprint → algorithm="PS256" unless the authority is AD FS (PR #722).
    note: "With private_key_pfx_path MSAL Python reads the certificate itself and signs PS256 with x5t#S256 (SHA-256), except against AD FS.",
  },
  {
    id: "msal-python-public-certificate",
    label: "MSAL Python — public_certificate, no thumbprint (1.34 and later)",
    form: "PS256-x5t#S256",
    recipeId: "msal-python-public-certificate",
    // PR #835 (AzureAD/microsoft-authentication-library-for-python, "Thumbprint for certificate made optional",
    // docstring "Added in version 1.34.0"): without "thumbprint" MSAL computes the SHA-256 thumbprint from
    // public_certificate and signs PS256 + x5t#S256; the string public_certificate also goes out as x5c.
    // Up to 1.33 (msal/application.py 1.31.0 read) a PEM key without thumbprint raises
    // "You shall provide a thumbprint in SHA1."
    note: "MSAL Python 1.34 and later compute the thumbprint from public_certificate and sign PS256 with x5t#S256, sending the certificate as x5c too. Older versions refuse a PEM key without a thumbprint.",
  },
  {
    id: "msal-node-sha256",
    label: "MSAL Node — thumbprintSha256",
    form: "PS256-x5t#S256",
    recipeId: "msal-node",
    note: "thumbprintSha256 makes MSAL Node sign PS256 with x5t#S256.",
  },
  {
    id: "msal-node-sha1",
    label: "MSAL Node — thumbprint (SHA-1, deprecated)",
    form: "RS256-x5t",
    recipeId: "msal-node",
    note: "The deprecated thumbprint setting makes MSAL Node sign RS256 with x5t (SHA-1).",
  },
  {
    id: "msal-dotnet",
    label: "MSAL.NET — server.pfx",
    form: "PS256-x5t#S256",
    recipeId: "msal-dotnet",
    note: "MSAL.NET 4.61 and later sign PS256 with x5t#S256.",
  },
  {
    id: "azure-identity-python",
    label: "Azure Identity for Python — CertificateCredential",
    form: "RS256-x5t",
    recipeId: "azure-identity-python",
    note: "CertificateCredential hands MSAL Python the key and the SHA-1 thumbprint: RS256 with x5t.",
  },
  {
    id: "azure-identity-js",
    label: "Azure Identity for JavaScript — ClientCertificateCredential",
    form: "PS256-x5t#S256",
    recipeId: "azure-identity-js",
    note: "Recent versions hand MSAL Node the SHA-256 thumbprint: PS256 with x5t#S256.",
  },
  {
    id: "az-cli",
    label: "Azure CLI — az login as the app",
    form: "RS256-x5t",
    recipeId: "az-login",
    note: "The Azure CLI signs in through MSAL Python with the key and SHA-1 thumbprint: RS256 with x5t.",
  },
  {
    id: "curl",
    label: "curl — the raw token request",
    recipeId: "curl",
    note: "Sends the assertion this page signs, in the form chosen in Check and troubleshoot.",
  },
  ...KEY_VAULT_LIBRARIES,
];

export function libraryById(id: string): Library {
  return LIBRARIES.find((library) => library.id === id) ?? (LIBRARIES[0] as Library);
}
