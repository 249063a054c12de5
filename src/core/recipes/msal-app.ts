/**
 * The MSAL confidential-client app for client credentials, in Python and Node: one home for the
 * client setup, filled with whichever credential the caller has (a certificate or a client secret).
 *
 * Sources: MSAL Python `ConfidentialClientApplication(client_id, authority=..., client_credential=...)`
 * and `acquire_token_for_client(scopes=[...])`; MSAL Node `new ConfidentialClientApplication({ auth })`
 * with `auth.clientCertificate` or `auth.clientSecret`, and `acquireTokenByClientCredential({ scopes })`.
 */
import { literal } from "./recipe";

/** What an MSAL app snippet needs besides its credential. Plain values: the snippet escapes them. */
export interface MsalAppValues {
  clientId: string;
  /** The authority URL: origin and tenant. */
  authority: string;
  /** The /.default scope the app asks for. */
  scope: string;
}

export interface MsalPythonApp extends MsalAppValues {
  /** Import lines before `import msal`. */
  imports?: readonly string[];
  /** The value of client_credential, line by line: the first line follows `client_credential=`, the rest are indented under it. Ends with a comma. */
  clientCredential: readonly string[];
  /** A custom authority host: MSAL Python then needs validate_authority=False. */
  customAuthority?: boolean;
}

export function msalPythonApp(app: MsalPythonApp): string {
  const [first = "", ...rest] = app.clientCredential;
  return [
    ...(app.imports ?? []),
    "import msal",
    "",
    "app = msal.ConfidentialClientApplication(",
    `    ${literal(app.clientId)},`,
    `    authority=${literal(app.authority)},`,
    `    client_credential=${first}`,
    ...rest.map((line) => `    ${line}`),
    ...(app.customAuthority ? ["    validate_authority=False,"] : []),
    ")",
    `result = app.acquire_token_for_client(scopes=[${literal(app.scope)}])`,
    `print(result.get("access_token") or result)`,
  ].join("\n");
}

export interface MsalNodeApp extends MsalAppValues {
  /** Import lines before MSAL Node's. */
  imports?: readonly string[];
  /** A custom authority host (host[:port]): MSAL Node then needs it in knownAuthorities. */
  knownAuthority?: string;
  /** The credential's properties of `auth`, e.g. `clientSecret: ...,`; nested lines carry their own extra indent. */
  credentialLines: readonly string[];
}

export function msalNodeApp(app: MsalNodeApp): string {
  return [
    ...(app.imports ?? []),
    'import { ConfidentialClientApplication } from "@azure/msal-node";',
    "",
    "const app = new ConfidentialClientApplication({",
    "  auth: {",
    `    clientId: ${literal(app.clientId)},`,
    `    authority: ${literal(app.authority)},`,
    ...(app.knownAuthority === undefined ? [] : [`    knownAuthorities: [${literal(app.knownAuthority)}],`]),
    ...app.credentialLines.map((line) => `    ${line}`),
    "  },",
    "});",
    `const result = await app.acquireTokenByClientCredential({ scopes: [${literal(app.scope)}] });`,
    "console.log(result?.accessToken);",
  ].join("\n");
}
