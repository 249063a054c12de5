/**
 * A local stand-in for the Microsoft Entra token endpoint (client credentials grant with a
 * certificate client assertion), over HTTPS on 127.0.0.1. It validates the assertion the way
 * Entra does and answers in Entra's success and error shapes, so tests of the proxy and the page
 * can trust what it says. It never talks to Microsoft.
 *
 * Where each AADSTS code comes from (see ENTRA_CODES below):
 *  - FACT: docs/entra.md ("AADSTS codes") — 9002326 (Origin present), 90002 (tenant), 700016 (client),
 *    7000218 (no credential), 70011 (invalid scope), 700027 (key not found / signature, SHA-256 in
 *    x5t), 700024 (time range), 50048 (sub ≠ iss), 50032 (key < 2048), 500011 (resource),
 *    5002730 (unsupported key/algorithm).
 *  - OBSERVED in public issue threads: 50012 "Client assertion audience claim does not match Realm
 *    issuer" (AzureAD/azure-activedirectory-library-for-python#79), 50027 "JWT token is invalid or
 *    malformed" (panva/openid-client#348), 5002741 more than one aud value (zitadel/oidc#887),
 *    90011 "Unexpected client assertion type" (AzureAD/azure-activedirectory-library-for-ruby#53).
 *  - OBSERVED: 900144 "The request body must contain the following parameter: 'resource'" when a
 *    v1 (/oauth2/token) request has no `resource` (MicrosoftDocs/azure-docs#46696); the v1
 *    client-credentials certificate request requires `resource` = the App ID URI (Azure AD v1.0 doc
 *    "Service to service calls using client credentials", v1-oauth2-client-creds-grant-flow.md).
 *  - BEST GUESS (unverified): 1002012 for a client-credentials scope without /.default (70011 is
 *    the fact-backed generic code; we send both), 70003 unsupported_grant_type, 900144 for other
 *    missing parameters, 900561 GET on the token endpoint, 700021 iss ≠ client_id, jti replay as
 *    50012 (Entra's replay code is not documented), a 24 h assertion lifetime cap (mock-only rule),
 *    the v1 endpoint ignoring `scope` (it requires `resource`), and 901002 "The 'resource' request
 *    parameter is not supported" for `resource` on the v2.0 token endpoint (observed on the v2.0
 *    authorize endpoint: AzureADQuickStarts/AppModelv2-WebApp-OpenIDConnect-nodejs#35).
 *  - Client secrets (client_secret_post in the body, or client_secret_basic: HTTP Basic with the
 *    form-urlencoded client ID and secret, RFC 6749 §2.3.1): 7000215 wrong secret, with Entra's
 *    "value, not the client secret ID" sentence (observed: hoppscotch/hoppscotch#3868); 7000222
 *    expired (Azure SDK "Troubleshoot ClientSecretCredential"). BEST GUESS: 90014 for a request
 *    carrying both a secret and an assertion.
 *  - Federated credentials (workload identity federation): an external token whose iss is not the
 *    client ID is matched against the registered credentials — iss (700211), sub exact and
 *    case-sensitive (7002138 when only the case differs, else 700213), aud (700212), nbf/exp with
 *    the 5-minute skew (700024), then its signature with the issuer's JWKS (unknown kid 7000272,
 *    a bad signature 700027). 70021 is the older combined code Entra also sends (observed:
 *    Azure/azure-workload-identity troubleshooting.md); the specific codes are the issue's.
 */
import { createHash, generateKeyPairSync, randomUUID, verify, constants, X509Certificate, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, compactVerify, createLocalJWKSet, errors as joseErrors, exportJWK, type JSONWebKeySet, type JWK } from "jose";

