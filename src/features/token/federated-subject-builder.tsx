import { useState } from "react";
import { describeAllowedClaims, FLEXIBLE_ISSUER_RULES, type FlexibleIssuerKind } from "@/core/federated/claims-matching-expression";
import { compareBuiltSubject } from "@/core/federated/compare-built-subject";
import { GITHUB_ACTIONS_ISSUER } from "@/core/federated/federated-credential";
import {
  gitHubExpression,
  gitHubExpressionProblem,
  gitLabExpression,
  gitLabSubject,
  gitLabSubjectProblem,
  terraformExpression,
  terraformSubject,
  terraformSubjectProblem,
  type GitLabSubjectParts,
  type TerraformSubjectParts,
} from "@/core/federated/flexible-credential";
import {
  GITHUB_ID_COMMAND,
  gitHubActionsSubject,
  gitHubSubjectForm,
  gitHubSubjectProblem,
  kubernetesSubject,
  kubernetesSubjectProblem,
  type GitHubEntity,
  type GitHubSubjectParts,
  type KubernetesSubjectParts,
} from "@/core/federated/subject-builder";
import { Field } from "@/ui/field";
import { SelectField, type SelectOption } from "@/ui/select-field";

export type WorkloadKind = "github" | "gitlab" | "terraform" | "kubernetes";

export interface SubjectBuilderState {
  kind: WorkloadKind;
  /** One flexible credential (an expression) for many branches, tags or run phases. */
  flexible: boolean;
  github: GitHubSubjectParts;
  gitlab: GitLabSubjectParts;
  terraform: TerraformSubjectParts;
  kubernetes: KubernetesSubjectParts;
}

export const initialSubjectBuilder: SubjectBuilderState = {
  kind: "github",
  flexible: false,
  github: { organization: "", repository: "", entity: "branch", value: "main", ownerId: "", repositoryId: "" },
  gitlab: { issuer: "https://gitlab.com", projectPath: "", refType: "branch", ref: "main", projectId: "" },
  terraform: { issuer: "https://app.terraform.io", organization: "", project: "Default Project", workspace: "", runPhase: "apply" },
  kubernetes: { namespace: "default", serviceAccount: "" },
};

/** What the builder hands to the credential: a subject or an expression, and the issuer that sends it. */
export interface BuiltCredential {
  subject?: string;
  expression?: string;
  issuer?: string;
}

const ENTITY_LABELS: Record<GitHubEntity, string> = { branch: "Branch", tag: "Tag", environment: "Environment", pull_request: "Pull request" };
const ENTITY_OPTIONS: readonly SelectOption<GitHubEntity>[] = (Object.keys(ENTITY_LABELS) as GitHubEntity[]).map((entity) => ({ value: entity, label: ENTITY_LABELS[entity] }));
const WORKLOAD_LABELS: Record<WorkloadKind, string> = { github: "GitHub Actions", gitlab: "GitLab CI/CD", terraform: "Terraform Cloud", kubernetes: "Kubernetes service account" };
/** Entra evaluates expressions only for these issuers; Kubernetes tokens need a plain subject. */
const FLEXIBLE_KINDS: readonly WorkloadKind[] = ["github", "gitlab", "terraform"];

interface Built {
  text?: string;
  problem?: string;
  issuer?: string;
}

function build(state: SubjectBuilderState): Built {
  const { flexible } = state;
  switch (state.kind) {
    case "github": {
      const problem = flexible ? gitHubExpressionProblem(state.github) : gitHubSubjectProblem(state.github);
      return problem ? { problem } : { text: flexible ? gitHubExpression(state.github) : gitHubActionsSubject(state.github), issuer: GITHUB_ACTIONS_ISSUER };
    }
    case "gitlab": {
      const problem = gitLabSubjectProblem(state.gitlab, flexible);
      return problem ? { problem } : { text: flexible ? gitLabExpression(state.gitlab) : gitLabSubject(state.gitlab, false), issuer: state.gitlab.issuer };
    }
    case "terraform": {
      const problem = terraformSubjectProblem(state.terraform, flexible);
      return problem ? { problem } : { text: flexible ? terraformExpression(state.terraform) : terraformSubject(state.terraform, false), issuer: state.terraform.issuer };
    }
    case "kubernetes": {
      const problem = kubernetesSubjectProblem(state.kubernetes);
      return problem ? { problem } : { text: kubernetesSubject(state.kubernetes) };
    }
  }
}

