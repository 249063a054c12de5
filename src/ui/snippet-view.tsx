import type { Recipe } from "@/core/recipes/recipe";
import { CodeBlock } from "./code-block";
import { CopyButton } from "./copy-button";

interface SnippetViewProps {
  snippet: Pick<Recipe, "id" | "title" | "description" | "code">;
  /** The heading level that fits where the snippet stands in the page's outline (axe: heading-order). */
  heading: "h3" | "h5";
}

/** A recipe's title, copy button, description and code: step 3's snippet and each entry of the recipes panel. */
export function SnippetView({ snippet, heading: Heading }: SnippetViewProps) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="font-medium">{snippet.title}</Heading>
        <CopyButton text={snippet.code} label={snippet.title} testId={`copy-recipe-${snippet.id}`} />
      </div>
      <p className="text-xs text-muted">{snippet.description}</p>
      <CodeBlock label={snippet.title} testId={`recipe-${snippet.id}`} code>
        {snippet.code}
      </CodeBlock>
    </div>
  );
}