export interface MockTokenServiceOptions {
  /** The tenant ID (GUID) in the token endpoint path. */
  tenant: string;
  /** Domains that name the same tenant, e.g. contoso.onmicrosoft.com. */
  tenantDomains?: string[];
  /** The application (client) ID the certificates are registered on. */
  clientId: string;
  /** Certificates uploaded to the app registration, as PEM. */
  registeredCertificatesPem: string[];
  tls: { key: string; cert: string };
  /** App roles granted to the app; copied to the access token's `roles`. */
  roles?: string[];
  /** Resource App ID URIs that exist in the tenant; default Microsoft Graph. */
  knownResources?: string[];
  /** Allowed clock skew in seconds; Entra allows 5 minutes. */
  clockSkewSeconds?: number;
  /** Seconds since the epoch; override to test the time window. */
  now?: () => number;
  /** Port on 127.0.0.1; default 0 (a free one). A fixed port lets a config name the origin up front. */
  port?: number;
  /** Client secrets on the app registration; `expiresAt` in seconds since the epoch (expired → 7000222). */
  clientSecrets?: { value: string; expiresAt?: number }[];
  /** Federated identity credentials on the app, each with its issuer's public keys (what Entra fetches from jwks_uri). */
  federatedCredentials?: MockFederatedCredential[];
}

export interface MockFederatedCredential {
  issuer: string;
  subject: string;
  audiences: string[];
  jwks: JSONWebKeySet;
}

/** What the mock saw of one request: header NAMES only, never values. */
export interface SeenTokenRequest {
  method: string;
  path: string;
  headerNames: string[];
  hadOrigin: boolean;
  /** The AADSTS code answered, or undefined for a success. */
  aadstsCode?: number;
}

export interface MockTokenService {
  /** e.g. https://127.0.0.1:43117 */
  origin: string;
  /** The token endpoint URL for this tenant (v2 by default), exactly what `aud` must be. */
  tokenEndpoint(version?: "v2" | "v1"): string;
  requests: SeenTokenRequest[];
  /** The public key that verifies issued access tokens. */
  accessTokenPublicJwk: JWK;
  /** The service principal's object ID (`oid`/`sub` of issued tokens). */
  servicePrincipalObjectId: string;
  close(): Promise<void>;
}

type OAuthError = "invalid_request" | "invalid_client" | "invalid_scope" | "unauthorized_client" | "unsupported_grant_type" | "invalid_resource";

/** A refusal in Entra's terms. */
class EntraRefusal extends Error {
  constructor(readonly error: OAuthError, readonly codes: number[], message: string) {
    super(message);
  }
}

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const MAX_ASSERTION_LIFETIME_SECONDS = 24 * 60 * 60;
const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

interface RegisteredCertificate {
  sha1: Buffer;
  sha256: Buffer;
  publicKey: KeyObject;
  modulusBits: number;
  notBefore: number;
  notAfter: number;
}

function registerCertificate(pem: string): RegisteredCertificate {
  const certificate = new X509Certificate(pem);
  return {
    sha1: createHash("sha1").update(certificate.raw).digest(),
    sha256: createHash("sha256").update(certificate.raw).digest(),
    publicKey: certificate.publicKey,
    modulusBits: certificate.publicKey.asymmetricKeyDetails?.modulusLength ?? 0,
    notBefore: Date.parse(certificate.validFrom) / 1000,
    notAfter: Date.parse(certificate.validTo) / 1000,
  };
}

/** "2026-11-25 09:01:50Z", the format of Entra's `timestamp`. */
function entraTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

function errorBody(refusal: EntraRefusal, now: Date): Record<string, unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = entraTimestamp(now);
  const [primary] = refusal.codes;
  return {
    error: refusal.error,
    error_description: `AADSTS${String(primary)}: ${refusal.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: refusal.codes,
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${String(primary)}`,
  };
}

