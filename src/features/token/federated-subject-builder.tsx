import { useState } from "react";
import { GITHUB_ACTIONS_ISSUER } from "@/core/federated/federated-credential";
import { gitHubActionsSubject, gitHubSubjectProblem, kubernetesSubject, kubernetesSubjectProblem, type GitHubEntity, type GitHubSubjectParts, type KubernetesSubjectParts } from "@/core/federated/subject-builder";
import { Field } from "@/ui/field";
import { SelectField, type SelectOption } from "@/ui/select-field";

export type WorkloadKind = "github" | "kubernetes";

export interface SubjectBuilderState {
  kind: WorkloadKind;
  github: GitHubSubjectParts;
  kubernetes: KubernetesSubjectParts;
}

export const initialSubjectBuilder: SubjectBuilderState = {
  kind: "github",
  github: { organization: "", repository: "", entity: "branch", value: "main" },
  kubernetes: { namespace: "default", serviceAccount: "" },
};

const ENTITY_LABELS: Record<GitHubEntity, string> = { branch: "Branch", tag: "Tag", environment: "Environment", pull_request: "Pull request" };
const ENTITY_OPTIONS: readonly SelectOption<GitHubEntity>[] = (Object.keys(ENTITY_LABELS) as GitHubEntity[]).map((entity) => ({ value: entity, label: ENTITY_LABELS[entity] }));

const WORKLOAD_OPTIONS: readonly SelectOption<WorkloadKind>[] = [
  { value: "github", label: "GitHub Actions" },
  { value: "kubernetes", label: "Kubernetes service account" },
];

/** Builds the subject a GitHub Actions job or a Kubernetes service account presents, and puts it in the credential. */
export function FederatedSubjectBuilder({ state, onChange, onUse }: { state: SubjectBuilderState; onChange: (state: SubjectBuilderState) => void; onUse: (subject: string, issuer?: string) => void }) {
  const [used, setUsed] = useState<string | undefined>(undefined);
  const problem = state.kind === "github" ? gitHubSubjectProblem(state.github) : kubernetesSubjectProblem(state.kubernetes);
  const subject = problem ? undefined : state.kind === "github" ? gitHubActionsSubject(state.github) : kubernetesSubject(state.kubernetes);
  const github = (patch: Partial<GitHubSubjectParts>) => onChange({ ...state, github: { ...state.github, ...patch } });
  const kubernetes = (patch: Partial<KubernetesSubjectParts>) => onChange({ ...state, kubernetes: { ...state.kubernetes, ...patch } });
  return (
    <div className="flex flex-col gap-3">
      <SelectField label="Workload" value={state.kind} options={WORKLOAD_OPTIONS} testId="fic-workload-select" onChange={(kind) => onChange({ ...state, kind })} />
      {state.kind === "github" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Organisation (or user)">
            {(props) => <input {...props} className="input" value={state.github.organization} data-testid="fic-github-org" autoComplete="off" spellCheck={false} onChange={(event) => github({ organization: event.target.value })} />}
          </Field>
          <Field label="Repository">
            {(props) => <input {...props} className="input" value={state.github.repository} data-testid="fic-github-repo" autoComplete="off" spellCheck={false} onChange={(event) => github({ repository: event.target.value })} />}
          </Field>
          <SelectField label="Runs for" value={state.github.entity} options={ENTITY_OPTIONS} testId="fic-github-entity" onChange={(entity) => github({ entity })} />
          {state.github.entity !== "pull_request" && (
            <Field label={`${ENTITY_LABELS[state.github.entity]} name`}>
              {(props) => <input {...props} className="input" value={state.github.value} data-testid="fic-github-value" autoComplete="off" spellCheck={false} onChange={(event) => github({ value: event.target.value })} />}
            </Field>
          )}
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Namespace">
            {(props) => <input {...props} className="input" value={state.kubernetes.namespace} data-testid="fic-k8s-namespace" autoComplete="off" spellCheck={false} onChange={(event) => kubernetes({ namespace: event.target.value })} />}
          </Field>
          <Field label="Service account">
            {(props) => <input {...props} className="input" value={state.kubernetes.serviceAccount} data-testid="fic-k8s-name" autoComplete="off" spellCheck={false} onChange={(event) => kubernetes({ serviceAccount: event.target.value })} />}
          </Field>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <code className="value-mono" data-testid="fic-built-subject">
          {subject ?? problem}
        </code>
        <button
          type="button"
          className="btn-secondary"
          data-testid="fic-use-subject"
          disabled={!subject}
          onClick={() => {
            if (!subject) return;
            onUse(subject, state.kind === "github" ? GITHUB_ACTIONS_ISSUER : undefined);
            setUsed(subject);
          }}
        >
          Use as the subject
        </button>
        <span className="text-sm text-muted" aria-live="polite">
          {used && used === subject ? "Subject set." : ""}
        </span>
      </div>
    </div>
  );
}
