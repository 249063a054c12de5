import { buildRecipes, keyIdFromThumbprint, rotationReminderIcs } from "@/core/recipes";
import { tokenEndpointFromSettings } from "@/store/assertion-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { DownloadButton } from "@/ui/download-button";
import { Panel } from "@/ui/panel";

const PUBLIC_ORIGIN = "https://login.microsoftonline.com";
const ROTATION_DAYS_BEFORE_EXPIRY = 30;

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
  const tokenEndpoint = tokenEndpointFromSettings(settings);
  const { thumbprints, subject, notAfter } = credential.certificateDetails;
  const recipes = buildRecipes({
    certificate: credential.certificateDetails,
    certificateDer: credential.certificateDer,
    tenant: settings.tenant,
    clientId: settings.clientId,
    authorityOrigin: tokenEndpoint ? new URL(tokenEndpoint).origin : PUBLIC_ORIGIN,
    tokenEndpoint: tokenEndpoint ?? `${PUBLIC_ORIGIN}/<tenant id>/oauth2/v2.0/token`,
    scope: settings.scope,
    keyId: keyIdFromThumbprint(thumbprints.sha1Hex),
  });
  const reminder = rotationReminderIcs({ subject, thumbprint: thumbprints.sha1Hex, notAfter, daysBefore: ROTATION_DAYS_BEFORE_EXPIRY, uid: `${thumbprints.sha1Hex}@credential-workbench` });

  return (
    <Panel id="recipes" title="Recipes" description="Ready-to-paste code filled with this page's thumbprint, tenant and client ID.">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          The certificate expires {new Date(notAfter).toLocaleDateString()}. Put a rotation reminder {ROTATION_DAYS_BEFORE_EXPIRY} days before that in your calendar:
        </span>
        <DownloadButton fileName="rotate-certificate.ics" contents={reminder} mimeType="text/calendar" testId="download-rotation-reminder" />
      </div>
      {recipes.map((recipe) => (
        <div key={recipe.id} className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{recipe.title}</h3>
            <CopyButton text={recipe.code} label={recipe.title} testId={`copy-recipe-${recipe.id}`} />
          </div>
          <p className="text-xs text-muted">{recipe.description}</p>
          <CodeBlock label={recipe.title} testId={`recipe-${recipe.id}`}>
            {recipe.code}
          </CodeBlock>
        </div>
      ))}
    </Panel>
  );
}