function decodeJsonPart(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function hex(bytes: Buffer): string {
  return bytes.toString("hex").toUpperCase();
}

interface ValidationContext {
  options: MockTokenServiceOptions;
  certificates: RegisteredCertificate[];
  usedJtis: Map<string, number>;
  endpointUrl: string;
  now: number;
}

/** Verifies the client assertion (docs/entra.md, "The client assertion"). Throws EntraRefusal. */
function validateClientAssertion(assertion: string, context: ValidationContext): void {
  const { options, now } = context;
  const skew = options.clockSkewSeconds ?? 300;
  const malformed = () => new EntraRefusal("invalid_client", [50027], "JWT token is invalid or malformed.");
  const parts = assertion.split(".");
  if (parts.length !== 3) throw malformed();
  const [headerPart, payloadPart, signaturePart = ""] = parts;
  const header = decodeJsonPart(headerPart);
  const claims = decodeJsonPart(payloadPart);
  if (!header || !claims || !/^[A-Za-z0-9_-]+$/.test(signaturePart)) throw malformed();

  // Header: RS256 pairs with x5t (SHA-1), PS256 with x5t#S256 (SHA-256) — not interchangeable.
  const alg = header.alg;
  if (alg !== "RS256" && alg !== "PS256") {
    throw new EntraRefusal("invalid_client", [5002730], `Invalid JWT token. The signing algorithm '${String(alg)}' is not supported for this key; use RS256 with x5t or PS256 with x5t#S256.`);
  }
  const thumbprintHeader = alg === "RS256" ? header.x5t : header["x5t#S256"];
  const thumbprint = typeof thumbprintHeader === "string" && /^[A-Za-z0-9_-]+$/.test(thumbprintHeader) ? Buffer.from(thumbprintHeader, "base64url") : Buffer.alloc(0);
  const certificate = context.certificates.find((candidate) => (alg === "RS256" ? candidate.sha1 : candidate.sha256).equals(thumbprint));
  const keyFailure = (reason: string) =>
    new EntraRefusal("invalid_client", [700027], `Client assertion failed signature validation. [Reason - ${reason}, Thumbprint of key used by client: '${hex(thumbprint)}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${options.clientId}'.]`);
  if (!certificate) throw keyFailure("The key was not found.");
  if (certificate.notAfter < now || certificate.notBefore > now + skew) throw keyFailure("The key used is expired.");
  if (certificate.modulusBits < 2048) {
    throw new EntraRefusal("invalid_client", [50032], `User account's RSA key size ${String(certificate.modulusBits)} is less than the minimum required 2048 bits.`);
  }
  const signingInput = Buffer.from(`${headerPart}.${payloadPart}`, "ascii");
  const signature = Buffer.from(signaturePart, "base64url");
  // PS256: RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32 (RFC 7518 §3.5).
  const verifyKey = alg === "PS256" ? { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : certificate.publicKey;
  if (!verify("sha256", signingInput, verifyKey, signature)) throw keyFailure("Key was found, but use of the key to verify the signature failed.");

  // Claims: aud = this exact token endpoint, iss = sub = client ID, time window, fresh jti.
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length > 1) {
    throw new EntraRefusal("invalid_client", [5002741], `Number of audience values in the provided client credential exceed maximum allowed. ${String(audiences.length)} audience values provided, maximum allowed is 1.`);
  }
  if (audiences[0] !== context.endpointUrl) {
    throw new EntraRefusal("invalid_client", [70002, 50012], `Error validating credentials. AADSTS50012: Client assertion audience claim does not match Realm issuer. Expected '${context.endpointUrl}'.`);
  }
  if (claims.iss !== claims.sub) throw new EntraRefusal("invalid_client", [50048], "Subject does not match Issuer claim in the client assertion.");
  if (claims.iss !== options.clientId) throw new EntraRefusal("invalid_client", [700021], "Client assertion application identifier doesn't match 'client_id' parameter.");
  const exp = claims.exp;
  const notBefore = typeof claims.nbf === "number" ? claims.nbf : typeof claims.iat === "number" ? claims.iat : now;
  if (typeof exp !== "number") throw malformed();
  if (now > exp + skew || notBefore > now + skew || exp - notBefore > MAX_ASSERTION_LIFETIME_SECONDS) {
    throw new EntraRefusal("invalid_client", [700024], `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, assertion valid from ${new Date(notBefore * 1000).toISOString()}, expiry time of assertion ${new Date(exp * 1000).toISOString()}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`);
  }
  if (typeof claims.jti === "string") {
    for (const [jti, expiry] of context.usedJtis) if (expiry + skew < now) context.usedJtis.delete(jti);
    if (context.usedJtis.has(claims.jti)) throw new EntraRefusal("invalid_client", [50012], "The client assertion has already been used (jti replay); sign a fresh assertion for every request.");
    context.usedJtis.set(claims.jti, exp);
  }
}

/** Client authentication by HTTP Basic (RFC 6749 §2.3.1): both parts form-urlencoded before base64. */
function readBasicCredentials(header: string | undefined): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, " "));
  return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

