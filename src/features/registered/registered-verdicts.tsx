import type { ReactNode } from "react";

export type VerdictKind = "certificate" | "secret" | "federated" | "policy";

const verdictStyle: Record<string, string> = { match: "text-ok", within: "text-ok", "no-match": "text-danger", expired: "text-danger", exceeds: "text-danger" };
const title: Record<VerdictKind, string> = {
  certificate: "Certificate",
  secret: "Client secret",
  federated: "External token",
  policy: "Policy",
};

/** One verdict line: what the page holds against what is registered (registered-verdict-<kind>, data-verdict). */
export function VerdictLine({ kind, verdict, children }: { kind: VerdictKind; verdict: string; children: ReactNode }) {
  return (
    <div className="text-sm [overflow-wrap:anywhere]" data-testid={`registered-verdict-${kind}`} data-verdict={verdict}>
      <span className="font-medium">{title[kind]}: </span>
      <span className={`font-medium ${verdictStyle[verdict] ?? ""}`}>{children}</span>
    </div>
  );
}
