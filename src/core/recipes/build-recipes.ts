/** Every recipe, in the order the panel shows them, filled with the page's values. */
import { azureCliRecipes } from "./azure-cli";
import { azureIdentityRecipes } from "./azure-identity";
import { checkRecipes } from "./checks";
import { keyCredentialsRecipe } from "./key-credentials";
import { keyVaultSigningRecipes } from "./key-vault-signing";
import { msalRecipes } from "./msal";
import { recipeContext, type Recipe, type RecipeInputs } from "./recipe";

/**
 * Ready-to-paste snippets for MSAL, Azure Identity, the Azure CLI, Graph, curl and OpenSSL.
 *
 * @example buildRecipes(inputs).find((recipe) => recipe.id === "msal-python")?.code
 */
export function buildRecipes(inputs: RecipeInputs): Recipe[] {
  const context = recipeContext(inputs);
  return [...msalRecipes(context), ...azureIdentityRecipes(context), ...keyVaultSigningRecipes(context), ...azureCliRecipes(context), keyCredentialsRecipe(context), ...checkRecipes(context)];
}
