import { AssertionPanel } from "@/features/assertion/assertion-panel";
import { CertificatePanel } from "@/features/certificate/certificate-panel";
import { GeneratePanel } from "@/features/generate/generate-panel";
import { ImportPanel } from "@/features/import/import-panel";
import { InspectPanel } from "@/features/inspect/inspect-panel";
import { RecipesPanel } from "@/features/recipes/recipes-panel";
import { TokenPanel } from "@/features/token/token-panel";
import { PanelBoundary } from "@/ui/panel-boundary";
import { ThemeToggle } from "@/ui/theme-toggle";
import { UnsavedKeyGuard } from "@/ui/unsaved-key-guard";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { useWorkbenchStore } from "@/store/workbench-store";

const sections: [string, string][] = [
  ["generate", "Generate"],
  ["import", "Import"],
  ["certificate", "Certificate & files"],
  ["assertion", "Assertion"],
  ["token", "Token request"],
  ["inspect", "Inspect a JWT"],
  ["recipes", "Recipes"],
];

export function App() {
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6">
      <a href="#main" className="sr-only focus:not-sr-only focus:underline">
        Skip to the panels
      </a>
      <UnsavedKeyGuard active={unsavedKey} />
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-bold">Credential Workbench</h1>
          <ThemeToggle />
        </div>
        <p className="text-sm text-muted">
          Certificate credentials for Microsoft Entra ID apps, made and checked in your browser. Keys are generated here and never
          sent anywhere; the page makes no requests but to its own server.
        </p>
        <nav aria-label="Sections" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {sections.map(([id, label]) => (
            <a key={id} href={`#${id}`} className="underline">
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="flex flex-col gap-6">
        <PanelBoundary name="Generate">
          <GeneratePanel />
        </PanelBoundary>
        <PanelBoundary name="Import">
          <ImportPanel />
        </PanelBoundary>
        <PanelBoundary name="Certificate">
          <CertificatePanel />
        </PanelBoundary>
        <PanelBoundary name="Assertion">
          <AssertionPanel />
        </PanelBoundary>
        <PanelBoundary name="Token">
          <TokenPanel />
        </PanelBoundary>
        <PanelBoundary name="Inspect">
          <InspectPanel />
        </PanelBoundary>
        <PanelBoundary name="Recipes">
          <RecipesPanel />
        </PanelBoundary>
      </main>
    </div>
  );
}
