// Test fixture: the recipe inputs for a credential, with the page's other values written out by
// hand. The credential comes from generateCredential, not from the recipe code the tests judge.
import { randomUUID } from "node:crypto";
import type { Credential } from "../src/core/credential/credential";
import type { RecipeInputs } from "../src/core/recipes/recipe";

/** Recipe inputs for Contoso's tenant on the public cloud's v2.0 endpoint, RS256 + x5t, no x5c; `overrides` replaces any of them. */
export function recipeInputsFor(credential: Pick<Credential, "certificateDetails" | "certificateDer">, overrides: Partial<RecipeInputs> = {}): RecipeInputs {
  return {
    certificate: credential.certificateDetails,
    certificateDer: credential.certificateDer,
    tenant: "contoso.onmicrosoft.com",
    clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    authorityOrigin: "https://login.microsoftonline.com",
    tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
    scope: "https://graph.microsoft.com/.default",
    keyId: randomUUID(),
    cloud: "public",
    includeX5c: false,
    form: "RS256-x5t",
    ...overrides,
  };
}
