/**
 * Which registered secret the secret typed in the token panel can be. Graph keeps only a secret's
 * first three characters (`hint`, passwordCredential resource type), so a match by hint is a
 * candidate, not proof; several secrets may share a hint and are all listed. None: AADSTS7000215
 * ("Invalid client secret provided"); only an expired one: AADSTS7000222. A value equal to a keyId is
 * the secret's ID, which is what people paste by mistake (AADSTS7000215 says so).
 */
import { describeRegisteredStatus, isUsableNow } from "./registered-status";
import type { RegisteredSecret } from "./registered-credential";
import { nameRow, type RegisteredVerdict } from "./registered-verdict";

export function judgeSecret(secret: string, rows: readonly RegisteredSecret[], now: Date): RegisteredVerdict {
  const value = secret.trim();
  const asKeyId = rows.find((row) => row.keyId !== "" && row.keyId.toLowerCase() === value.toLowerCase());
  if (asKeyId) {
    return {
      verdict: "no-match",
      aadsts: 7000215,
      message: `What the token panel holds is the secret's ID (keyId of ${nameRow(asKeyId)}), not its value: Entra answers AADSTS7000215. Paste the Value shown once when the secret was made; if it is lost, add a new secret.`,
      matchedKeyIds: [],
    };
  }
  const prefix = value.slice(0, 3);
  const candidates = rows.filter((row) => row.hint !== undefined && row.hint === prefix);
  const usable = candidates.filter((row) => isUsableNow(row, now));
  const withoutHint = rows.filter((row) => row.hint === undefined).length;
  if (usable.length > 0) {
    const several = usable.length > 1 ? ` ${String(usable.length)} secrets start with "${prefix}"; it is one of them.` : "";
    return {
      verdict: "match",
      message: `The secret starts like ${usable.map(nameRow).join(", ")} (hint "${prefix}"). Graph keeps only the first three characters, so Entra alone can confirm the rest.${several}`,
      matchedKeyIds: usable.map((row) => row.keyId),
    };
  }
  const expired = candidates.filter((row) => describeRegisteredStatus(row, now).status === "expired");
  if (expired.length > 0) {
    return {
      verdict: "expired",
      aadsts: 7000222,
      message: `The secret starts like ${expired.map(nameRow).join(", ")}, which has expired: Entra answers AADSTS7000222. Add a new secret (az ad app credential reset --id <appId> --append), use it, then delete the old one.`,
      matchedKeyIds: expired.map((row) => row.keyId),
    };
  }
  const noHintNote = withoutHint > 0 ? ` ${String(withoutHint)} secret${withoutHint === 1 ? " has" : "s have"} no hint in the paste and could not be compared.` : "";
  return {
    verdict: "no-match",
    aadsts: 7000215,
    message: `No registered secret starts with "${prefix}" (their hints: ${rows.map((row) => (row.hint === undefined ? "none" : `"${row.hint}"`)).join(", ") || "none"}): Entra answers AADSTS7000215. Check you copied the Value (not the Secret ID) of this app's secret.${noHintNote}`,
    matchedKeyIds: [],
  };
}
