/**
 * The page's certificate lifetime against a pasted app management policy's `asymmetricKeyLifetime`
 * restriction (appManagementPolicy / tenantAppManagementPolicy,
 * https://learn.microsoft.com/graph/api/resources/tenantappmanagementpolicy). Uploading a certificate
 * whose endDateTime − startDateTime is longer than maxLifetime fails with
 * CredentialInvalidLifetimeAsPerAppPolicy ("Credential lifetime exceeds the max value allowed as per
 * assigned policy").
 */
import { addIsoDuration, parseIsoDuration } from "./iso-duration";
import type { RegisteredPolicy } from "./registered-credential";

const DAY_MS = 86_400_000;

export interface CertificateLifetimeLimit {
  /** The policy's maxLifetime as written, e.g. "P90D". */
  maxLifetime: string;
  /** The longest lifetime it allows from `start`, in whole days. */
  days: number;
  policyName: string;
  /** Only apps created after this are held to it (the restriction's restrictForAppsCreatedAfterDateTime). */
  appliesToAppsCreatedAfter?: string;
}

export interface PolicyVerdict {
  verdict: "within" | "exceeds";
  limit: CertificateLifetimeLimit;
  lifetimeDays: number;
  message: string;
}

/**
 * The strictest certificate lifetime limit among the policies, counted from `start`; undefined when
 * none applies (no restriction, a disabled policy or restriction, or a maxLifetime that is not a duration).
 */
export function certificateLifetimeLimit(policies: readonly RegisteredPolicy[], start: Date): CertificateLifetimeLimit | undefined {
  let strictest: CertificateLifetimeLimit | undefined;
  for (const policy of policies) {
    if (policy.isEnabled === false) continue;
    for (const restriction of policy.keyCredentials) {
      if (restriction.restrictionType !== "asymmetricKeyLifetime" || restriction.state === "disabled" || restriction.maxLifetime === undefined) continue;
      const duration = parseIsoDuration(restriction.maxLifetime);
      if (!duration) continue;
      const days = Math.floor((addIsoDuration(start, duration).getTime() - start.getTime()) / DAY_MS);
      if (strictest && strictest.days <= days) continue;
      strictest = { maxLifetime: restriction.maxLifetime, days, policyName: policy.displayName };
      if (restriction.restrictForAppsCreatedAfterDateTime) strictest.appliesToAppsCreatedAfter = restriction.restrictForAppsCreatedAfterDateTime;
    }
  }
  return strictest;
}

/** `lifetime` is the page's certificate's notBefore/notAfter (ISO 8601). */
export function judgePolicy(policies: readonly RegisteredPolicy[], lifetime: { notBefore: string; notAfter: string }): PolicyVerdict | undefined {
  const start = new Date(lifetime.notBefore);
  const limit = certificateLifetimeLimit(policies, start);
  if (!limit) return undefined;
  const lifetimeMs = Date.parse(lifetime.notAfter) - start.getTime();
  const lifetimeDays = Math.round(lifetimeMs / DAY_MS);
  const overBy = lifetimeMs - limit.days * DAY_MS;
  const scope = limit.appliesToAppsCreatedAfter ? ` (for apps created after ${limit.appliesToAppsCreatedAfter.slice(0, 10)})` : "";
  if (lifetimeMs <= limit.days * DAY_MS) {
    return { verdict: "within", limit, lifetimeDays, message: `The page's certificate lasts ${String(lifetimeDays)} days, within "${limit.policyName}"'s limit of ${String(limit.days)} days (maxLifetime ${limit.maxLifetime})${scope}.` };
  }
  return {
    verdict: "exceeds",
    limit,
    lifetimeDays,
    message: `The page's certificate lasts ${String(lifetimeDays)} days, longer than "${limit.policyName}" allows: ${String(limit.days)} days (maxLifetime ${limit.maxLifetime})${scope}. Uploading it fails with CredentialInvalidLifetimeAsPerAppPolicy ("Credential lifetime exceeds the max value allowed as per assigned policy"): generate one with a validity of ${String(limit.days - 1)} days or fewer${overBy < DAY_MS ? ` (it is over by ${String(Math.ceil(overBy / 60_000))} minutes: the page starts a certificate 5 minutes early for slow clocks, so a validity of exactly ${String(limit.days)} days is just too long)` : ""}.`,
  };
}