/** Checks a client secret against the registered ones. Throws EntraRefusal. */
function validateClientSecret(secret: string, options: MockTokenServiceOptions, now: number): void {
  const registered = (options.clientSecrets ?? []).find((candidate) => candidate.value === secret);
  if (!registered) {
    throw new EntraRefusal("invalid_client", [7000215], `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${options.clientId}'.`);
  }
  if (registered.expiresAt !== undefined && registered.expiresAt < now) {
    throw new EntraRefusal("invalid_client", [7000222], `The provided client secret keys for app '${options.clientId}' are expired. Visit the Azure portal to create new keys for your app.`);
  }
}

/** Checks an external token against the federated credentials, in the order Entra reports. Throws EntraRefusal. */
async function validateFederatedToken(token: string, claims: Record<string, unknown>, options: MockTokenServiceOptions, now: number): Promise<void> {
  const skew = options.clockSkewSeconds ?? 300;
  const { iss, sub, aud } = claims;
  const described = `Assertion Issuer: '${String(iss)}'. Assertion Subject: '${String(sub)}'. Assertion Audience: '${String(aud)}'.`;
  const byIssuer = (options.federatedCredentials ?? []).filter((credential) => credential.issuer === iss);
  if (byIssuer.length === 0) throw new EntraRefusal("invalid_client", [700211], `No matching federated identity record found for presented assertion issuer '${String(iss)}'. ${described}`);
  const bySubject = byIssuer.filter((credential) => credential.subject === sub);
  if (bySubject.length === 0) {
    const caseOnly = typeof sub === "string" && byIssuer.some((credential) => credential.subject.toLowerCase() === sub.toLowerCase());
    if (caseOnly) throw new EntraRefusal("invalid_client", [7002138], `The subject of the presented assertion differs only in case from a federated identity credential's subject; subjects are case-sensitive. ${described}`);
    throw new EntraRefusal("invalid_client", [700213], `No matching federated identity record found for presented assertion subject '${String(sub)}'. ${described}`);
  }
  const audiences = Array.isArray(aud) ? aud : [aud];
  const credential = bySubject.find((candidate) => candidate.audiences.some((audience) => audiences.includes(audience)));
  if (!credential) throw new EntraRefusal("invalid_client", [700212], `No matching federated identity record found for presented assertion audience '${String(aud)}'. ${described}`);
  const exp = claims.exp;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : now;
  if (typeof exp !== "number" || now > exp + skew || nbf > now + skew) {
    throw new EntraRefusal("invalid_client", [700024], `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, expiry time of assertion ${typeof exp === "number" ? new Date(exp * 1000).toISOString() : "none"}.`);
  }
  try {
    await compactVerify(token, createLocalJWKSet(credential.jwks));
  } catch (error) {
    if (error instanceof joseErrors.JWKSNoMatchingKey) throw new EntraRefusal("invalid_client", [7000272], `The key used to sign the presented assertion was not found at the issuer '${String(iss)}'.`);
    throw new EntraRefusal("invalid_client", [700027], "Client assertion failed signature validation.");
  }
}

