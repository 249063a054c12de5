import { lazy, Suspense, type ComponentType } from "react";
import { CertificatePanel } from "@/features/certificate/certificate-panel";
import { GeneratePanel } from "@/features/generate/generate-panel";
import { ImportPanel } from "@/features/import/import-panel";
import { PanelBoundary } from "@/ui/panel-boundary";
import { ThemeToggle } from "@/ui/theme-toggle";
import { UnsavedKeyGuard } from "@/ui/unsaved-key-guard";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { useWorkbenchStore } from "@/store/workbench-store";

// The panels below the first screen load after it (issue 13: initial JavaScript ≤ 110 KB gzip).
const AssertionPanel = lazy(() => import("@/features/assertion/assertion-panel").then((module) => ({ default: module.AssertionPanel })));
const TokenPanel = lazy(() => import("@/features/token/token-panel").then((module) => ({ default: module.TokenPanel })));
const InspectPanel = lazy(() => import("@/features/inspect/inspect-panel").then((module) => ({ default: module.InspectPanel })));
const RecipesPanel = lazy(() => import("@/features/recipes/recipes-panel").then((module) => ({ default: module.RecipesPanel })));

/** The panels in page order: the id each section carries, its name in the section links and error boundary. */
const panels: { id: string; name: string; link: string; Component: ComponentType }[] = [
  { id: "generate", name: "Generate", link: "Generate", Component: GeneratePanel },
  { id: "import", name: "Import", link: "Import", Component: ImportPanel },
  { id: "certificate", name: "Certificate", link: "Certificate & files", Component: CertificatePanel },
  { id: "assertion", name: "Assertion", link: "Assertion", Component: AssertionPanel },
  { id: "token", name: "Token", link: "Token request", Component: TokenPanel },
  { id: "inspect", name: "Inspect", link: "Inspect a JWT", Component: InspectPanel },
  { id: "recipes", name: "Recipes", link: "Recipes", Component: RecipesPanel },
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
          {panels.map(({ id, link }) => (
            <a key={id} href={`#${id}`} className="underline">
              {link}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="flex flex-col gap-6">
        {panels.map(({ id, name, Component }) => (
          <PanelBoundary key={id} name={name}>
            <Suspense fallback={null}>
              <Component />
            </Suspense>
          </PanelBoundary>
        ))}
      </main>
    </div>
  );
}
