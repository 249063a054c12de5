/**
 * Step 3's "key in Key Vault" choices: the app builds the assertion and Key Vault signs it
 * (key-vault-signing.ts). They send the form chosen on the page, so no form is set by choosing one.
 */
export type KeyVaultLibraryId = "key-vault-azure-identity-python" | "key-vault-msal-python" | "key-vault-msal-dotnet" | "key-vault-azure-identity-js";

const NOTE = "The key stays in Key Vault: the code builds the header and claims the page shows and has the vault sign them, in the form chosen under Check and troubleshoot.";

export const KEY_VAULT_LIBRARIES: readonly { id: KeyVaultLibraryId; label: string; recipeId: string; note: string; keyIn: "key-vault" }[] = [
  { id: "key-vault-azure-identity-python", label: "Azure Identity for Python — ClientAssertionCredential", recipeId: "key-vault-azure-identity-python", note: NOTE, keyIn: "key-vault" },
  { id: "key-vault-msal-python", label: "MSAL Python — client_assertion callable", recipeId: "key-vault-msal-python", note: NOTE, keyIn: "key-vault" },
  { id: "key-vault-msal-dotnet", label: "MSAL.NET — WithClientAssertion", recipeId: "key-vault-msal-dotnet", note: NOTE, keyIn: "key-vault" },
  { id: "key-vault-azure-identity-js", label: "Azure Identity for JavaScript — ClientAssertionCredential", recipeId: "key-vault-azure-identity-js", note: NOTE, keyIn: "key-vault" },
];
