import { checkClientSecret } from "@/core/client-secret/check-client-secret";
import { explainTokenError } from "@/core/token-request/aadsts";
import type { WorkbenchState } from "./create-workbench-store";

/** Entra's answer to a secret it does not hold: "Invalid client secret provided" (invalid_client). */
const INVALID_CLIENT_SECRET = 7000215;

/**
 * When Entra refused the client secret (AADSTS7000215) and the page had flagged the value before it was sent
 * (a GUID, white space at its ends, too long, hidden characters), what the page had said: the flag was the
 * reason. Undefined otherwise. Imported only by the token panel, which loads with the optional panels: the full
 * secret check stays out of the first screen's JavaScript.
 */
export function selectFlaggedSecret(state: Pick<WorkbenchState, "authMethod" | "clientSecret" | "tokenRequest">): string | undefined {
  const response = state.tokenRequest.response;
  if (state.authMethod !== "secret" || state.clientSecret === "" || !response || response.status < 400) return undefined;
  if (explainTokenError(response.body)?.code !== INVALID_CLIENT_SECRET) return undefined;
  const flagged = checkClientSecret(state.clientSecret).filter((problem) => problem.aadsts === INVALID_CLIENT_SECRET);
  return flagged.length > 0 ? flagged.map((problem) => problem.message).join(" ") : undefined;
}
