import { CLOUD_HOSTS, normalizeCustomAuthority } from "@/core/assertion/token-endpoint";
import { EXPIRY_WARNING_DAYS } from "@/core/certificate-validity";
import { CREDENTIAL_FILES, fileNameAndType } from "@/core/credential-files";
import { buildRecipes } from "@/core/recipes/build-recipes";
import { keyIdFromThumbprint } from "@/core/recipes/key-credentials";
import { RECIPE_GROUPS, type Recipe } from "@/core/recipes/recipe";
import { rotationReminderIcs } from "@/core/rotation-reminder";
import { tokenEndpointFromSettings } from "@/store/assertion-slice";
import type { AppSettings } from "@/store/settings-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { DownloadButton } from "@/ui/download-button";
import { Panel } from "@/ui/panel";

const CUSTOM_AUTHORITY_PLACEHOLDER = "https://<your authority host>";

/** The authority origin of the chosen cloud, even while the tenant field is still empty or invalid. */
function authorityOriginFor(settings: Pick<AppSettings, "cloud" | "customAuthority">): string {
  if (settings.cloud !== "custom") return `https://${CLOUD_HOSTS[settings.cloud]}`;
  try {
    return normalizeCustomAuthority(settings.customAuthority);
  } catch {
    return CUSTOM_AUTHORITY_PLACEHOLDER;
  }
}

function RecipeView({ recipe }: { recipe: Recipe }) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="font-medium">{recipe.title}</h4>
        <CopyButton text={recipe.code} label={recipe.title} testId={`copy-recipe-${recipe.id}`} />
      </div>
      <p className="text-xs text-muted">{recipe.description}</p>
      <CodeBlock label={recipe.title} testId={`recipe-${recipe.id}`}>
        {recipe.code}
      </CodeBlock>
    </div>
  );
}

export function RecipesPanel() {
  const credential = useWorkbenchStore((state) => state.credential);
  const settings = useWorkbenchStore((state) => state.settings);
  if (!credential) {
    return (
      <Panel id="recipes" title="Recipes" description="Ready-to-paste code for MSAL, Azure Identity, the Azure CLI and Graph, filled with this page's values.">
        <p className="text-sm text-muted">Generate or import a certificate to fill in the recipes.</p>
      </Panel>
    );
  }
  const authorityOrigin = authorityOriginFor(settings);
  const tokenPath = settings.version === "v1" ? "oauth2/token" : "oauth2/v2.0/token";
  const { thumbprints, subject, notAfter } = credential.certificateDetails;
  const recipes = buildRecipes({
    certificate: credential.certificateDetails,
    certificateDer: credential.certificateDer,
    tenant: settings.tenant,
    clientId: settings.clientId,
    authorityOrigin,
    tokenEndpoint: tokenEndpointFromSettings(settings) ?? `${authorityOrigin}/<tenant id>/${tokenPath}`,
    scope: settings.scope,
    keyId: keyIdFromThumbprint(thumbprints.sha1Hex),
    cloud: settings.cloud,
    version: settings.version,
    includeX5c: settings.includeX5c,
    form: settings.form,
  });
  const reminder = rotationReminderIcs({ subject, thumbprint: thumbprints.sha1Hex, notAfter, daysBefore: EXPIRY_WARNING_DAYS, uid: `${thumbprints.sha1Hex}@credential-workbench` });

  return (
    <Panel id="recipes" title="Recipes" description="Ready-to-paste code filled with this page's thumbprint, tenant, client ID, cloud and assertion settings.">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          The certificate expires {new Date(notAfter).toLocaleDateString()}. Put a rotation reminder {EXPIRY_WARNING_DAYS} days before that in your calendar:
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
              <h3 className="inline">{group.title}</h3> <span className="text-sm font-normal text-muted">— {group.description}</span>
            </summary>
            <div className="mt-3 flex flex-col gap-4">
              {members.map((recipe) => (
                <RecipeView key={recipe.id} recipe={recipe} />
              ))}
            </div>
          </details>
        );
      })}
    </Panel>
  );
}
