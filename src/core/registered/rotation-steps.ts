/**
 * The order that rotates a credential without an outage: add the new one beside the old (Entra accepts
 * every registered, valid credential), deploy it, prove it works, then remove the old one. Commands:
 * az ad app credential reset --append keeps the others (without it they are all removed) and
 * az ad app credential delete --key-id removes one
 * (https://learn.microsoft.com/cli/azure/ad/app/credential).
 */
import { shellQuote } from "../recipes/shell-quote";

export interface RotationStep {
  title: string;
  detail: string;
  command?: string;
}

const idArgument = (appId: string) => (appId.trim() === "" ? "<appId>" : shellQuote(appId.trim()));

export function certificateRotationSteps(options: { appId: string; oldKeyId: string; newThumbprint?: string; newNotAfter?: string }): RotationStep[] {
  const id = idArgument(options.appId);
  const oldKeyId = options.oldKeyId === "" ? "<old keyId>" : shellQuote(options.oldKeyId);
  return [
    { title: "Add the new certificate beside the old one", detail: "Upload server.crt (the portal's Upload certificate, or this command); --append keeps the old one working meanwhile.", command: `az ad app credential reset --id ${id} --cert "@server.crt" --append` },
    { title: "Deploy the new key and thumbprint", detail: `Give your app server.pem and the thumbprint ${options.newThumbprint ?? "shown above"} (step 3's snippet already uses them).` },
    { title: "Test the token request with it", detail: "Under Check and troubleshoot, send the token request: it is signed with the new key. Wait a few minutes after the upload if it says AADSTS700027." },
    { title: "Remove the old certificate", detail: "Only once every instance of your app uses the new one.", command: `az ad app credential delete --id ${id} --key-id ${oldKeyId} --cert` },
    { title: "Set a reminder for the new expiry", detail: `The new certificate expires ${options.newNotAfter ? options.newNotAfter.slice(0, 10) : "when its validity ends"}: save the calendar reminder (Recipes) to rotate again 30 days before.` },
  ];
}

export function secretRotationSteps(options: { appId: string; oldKeyId: string; displayName?: string; endDate: string }): RotationStep[] {
  const id = idArgument(options.appId);
  const name = shellQuote(options.displayName?.trim() ? `${options.displayName.trim()} (next)` : "next");
  const oldKeyId = options.oldKeyId === "" ? "<old keyId>" : shellQuote(options.oldKeyId);
  return [
    { title: "Add a new secret beside the old one", detail: "az prints the new secret's value once (password): store it where your app reads it (e.g. AZURE_CLIENT_SECRET in your vault). This page never sees it.", command: `az ad app credential reset --id ${id} --append --display-name ${name} --end-date ${options.endDate}` },
    { title: "Deploy the new secret", detail: "Update the secret your app reads, everywhere it runs." },
    { title: "Test the token request with it", detail: "Paste it into the token panel (Client secret) and send the request, or test from your app." },
    { title: "Delete the old secret", detail: "Once nothing uses it.", command: `az ad app credential delete --id ${id} --key-id ${oldKeyId}` },
  ];
}
