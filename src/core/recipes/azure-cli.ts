/** The Azure CLI: upload the certificate to the app, and sign in as the app with it. */
import type { Cloud } from "../../entra/clouds";
import { shellQuote } from "./shell-quote";
import type { Recipe, RecipeContext } from "./recipe";

/** `az cloud set` names (Azure CLI "Azure cloud management"). */
const AZ_CLOUD_NAMES: Readonly<Record<Exclude<Cloud, "custom">, string>> = {
  public: "AzureCloud",
  usgov: "AzureUSGovernment",
  china: "AzureChinaCloud",
};

/** Lines that switch the Azure CLI to the chosen cloud (nothing for the public cloud, which is the default). */
function azCloudLines(cloud: Cloud): string[] {
  if (cloud === "public") return [];
  if (cloud === "custom") return ["# A custom authority: register it with az cloud register, then az cloud set --name <that name>"];
  return [`az cloud set --name ${AZ_CLOUD_NAMES[cloud]}`];
}

export function azureCliRecipes(context: RecipeContext): Recipe[] {
  const { tenant, clientId, inCloud } = context;
  const { cloud, includeX5c } = context.inputs;
  return [
    {
      id: "az-cli",
      group: "upload",
      title: "Upload with the Azure CLI",
      language: "shell",
      description: `--append keeps the app's other credentials; without it they are all removed.${inCloud}`,
      code: [...azCloudLines(cloud), `az ad app credential reset --id ${shellQuote(clientId)} --cert "@server.crt" --append`].join("\n"),
    },
    {
      id: "az-login",
      group: "upload",
      title: "Sign in to the Azure CLI as the app",
      language: "shell",
      description:
        "Uses the PEM holding the key and the certificate (Certificate panel → server-with-key.pem). Azure CLI versions without --certificate take the file as --password (-p)." +
        (includeX5c ? " --use-cert-sn-issuer sends the certificate for subject name and issuer (SNI) trust." : "") +
        inCloud,
      code: [
        ...azCloudLines(cloud),
        `az login --service-principal --username ${shellQuote(clientId)} --tenant ${shellQuote(tenant)} --certificate server-with-key.pem${includeX5c ? " --use-cert-sn-issuer" : ""}`,
      ].join("\n"),
    },
  ];
}
