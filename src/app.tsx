import { lazy, Suspense, useDeferredValue, useEffect, useRef, useState, type ComponentType, type RefObject } from "react";
import { CertificatePanel } from "@/features/certificate/certificate-panel";
import { CodeStep } from "@/features/code/code-step";
import { GeneratePanel } from "@/features/generate/generate-panel";
import { RegisteredFold } from "@/features/registered/registered-fold";
import { PanelBoundary } from "@/ui/panel-boundary";
import { StepSection } from "@/ui/step-section";
import { Tabs } from "@/ui/tabs";
import { ThemeToggle } from "@/ui/theme-toggle";
import { UnsavedKeyGuard } from "@/ui/unsaved-key-guard";
import { prefersReducedMotion } from "@/ui/reveal";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import type { WorkbenchStore } from "@/store/create-workbench-store";
import { useWorkbenchStore, useWorkbenchStoreApi } from "@/store/workbench-store";
import { followDeepLinks, linkedCreateTab, OPTIONAL_SECTION_ID } from "@/first-screen/deep-links";

/**
 * The journey in page order: the id each section carries, its number, its heading and its link in
 * the section navigation. One list, so numbers and links cannot drift apart.
 */
const journey = [
  { id: "step-create", number: 1, title: "Create or bring a credential", link: "Create", shortLink: "Create" },
  { id: "step-save", number: 2, title: "Save and upload", link: "Save & upload", shortLink: "Save" },
  { id: "step-code", number: 3, title: "Use it in code", link: "Use in code", shortLink: "Code" },
  { id: OPTIONAL_SECTION_ID, number: undefined, title: "Check and troubleshoot", link: "Check & troubleshoot", shortLink: "Check" },
] as const;

type JourneyId = (typeof journey)[number]["id"];
const step = (id: JourneyId) => journey.find((entry) => entry.id === id) ?? journey[0];

// Kept out of the first screen's JavaScript, so Generate works sooner: what the first screen does not
// show loads after it, the "Use existing" tab (import and its parsers) and the optional section's panels.
const ImportPanel = lazy(() => import("@/features/import/import-panel").then((module) => ({ default: module.ImportPanel })));
const AssertionPanel = lazy(() => import("@/features/assertion/assertion-panel").then((module) => ({ default: module.AssertionPanel })));
const TokenPanel = lazy(() => import("@/features/token/token-panel").then((module) => ({ default: module.TokenPanel })));
const InspectPanel = lazy(() => import("@/features/inspect/inspect-panel").then((module) => ({ default: module.InspectPanel })));
const RecipesPanel = lazy(() => import("@/features/recipes/recipes-panel").then((module) => ({ default: module.RecipesPanel })));

/** Holds a lazy panel's place while its code loads, so the page does not jump when it arrives. */
function PanelLoading({ name }: { name: string }) {
  return (
    <div className="panel-loading min-h-32 text-sm text-muted" role="status" aria-live="polite">
      Loading {name}…
    </div>
  );
}

/** The optional section's parts: each its own module, loaded on demand. */
const troubleshootPanels: { name: string; Component: ComponentType; onReset?: (store: WorkbenchStore) => void }[] = [
  { name: "Assertion", Component: AssertionPanel },
  // What a pasted external token brings (its decoding, its verdict) is what can break the Token panel:
  // "Try again" forgets that token, so the panel renders again instead of failing the same way at once.
  { name: "Token", Component: TokenPanel, onReset: (store) => store.getState().resetFederatedToken() },
  { name: "Inspect", Component: InspectPanel },
  { name: "Recipes", Component: RecipesPanel },
];

/**
 * Moves focus to step 2's heading, in view, when a new credential arrives (Generate, an import), and
 * announces it. Its own component, so a new credential re-renders this line and not the whole page,
 * and the thumbprint is on screen sooner.
 */
function NewCredentialAnnouncement({ heading }: { heading: RefObject<HTMLHeadingElement | null> }) {
  // The certificate, not the credential object: server.csr is attached to the same certificate after
  // the first paint, which is not a new credential (and must not cancel the focus move below).
  const certificateDer = useWorkbenchStore((state) => state.credential?.certificateDer);
  const thumbprint = useWorkbenchStore((state) => state.credential?.certificateDetails.thumbprints.sha1Hex);
  const previous = useRef(certificateDer);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const arrived = certificateDer !== undefined && certificateDer !== previous.current;
    previous.current = certificateDer;
    if (!arrived) return;
    // After the frame that paints the new thumbprint: focus() and scrollIntoView() force a layout of
    // the whole page, which would otherwise delay that paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const target = heading.current;
        if (target) {
          target.focus({ preventScroll: true });
          target.scrollIntoView({ block: "start", behavior: prefersReducedMotion() ? "auto" : "smooth" });
        }
        setAnnouncement(`Certificate ready. Step 2, save and upload: thumbprint ${thumbprint ?? ""}, then save server.crt and server.pem.`);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [certificateDer, thumbprint, heading]);
  return (
    <p className="sr-only" role="status" aria-live="polite" data-testid="journey-announcement">
      {announcement}
    </p>
  );
}

/** The browser's leave-page prompt while a key is unsaved; its own component for the same reason. */
function UnsavedKeyPrompt() {
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  return <UnsavedKeyGuard active={unsavedKey} />;
}

