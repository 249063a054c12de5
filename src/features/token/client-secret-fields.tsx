import { useState } from "react";
import { checkClientSecret } from "@/core/client-secret/check-client-secret";
import { buildSecretRecipes } from "@/core/client-secret/secret-recipes";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { Field } from "@/ui/field";

/**
 * The client secret's value: a password field with show/hide, what is wrong with it before it is
 * sent, and code that reads it from the environment. The value stays in memory only.
 */
export function ClientSecretFields({ revealed, onRevealedChange, tokenEndpoint }: { revealed: boolean; onRevealedChange: (revealed: boolean) => void; tokenEndpoint?: string }) {
  const clientSecret = useWorkbenchStore((state) => state.clientSecret);
  const setClientSecret = useWorkbenchStore((state) => state.setClientSecret);
  const settings = useWorkbenchStore((state) => state.settings);
  const [showRecipes, setShowRecipes] = useState(false);
  const problems = clientSecret === "" ? [] : checkClientSecret(clientSecret);
  const authorityOrigin = tokenEndpoint ? new URL(tokenEndpoint).origin : "https://login.microsoftonline.com";
  const recipes = showRecipes
    ? buildSecretRecipes({ tenant: settings.tenant, clientId: settings.clientId, authorityOrigin, tokenEndpoint: tokenEndpoint ?? `${authorityOrigin}/<tenant>/oauth2/v2.0/token`, scope: settings.scope })
    : [];
  return (
    <div className="flex flex-col gap-3">
      <Field label="Client secret (its Value, not its Secret ID)" hint="Kept in this tab's memory only: never stored, never in the address bar; sent only when you press Send, through the local proxy.">
        {(props) => (
          <div className="flex items-center gap-2">
            <input
              {...props}
              className="input flex-1 font-mono"
              type={revealed ? "text" : "password"}
              value={clientSecret}
              data-testid="client-secret-input"
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setClientSecret(event.target.value)}
            />
            {/* One width for Show and Hide: the field beside it must not change size when it is pressed. */}
            <button type="button" className="btn-secondary w-20 shrink-0 text-center" aria-pressed={revealed} data-testid="client-secret-toggle" onClick={() => onRevealedChange(!revealed)}>
              {revealed ? "Hide" : "Show"}
            </button>
          </div>
        )}
      </Field>
      {problems.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm text-warn" data-testid="client-secret-warnings" aria-live="polite">
          {problems.map((problem) => (
            <li key={problem.code} data-code={problem.code} className="flex flex-wrap items-center gap-2">
              <span>{problem.message}</span>
              {problem.code === "secret_has_whitespace" && (
                <button type="button" className="btn-secondary" data-testid="client-secret-trim" onClick={() => setClientSecret(clientSecret.trim())}>
                  Trim the whitespace
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <details data-testid="secret-recipes" onToggle={(event) => setShowRecipes(event.currentTarget.open)}>
        <summary className="cursor-pointer font-medium">Code that uses a client secret (read from an environment variable)</summary>
        <div className="mt-3 flex flex-col gap-4">
          {recipes.map((recipe) => (
            <div key={recipe.id} className="flex flex-col gap-2" data-testid={`recipe-${recipe.id}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h4 className="font-medium">{recipe.title}</h4>
                <CopyButton text={recipe.code} label={recipe.title} />
              </div>
              <p className="text-sm text-muted">{recipe.description}</p>
              <CodeBlock label={recipe.title}>{recipe.code}</CodeBlock>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
