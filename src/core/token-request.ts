/**
 * Compatibility only: token-request.ts was split into src/core/token-request/ (form, default
 * scope, target field, Graph resources, curl, proxy messages) and src/core/app-settings.ts.
 * Kept so code written against the old path still builds while other branches merge; import from
 * the files themselves, and delete this file once nothing imports it.
 */
export { describeSettingsProblem, type SettingsProblems } from "./app-settings";
export { buildClientCredentialsForm } from "./token-request/client-credentials-form";
export { curlCommandFor } from "./token-request/curl-command";
export { defaultScopeOfResource, resourceFromScope } from "./token-request/default-scope";
export { GRAPH_RESOURCES, graphCloudOf, graphDefaultScopeFor, graphResourceFor, scopeCloudMismatch } from "./token-request/graph-resources";
export { customAuthorityRefusal, proxyErrorMessage, restartCommandForAuthority } from "./token-request/proxy-messages";
export { checkTargetField, validateResource, validateScope, type TargetFieldCheck } from "./token-request/target-field";
export type { ScopeFix } from "./token-request/default-scope";
export { formFields, JWT_BEARER_ASSERTION_TYPE, type ClientCredentialsForm, type ResourceClientCredentialsForm, type ScopeClientCredentialsForm } from "../entra/token-form";