export function App() {
  // The build renders the first screen without a window: the first visit's "Create new".
  const [createTab, setCreateTab] = useState<string>(() => (typeof window === "undefined" ? "create" : linkedCreateTab(window.location.hash, "create")));
  const [troubleshootOpen, setTroubleshootOpen] = useState(false);
  const storeApi = useWorkbenchStoreApi();
  const saveHeading = useRef<HTMLHeadingElement>(null);
  // The optional section's panels (each its own module) are rendered after the first render, which
  // holds the three steps: their code is fetched and run once Generate already works.
  const optionalPanelsShown = useDeferredValue(true, false);

  // A link into the page (/#import, /#token, /#troubleshoot) selects or opens what it points at.
  useEffect(() => followDeepLinks(window, { selectCreateTab: setCreateTab, openOptionalSection: () => setTroubleshootOpen(true) }), []);

  return (
    <div className="page">
      <UnsavedKeyPrompt />
      <header className="page-header">
        <h1 className="text-2xl font-bold">Credential Workbench</h1>
        <p className="text-sm text-muted">
          Certificate credentials for Microsoft Entra ID apps, made in your browser: create a key and certificate, save server.crt and server.pem, copy the thumbprint, and
          get working code. Keys never leave the page except as files you save.
        </p>
      </header>
      <main id="main" tabIndex={-1} className="page-main">
        <NewCredentialAnnouncement heading={saveHeading} />
        <StepSection id="step-create" number={step("step-create").number} title={step("step-create").title}>
          <Tabs
            label="Create or bring a credential"
            selected={createTab}
            onSelect={setCreateTab}
            tabs={[
              {
                id: "create",
                label: "Create new",
                content: (
                  <PanelBoundary name="Generate">
                    <GeneratePanel />
                  </PanelBoundary>
                ),
              },
              {
                id: "existing",
                label: "Use existing",
                content: (
                  <PanelBoundary name="Import">
                    <Suspense fallback={<PanelLoading name="the import form" />}>
                      <ImportPanel />
                    </Suspense>
                  </PanelBoundary>
                ),
              },
            ]}
          />
          {/* After the Generate form in the page's order: the first Tab presses still reach Generate first. */}
          <p className="text-sm text-muted" data-testid="other-credentials-line">
            Using a client secret or a federated credential (GitHub Actions, Kubernetes) instead? Check it too:{" "}
            <a href="#token" className="underline" data-testid="check-secret-link" onClick={() => storeApi.getState().setAuthMethod("secret")}>
              a client secret
            </a>{" "}
            or{" "}
            <a href="#token" className="underline" data-testid="check-federated-link" onClick={() => storeApi.getState().setAuthMethod("federated")}>
              a federated token
            </a>
            .
          </p>
        </StepSection>
        <StepSection
          id="step-save"
          number={step("step-save").number}
          title={step("step-save").title}
          headingRef={saveHeading}
          description="Upload server.crt to your app registration; MSAL needs the thumbprint and server.pem."
        >
          <PanelBoundary name="Certificate">
            <CertificatePanel afterUploadHelp={<RegisteredFold />} />
          </PanelBoundary>
        </StepSection>
        <StepSection
          id="step-code"
          number={step("step-code").number}
          title={step("step-code").title}
          description="Your app registration's IDs, entered once here and used by everything below, and the code for your library."
        >
          <PanelBoundary name="Code">
            <CodeStep />
          </PanelBoundary>
        </StepSection>
        <section id={OPTIONAL_SECTION_ID} aria-labelledby="troubleshoot-heading" className="step step-optional" data-testid="troubleshoot">
          <details open={troubleshootOpen} onToggle={(event) => setTroubleshootOpen(event.currentTarget.open)} data-testid="troubleshoot-toggle">
            <summary className="troubleshoot-summary" data-testid="troubleshoot-summary">
              <h2 id="troubleshoot-heading" className="inline text-xl font-semibold">
                {step(OPTIONAL_SECTION_ID).title} <span className="text-base font-normal text-muted">(optional)</span>
              </h2>
              <span className="block text-sm text-muted">
                When a token request fails: the signed assertion and Entra&apos;s checks, the token request itself, Inspect a JWT, and recipes for other tools.
              </span>
            </summary>
            <div className="mt-4 flex flex-col gap-6">
              <p className="text-sm" data-testid="troubleshoot-registered-link">
                AADSTS700027, 7000215 or 700213? First{" "}
                <a href="#registered" className="underline">
                  check what your app registration has
                </a>{" "}
                (step 2): it says which registered credential your certificate, secret or token meets, and what has expired.
              </p>
              {optionalPanelsShown && troubleshootPanels.map(({ name, Component, onReset }) => (
                <PanelBoundary key={name} name={name} onReset={onReset && (() => onReset(storeApi))}>
                  <Suspense fallback={<PanelLoading name={name} />}>
                    <Component />
                  </Suspense>
                </PanelBoundary>
              ))}
            </div>
          </details>
        </section>
      </main>
      {/* After main in the DOM so the first Tab presses reach the Generate form; shown at the top and kept there while scrolling. */}
      <nav aria-label="Sections" className="section-nav">
        <ol className="section-links">
          {journey.map(({ id, number, link, shortLink }) => (
            <li key={id}>
              <a href={`#${id}`} onClick={() => id === OPTIONAL_SECTION_ID && setTroubleshootOpen(true)}>
                {number !== undefined && (
                  <span className="step-number step-number-small max-sm:hidden" aria-hidden="true">
                    {number}
                  </span>
                )}
                {/* Compact on phones: a short word for each step, without its number, so all four and the theme fit (the full name for screen readers). */}
                {shortLink ? (
                  <>
                    <span className="max-sm:sr-only">{link}</span>
                    <span className="sm:hidden" aria-hidden="true">
                      {shortLink}
                    </span>
                  </>
                ) : (
                  <span className="max-sm:sr-only">{link}</span>
                )}
              </a>
            </li>
          ))}
        </ol>
        <ThemeToggle />
      </nav>
    </div>
  );
}