/** Which tenant and endpoint version a path names, or undefined for a path that is no token endpoint. */
function parseTokenPath(path: string): { tenant: string; version: "v1" | "v2" } | undefined {
  const match = /^\/([^/]+)\/oauth2\/(v2\.0\/)?token$/.exec(path);
  if (!match?.[1]) return undefined;
  return { tenant: decodeURIComponent(match[1]), version: match[2] ? "v2" : "v1" };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * Starts the mock on 127.0.0.1, on a free port.
 * @example const mock = await startMockTokenService({ tenant, clientId, registeredCertificatesPem: [cert], tls: createLoopbackTls() });
 */
export async function startMockTokenService(options: MockTokenServiceOptions): Promise<MockTokenService> {
  const certificates = options.registeredCertificatesPem.map(registerCertificate);
  const usedJtis = new Map<string, number>();
  const requests: SeenTokenRequest[] = [];
  const clock = options.now ?? (() => Math.floor(Date.now() / 1000));
  const signingKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const accessTokenPublicJwk = await exportJWK(signingKeys.publicKey);
  const keyId = createHash("sha256").update(JSON.stringify(accessTokenPublicJwk)).digest("base64url").slice(0, 27);
  const servicePrincipalObjectId = randomUUID();
  const tenants = new Set([options.tenant.toLowerCase(), ...(options.tenantDomains ?? []).map((domain) => domain.toLowerCase())]);
  const knownResources = options.knownResources ?? ["https://graph.microsoft.com"];
  let origin = "";

  async function issueAccessToken(resource: string, now: number): Promise<string> {
    const stsIssuer = `https://sts.windows.net/${options.tenant}/`;
    return new SignJWT({
      aud: resource, iss: stsIssuer, idp: stsIssuer, tid: options.tenant,
      appid: options.clientId, azp: options.clientId, appidacr: "2", azpacr: "2",
      oid: servicePrincipalObjectId, sub: servicePrincipalObjectId, roles: options.roles ?? [],
      idtyp: "app", ver: "1.0", uti: randomUUID().replaceAll("-", ""),
    })
      .setProtectedHeader({ typ: "JWT", alg: "RS256", kid: keyId })
      .setIssuedAt(now).setNotBefore(now).setExpirationTime(now + ACCESS_TOKEN_LIFETIME_SECONDS)
      .sign(signingKeys.privateKey);
  }

  async function answer(request: IncomingMessage, path: string, seen: SeenTokenRequest): Promise<Record<string, unknown>> {
    const now = clock();
    const route = parseTokenPath(path);
    if (!route) throw new EntraRefusal("invalid_request", [900561], "The endpoint only accepts POST requests to /{tenant}/oauth2/v2.0/token.");
    if (request.method !== "POST") throw new EntraRefusal("invalid_request", [900561], "The endpoint only accepts POST, OPTIONS requests. Received a GET request.");
    if (seen.hadOrigin) throw new EntraRefusal("invalid_request", [9002326], "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.");
    if (!tenants.has(route.tenant.toLowerCase())) {
      throw new EntraRefusal("invalid_request", [90002], `Tenant '${route.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    const isForm = request.headers["content-type"]?.split(";")[0]?.trim() === "application/x-www-form-urlencoded";
    const form = new URLSearchParams(isForm ? await readBody(request) : "");
    const missing = (name: string) => new EntraRefusal("invalid_request", [900144], `The request body must contain the following parameter: '${name}'.`);
    const grantType = form.get("grant_type");
    if (!grantType) throw missing("grant_type");
    if (grantType !== "client_credentials") throw new EntraRefusal("unsupported_grant_type", [70003], `The app requested an unsupported grant type '${grantType}'.`);
    const basic = readBasicCredentials(request.headers.authorization);
    if (basic && form.has("client_id") && form.get("client_id") !== basic.clientId) {
      throw new EntraRefusal("invalid_request", [90014], "The client_id in the body does not match the one in the Authorization header.");
    }
    const clientId = form.get("client_id") ?? basic?.clientId;
    if (!clientId) throw missing("client_id");
    if (clientId !== options.clientId) {
      throw new EntraRefusal("unauthorized_client", [700016], `Application with identifier '${clientId}' was not found in the directory '${route.tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
    }
    // v2.0 takes scope = {resource}/.default; v1 takes resource = the App ID URI (and ignores scope).
    let resource: string;
    if (route.version === "v2") {
      if (form.has("resource")) throw new EntraRefusal("invalid_request", [901002], "The 'resource' request parameter is not supported.");
      const scope = form.get("scope");
      if (!scope) throw missing("scope");
      if (!scope.endsWith("/.default") || scope.includes(" ")) {
        throw new EntraRefusal("invalid_scope", [1002012, 70011], `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
      }
      resource = scope.slice(0, -"/.default".length);
    } else {
      const requested = form.get("resource");
      if (!requested) throw missing("resource");
      // Entra's v1 endpoint accepts the App ID URI with or without a trailing slash.
      resource = knownResources.find((known) => known === requested || `${known}/` === requested) ?? requested;
    }
    if (!knownResources.includes(resource)) {
      throw new EntraRefusal("invalid_resource", [500011], `The resource principal named ${resource} was not found in the tenant named ${route.tenant}.`);
    }
    const assertion = form.get("client_assertion");
    const secret = form.get("client_secret") ?? basic?.secret;
    if (!assertion && !secret) throw new EntraRefusal("invalid_client", [7000218], "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (assertion && secret) throw new EntraRefusal("invalid_request", [90014], "The request must carry exactly one client credential: 'client_assertion' or 'client_secret'.");
    if (secret !== undefined && secret !== null) {
      validateClientSecret(secret, options, now);
    } else if (assertion) {
      const assertionType = form.get("client_assertion_type");
      if (!assertionType) throw missing("client_assertion_type");
      if (assertionType !== JWT_BEARER) throw new EntraRefusal("invalid_request", [90011], "Unexpected client assertion type.");
      // An assertion the app did not sign itself (iss is not its client ID) is a federated token.
      const claims = decodeJsonPart(assertion.split(".")[1]);
      if (claims && claims.iss !== options.clientId && (options.federatedCredentials ?? []).length > 0) {
        await validateFederatedToken(assertion, claims, options, now);
      } else {
        validateClientAssertion(assertion, { options, certificates, usedJtis, endpointUrl: `${origin}${path}`, now });
      }
    }
    return {
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      access_token: await issueAccessToken(resource, now),
    };
  }

  function send(response: ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store, no-cache", Pragma: "no-cache" });
    response.end(payload);
  }

  const server: Server = createServer({ key: options.tls.key, cert: options.tls.cert }, (request, response) => {
    const path = new URL(request.url ?? "/", "https://127.0.0.1").pathname;
    const seen: SeenTokenRequest = { method: request.method ?? "", path, headerNames: Object.keys(request.headers), hadOrigin: request.headers.origin !== undefined };
    requests.push(seen);
    answer(request, path, seen)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        if (!(error instanceof EntraRefusal)) {
          send(response, 500, { error: "server_error", error_description: "Mock token service failure." });
          return;
        }
        seen.aadstsCode = error.codes[0];
        // Entra answers 401 for client authentication failures (RFC 6749 §5.2), 400 otherwise.
        send(response, error.error === "invalid_client" ? 401 : 400, errorBody(error, new Date(clock() * 1000)));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  return {
    origin,
    tokenEndpoint: (version = "v2") => `${origin}/${options.tenant}/oauth2/${version === "v2" ? "v2.0/" : ""}token`,
    requests,
    accessTokenPublicJwk,
    servicePrincipalObjectId,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
