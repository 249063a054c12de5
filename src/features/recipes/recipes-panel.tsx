import { memo, useDeferredValue } from "react";
import type { Credential } from "@/core/credential/credential";
import type { AppSettings } from "@/core/token-request/app-settings";
import { libraryById } from "@/core/recipes/library-catalogue";
import { recipeInputsFromSettings } from "@/core/recipes/recipe-inputs";
import { EXPIRY_WARNING_DAYS } from "@/core/certificate/validity";
import { utcText } from "@/core/jwt/time-window";
import { CREDENTIAL_FILES, fileNameAndType } from "@/core/credential/credential-files";
import { buildRecipes } from "@/core/recipes/build-recipes";
import { RECIPE_GROUPS } from "@/core/recipes/recipe";
import { rotationReminderIcs } from "@/core/recipes/rotation-reminder";
import { useWorkbenchStore } from "@/store/workbench-store";
import { DownloadButton } from "@/ui/download-button";
import { Panel } from "@/ui/panel";
import { SnippetView } from "@/ui/snippet-view";

export function RecipesPanel() {
  // A new credential reaches the recipes in a render of its own, after the thumbprint is painted
  // so the thumbprint is on screen sooner: until then the memoized list is not rebuilt.
  const credential = useDeferredValue(useWorkbenchStore((state) => state.credential));
  const settings = useWorkbenchStore((state) => state.settings);
  return <Recipes credential={credential} settings={settings} />;
}

/** Rebuilt only when the credential or the settings change, not when the rest of the page does. */
const Recipes = memo(function Recipes({ credential, settings }: { credential: Credential | undefined; settings: AppSettings }) {
  if (!credential) {
    return (
      <Panel id="recipes" title="Recipes" description="Ready-to-paste code for MSAL, Azure Identity, the Azure CLI and Graph, filled with this page's values.">
        <p className="text-sm text-muted">Generate or import a certificate to fill in the recipes.</p>
      </Panel>
    );
  }
  const { thumbprints, subject, notAfter } = credential.certificateDetails;
  // The recipe of the library chosen in step 3 is shown there; this list holds the rest.
  const shownInStep3 = libraryById(settings.library).recipeId;
  const recipes = buildRecipes(recipeInputsFromSettings(credential, settings)).filter((recipe) => recipe.id !== shownInStep3);
  const reminder = rotationReminderIcs({ subject, thumbprint: thumbprints.sha1Hex, notAfter, daysBefore: EXPIRY_WARNING_DAYS, uid: `${thumbprints.sha1Hex}@credential-workbench` });

  return (
    <Panel id="recipes" title="Recipes" description="Ready-to-paste code filled with this page's thumbprint, tenant, client ID, cloud and assertion settings.">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          The certificate expires {utcText(new Date(notAfter).getTime() / 1000)}. Put a rotation reminder {EXPIRY_WARNING_DAYS} days before that in your calendar:
        </span>
        <DownloadButton {...fileNameAndType(CREDENTIAL_FILES.rotationReminder)} contents={reminder} testId="download-rotation-reminder" />
      </div>
      {RECIPE_GROUPS.map((group, index) => {
        const members = recipes.filter((recipe) => recipe.group === group.id);
        if (members.length === 0) return null;
        return (
          // Native disclosure: keyboard-operable and announced as expanded/collapsed without extra ARIA.
          // A closed group keeps its recipes in the DOM but out of the Tab order.
          <details key={group.id} className="flex flex-col gap-3" open={index === 0} data-testid={`recipe-group-${group.id}`}>
            <summary className="cursor-pointer font-semibold">
              <h4 className="inline">{group.title}</h4> <span className="text-sm font-normal text-muted">— {group.description}</span>
            </summary>
            <div className="mt-3 flex flex-col gap-4">
              {members.map((recipe) => (
                <SnippetView key={recipe.id} snippet={recipe} heading="h5" />
              ))}
            </div>
          </details>
        );
      })}
    </Panel>
  );
});
