/**
 * What an app registration holds, as read from what az, Microsoft Graph or the admin center's
 * manifest print: plain data only (it crosses from the worker by structured clone).
 * Graph resources: keyCredential https://learn.microsoft.com/graph/api/resources/keycredential,
 * passwordCredential https://learn.microsoft.com/graph/api/resources/passwordcredential,
 * federatedIdentityCredential https://learn.microsoft.com/graph/api/resources/federatedidentitycredential,
 * appManagementPolicy https://learn.microsoft.com/graph/api/resources/appmanagementpolicy.
 */
import type { CustomKeyIdentifier } from "./read-custom-key-identifier";

/** The part of the paste a row came from, for messages: "document 2, keyCredentials[0]". */
export type SourcePath = string;

interface RegisteredRowBase {
  /** keyId (certificates, secrets) or id (federated credentials); "" when the paste has none. */
  keyId: string;
  displayName?: string;
  source: SourcePath;
}

export interface RegisteredCertificate extends RegisteredRowBase {
  kind: "certificate";
  /** ISO 8601 instants as printed (Graph's startDateTime/endDateTime, the old manifest's startDate/endDate). */
  startDateTime?: string;
  endDateTime?: string;
  type?: string;
  usage?: string;
  /** SHA-1 of the certificate, 40 uppercase hex digits: from `key` when present, else from a thumbprint-shaped customKeyIdentifier. */
  thumbprint?: string;
  thumbprintFrom?: "key" | "customKeyIdentifier";
  customKeyIdentifier?: CustomKeyIdentifier;
  /** Set when `key` is present and customKeyIdentifier names another thumbprint. */
  identifierMismatch?: string;
  /** The certificate itself (DER), when the paste has `key`. */
  certificateDer?: Uint8Array;
}

export interface RegisteredSecret extends RegisteredRowBase {
  kind: "secret";
  startDateTime?: string;
  endDateTime?: string;
  /** The secret value's first three characters, as Graph keeps them. */
  hint?: string;
  customKeyIdentifier?: CustomKeyIdentifier;
}

/** A flexible credential's expression (beta `claimsMatchingExpression`). */
export interface ClaimsMatchingExpression {
  value: string;
  languageVersion?: number;
}

export interface RegisteredFederated extends RegisteredRowBase {
  kind: "federated";
  /** The credential's `name` (shown as its display name). */
  name: string;
  issuer: string;
  /** null for a flexible credential (beta), which has claimsMatchingExpression instead. */
  subject: string | null;
  audiences: string[];
  description?: string;
  claimsMatchingExpression?: ClaimsMatchingExpression;
}

export type RegisteredRow = RegisteredCertificate | RegisteredSecret | RegisteredFederated;

/** One restriction of an app management policy (keyCredentials or passwordCredentials). */
export interface PolicyRestriction {
  restrictionType: string;
  /** ISO 8601 duration, e.g. "P90D". */
  maxLifetime?: string;
  state?: string;
  restrictForAppsCreatedAfterDateTime?: string;
}

export interface RegisteredPolicy {
  /** The tenant default (`applicationRestrictions`) or an appManagementPolicy (`restrictions`). */
  scope: "tenant-default" | "app-policy";
  displayName: string;
  isEnabled?: boolean;
  keyCredentials: PolicyRestriction[];
  passwordCredentials: PolicyRestriction[];
  source: SourcePath;
}

/** The application object, when the paste has one (az ad app show, Graph GET /applications/{id}, the manifest). */
export interface RegisteredApplication {
  /** The object ID (`id`; the old manifest's `objectId` or `id`): what addKey's proof names as iss. */
  objectId?: string;
  appId?: string;
  displayName?: string;
}

export interface RegisteredRead {
  rows: RegisteredRow[];
  policies: RegisteredPolicy[];
  application?: RegisteredApplication;
  /** How many JSON documents were read. */
  documents: number;
  /** What was read but deserves a word: rows read twice, shapes half-recognised. */
  notes: string[];
}
