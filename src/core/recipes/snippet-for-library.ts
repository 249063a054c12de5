/**
 * The snippet step 3 shows for a library. Kept apart from the catalogue (library-catalogue.ts): the
 * choices are on the first screen, while building snippets needs every recipe, which loads with the
 * first snippet shown.
 */
import { buildRecipes } from "./build-recipes";
import { libraryById, type LibraryId } from "./library-catalogue";
import { msalPythonPublicCertificateRecipe } from "./msal";
import { recipeContext, type Recipe, type RecipeContext, type RecipeInputs } from "./recipe";

/** Recipes step 3 offers for a library that the recipes panel (buildRecipes) does not show. */
const LIBRARY_ONLY_RECIPES: Readonly<Record<string, (context: RecipeContext) => Recipe>> = {
  "msal-python-public-certificate": msalPythonPublicCertificateRecipe,
};

/**
 * The snippet for a library, built by the recipes with the library's own assertion form so that
 * e.g. MSAL Node's thumbprint property matches the choice.
 */
export function snippetForLibrary(id: LibraryId, inputs: RecipeInputs): Recipe {
  const library = libraryById(id);
  const libraryInputs = { ...inputs, form: library.form ?? inputs.form };
  const libraryOnly = LIBRARY_ONLY_RECIPES[library.recipeId];
  if (libraryOnly) return libraryOnly(recipeContext(libraryInputs));
  const recipe = buildRecipes(libraryInputs).find((candidate) => candidate.id === library.recipeId);
  if (!recipe) throw new Error(`No recipe ${library.recipeId} for ${library.id}.`);
  return recipe;
}