/** Which subject form GitHub sends, and how to switch: the ID form needs both IDs. */
function GitHubFormNote({ parts }: { parts: GitHubSubjectParts }) {
  const form = gitHubSubjectForm(parts);
  const oneId = !!(parts.ownerId ?? "").trim() !== !!(parts.repositoryId ?? "").trim();
  return (
    <p className="text-sm" data-testid="fic-github-form" data-form={form}>
      {form === "id"
        ? "ID form (immutable): GitHub sends it for repositories created, renamed or transferred since 15 July 2026, and for any opted in; it keeps matching after a rename. "
        : `Name form: GitHub sends it for repositories older than 15 July 2026 that have not opted in. ${oneId ? "Enter both IDs for the ID form. " : "With the owner and repository IDs the builder writes the ID form. "}`}
      <span className="text-muted">
        To see or switch the form GitHub sends, use the repository&apos;s (or organisation&apos;s) OpenID Connect subject settings (GitHub&apos;s OpenID Connect reference shows the steps and a preview of the subject). A credential in one form never matches a token in the other.
      </span>
    </p>
  );
}

/** Builds the subject (or a flexible credential's expression) a workload presents, and puts it in the credential. */
export function FederatedSubjectBuilder({
  state,
  tokenSub,
  onChange,
  onUse,
}: {
  state: SubjectBuilderState;
  /** The pasted token's sub, when there is one: a built subject that differs from it is flagged. */
  tokenSub?: string;
  onChange: (state: SubjectBuilderState) => void;
  onUse: (built: BuiltCredential) => void;
}) {
  const [used, setUsed] = useState<string | undefined>(undefined);
  const built = build(state);
  const differs = !state.flexible && built.text !== undefined ? compareBuiltSubject(built.text, tokenSub) : undefined;
  const github = (patch: Partial<GitHubSubjectParts>) => onChange({ ...state, github: { ...state.github, ...patch } });
  const gitlab = (patch: Partial<GitLabSubjectParts>) => onChange({ ...state, gitlab: { ...state.gitlab, ...patch } });
  const terraform = (patch: Partial<TerraformSubjectParts>) => onChange({ ...state, terraform: { ...state.terraform, ...patch } });
  const kubernetes = (patch: Partial<KubernetesSubjectParts>) => onChange({ ...state, kubernetes: { ...state.kubernetes, ...patch } });
  const kinds = state.flexible ? FLEXIBLE_KINDS : (Object.keys(WORKLOAD_LABELS) as WorkloadKind[]);
  const rules = state.kind !== "kubernetes" ? FLEXIBLE_ISSUER_RULES[state.kind as FlexibleIssuerKind] : undefined;
  const patternHint = state.flexible ? " Leave the name as it is for every one (*), or type a pattern: * any run of characters, ? one character." : "";
  const githubIds = state.github.organization.trim() && state.github.repository.trim() ? GITHUB_ID_COMMAND.replace("OWNER/REPO", `${state.github.organization.trim()}/${state.github.repository.trim()}`) : GITHUB_ID_COMMAND;
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Workload" value={state.kind} options={kinds.map((kind) => ({ value: kind, label: WORKLOAD_LABELS[kind] }))} testId="fic-workload-select" onChange={(kind) => onChange({ ...state, kind })} />
        <div className="flex items-start gap-2 sm:pt-6">
          <input
            id="fic-flexible-toggle"
            type="checkbox"
            className="mt-1"
            checked={state.flexible}
            data-testid="fic-flexible-toggle"
            aria-describedby="fic-flexible-toggle-hint"
            onChange={(event) => onChange({ ...state, flexible: event.target.checked, kind: event.target.checked && state.kind === "kubernetes" ? "github" : state.kind })}
          />
          <div className="flex flex-col">
            <label htmlFor="fic-flexible-toggle" className="text-sm font-medium">
              Many branches or tags: one flexible credential
            </label>
            <span id="fic-flexible-toggle-hint" className="text-xs text-muted">
              Preview. Entra matches the token by an expression; only GitHub, GitLab and Terraform Cloud tokens.
            </span>
          </div>
        </div>
      </div>
      {state.kind === "github" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Organisation (or user)">
            {(props) => <input {...props} className="input" value={state.github.organization} data-testid="fic-github-org" autoComplete="off" spellCheck={false} onChange={(event) => github({ organization: event.target.value })} />}
          </Field>
          <Field label="Repository">
            {(props) => <input {...props} className="input" value={state.github.repository} data-testid="fic-github-repo" autoComplete="off" spellCheck={false} onChange={(event) => github({ repository: event.target.value })} />}
          </Field>
          <Field label="Owner ID (optional, digits)" hint={`Both IDs: ${githubIds}`}>
            {(props) => <input {...props} className="input" inputMode="numeric" value={state.github.ownerId ?? ""} data-testid="fic-github-owner-id" autoComplete="off" spellCheck={false} onChange={(event) => github({ ownerId: event.target.value })} />}
          </Field>
          <Field label="Repository ID (optional, digits)" hint="The second number that command prints.">
            {(props) => <input {...props} className="input" inputMode="numeric" value={state.github.repositoryId ?? ""} data-testid="fic-github-repo-id" autoComplete="off" spellCheck={false} onChange={(event) => github({ repositoryId: event.target.value })} />}
          </Field>
          <SelectField label="Runs for" value={state.github.entity} options={ENTITY_OPTIONS} testId="fic-github-entity" onChange={(entity) => github({ entity })} />
          {state.github.entity !== "pull_request" && (
            <Field label={`${ENTITY_LABELS[state.github.entity]} name`} hint={patternHint.trim() || undefined}>
              {(props) => <input {...props} className="input" value={state.github.value} data-testid="fic-github-value" autoComplete="off" spellCheck={false} onChange={(event) => github({ value: event.target.value })} />}
            </Field>
          )}
          <div className="sm:col-span-2">
            <GitHubFormNote parts={state.github} />
          </div>
        </div>
      )}
      {state.kind === "gitlab" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="GitLab instance (the token's iss)" hint="https://gitlab.com, or a self-managed https://gitlab.<name>.com or .ca.">
            {(props) => <input {...props} className="input" value={state.gitlab.issuer} data-testid="fic-gitlab-issuer" autoComplete="off" spellCheck={false} onChange={(event) => gitlab({ issuer: event.target.value })} />}
          </Field>
          <Field label="Project path (group/project)">
            {(props) => <input {...props} className="input" value={state.gitlab.projectPath} data-testid="fic-gitlab-project" autoComplete="off" spellCheck={false} onChange={(event) => gitlab({ projectPath: event.target.value })} />}
          </Field>
          <Field label="Runs for">
            {(props) => (
              <select {...props} className="input" value={state.gitlab.refType} data-testid="fic-gitlab-ref-type" onChange={(event) => gitlab({ refType: event.target.value === "tag" ? "tag" : "branch" })}>
                <option value="branch">Branch</option>
                <option value="tag">Tag</option>
              </select>
            )}
          </Field>
          <Field label={state.gitlab.refType === "tag" ? "Tag name" : "Branch name"} hint={patternHint.trim() || undefined}>
            {(props) => <input {...props} className="input" value={state.gitlab.ref} data-testid="fic-gitlab-ref" autoComplete="off" spellCheck={false} onChange={(event) => gitlab({ ref: event.target.value })} />}
          </Field>
          {state.flexible && (
            <Field label="Project ID (digits)" hint="On the project's overview page, or Settings → General.">
              {(props) => <input {...props} className="input" inputMode="numeric" value={state.gitlab.projectId} data-testid="fic-gitlab-project-id" autoComplete="off" spellCheck={false} onChange={(event) => gitlab({ projectId: event.target.value })} />}
            </Field>
          )}
        </div>
      )}
      {state.kind === "terraform" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Terraform Cloud region (the token's iss)">
            {(props) => (
              <select {...props} className="input" value={state.terraform.issuer} data-testid="fic-terraform-issuer" onChange={(event) => terraform({ issuer: event.target.value === "https://app.eu.terraform.io" ? "https://app.eu.terraform.io" : "https://app.terraform.io" })}>
                <option value="https://app.terraform.io">https://app.terraform.io</option>
                <option value="https://app.eu.terraform.io">https://app.eu.terraform.io</option>
              </select>
            )}
          </Field>
          <Field label="Organisation">
            {(props) => <input {...props} className="input" value={state.terraform.organization} data-testid="fic-terraform-org" autoComplete="off" spellCheck={false} onChange={(event) => terraform({ organization: event.target.value })} />}
          </Field>
          <Field label="Project">
            {(props) => <input {...props} className="input" value={state.terraform.project} data-testid="fic-terraform-project" autoComplete="off" spellCheck={false} onChange={(event) => terraform({ project: event.target.value })} />}
          </Field>
          <Field label="Workspace">
            {(props) => <input {...props} className="input" value={state.terraform.workspace} data-testid="fic-terraform-workspace" autoComplete="off" spellCheck={false} onChange={(event) => terraform({ workspace: event.target.value })} />}
          </Field>
          <Field label="Run phase" hint={state.flexible ? "plan, apply, or a pattern; * for both." : "plan or apply: each needs its own plain credential."}>
            {(props) => <input {...props} className="input" value={state.terraform.runPhase} data-testid="fic-terraform-phase" autoComplete="off" spellCheck={false} onChange={(event) => terraform({ runPhase: event.target.value })} />}
          </Field>
        </div>
      )}
      {state.kind === "kubernetes" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Namespace">
            {(props) => <input {...props} className="input" value={state.kubernetes.namespace} data-testid="fic-k8s-namespace" autoComplete="off" spellCheck={false} onChange={(event) => kubernetes({ namespace: event.target.value })} />}
          </Field>
          <Field label="Service account">
            {(props) => <input {...props} className="input" value={state.kubernetes.serviceAccount} data-testid="fic-k8s-name" autoComplete="off" spellCheck={false} onChange={(event) => kubernetes({ serviceAccount: event.target.value })} />}
          </Field>
        </div>
      )}
      {state.flexible && rules && (
        <p className="text-sm text-muted" data-testid="fic-flexible-claims">
          Claims Entra lets a {rules.label} expression name: {describeAllowedClaims(rules)}
          {rules.required.length > 1 ? `; it must name ${rules.required.map((group) => (group.length > 1 ? `at least one of ${group.join(" or ")}` : group[0] ?? "")).join(", and ")}` : ""}.
        </p>
      )}
      <div className="flex flex-col gap-2">
        {state.flexible ? (
          built.text !== undefined ? (
            <code className="value-mono break-all" data-testid="fic-flexible-expression">
              {built.text}
            </code>
          ) : (
            <p className="text-sm text-danger" data-testid="fic-flexible-expression" data-problem="true">
              {built.problem}
            </p>
          )
        ) : (
          built.text !== undefined ? (
            <>
              <code className="value-mono break-all" data-testid="fic-built-subject">
                {built.text}
              </code>
              {differs && (
                <p className="text-sm text-warn wrap-break-word" data-testid="fic-built-subject-differs" data-aadsts={differs.aadsts} role="status">
                  {differs.message}
                </p>
              )}
            </>
          ) : (
            <p className="text-sm text-danger" data-testid="fic-built-subject" data-problem="true">
              {built.problem}
            </p>
          )
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className="btn-secondary"
            data-testid="fic-use-subject"
            disabled={!built.text}
            onClick={() => {
              if (!built.text) return;
              onUse(state.flexible ? { expression: built.text, issuer: built.issuer } : { subject: built.text, issuer: built.issuer });
              setUsed(built.text);
            }}
          >
            {state.flexible ? "Use this expression" : "Use as the subject"}
          </button>
          <span className="text-sm text-muted" aria-live="polite">
            {used && used === built.text ? (state.flexible ? "Expression set." : "Subject set.") : ""}
          </span>
        </div>
      </div>
    </div>
  );
}
