/**
 * What may name a tenant in a client-credentials token request: the one rule the page (before
 * signing) and the proxy (before forwarding) both apply.
 *
 * Microsoft identity platform, "OAuth 2.0 client credentials flow": the `{tenant}` in the token
 * endpoint "must be the tenant ID or domain name" — a GUID such as
 * 72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as contoso.onmicrosoft.com. The
 * aliases common/organizations/consumers name many tenants; the grant has no user to pick one.
 */

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Dot-separated DNS labels (RFC 1035 §2.3.1: letters, digits, inner hyphens, ≤ 63 each, ≤ 253 in all) ending in an alphabetic TLD. */
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Aliases that name many tenants (Microsoft identity platform, "Application configuration options": audience). */
export const MULTI_TENANT_ALIASES: readonly string[] = ["common", "organizations", "consumers"];

/** True for a GUID in its 8-4-4-4-12 hex form, the form Entra uses for tenant and application IDs. */
export function isGuid(text: string): boolean {
  return GUID_PATTERN.test(text);
}

/** True for a domain name as Entra verifies them (contoso.onmicrosoft.com, sub.contoso.com). */
export function isDomainName(text: string): boolean {
  return DOMAIN_PATTERN.test(text);
}

/** Why a text cannot name the tenant: empty, an alias for many tenants, or neither a GUID nor a domain. */
export type TenantProblem = "empty" | "multi_tenant_alias" | "not_guid_or_domain";

/** What is wrong with `tenant` (taken as written: trim first if it was typed), or undefined when it names a tenant. */
export function tenantProblem(tenant: string): TenantProblem | undefined {
  if (tenant === "") return "empty";
  if (MULTI_TENANT_ALIASES.includes(tenant.toLowerCase())) return "multi_tenant_alias";
  if (isGuid(tenant) || isDomainName(tenant)) return undefined;
  return "not_guid_or_domain";
}

/** True when `tenant` names one tenant: a GUID or a domain name, not an alias. */
export function isValidTenant(tenant: string): boolean {
  return tenantProblem(tenant) === undefined;
}
