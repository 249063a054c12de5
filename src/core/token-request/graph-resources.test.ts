import { describe, expect, it } from "vitest";
import { graphCloudOf, graphDefaultScopeFor, scopeCloudMismatch } from "./graph-resources";

describe("Microsoft Graph per cloud (Graph national cloud deployments)", () => {
  it.each([
    ["public", "https://graph.microsoft.com/.default"],
    ["usgov", "https://graph.microsoft.us/.default"],
    ["china", "https://microsoftgraph.chinacloudapi.cn/.default"],
    ["custom", undefined],
  ] as const)("graphDefaultScopeFor(%s) = %s", (cloud, scope) => {
    expect(graphDefaultScopeFor(cloud)).toBe(scope);
  });

  it("knows which cloud a Graph scope or resource belongs to", () => {
    expect(graphCloudOf("https://graph.microsoft.com/.default")).toBe("public");
    expect(graphCloudOf("https://dod-graph.microsoft.us/")).toBe("usgov");
    expect(graphCloudOf("https://MicrosoftGraph.chinacloudapi.cn")).toBe("china");
    expect(graphCloudOf("api://x/.default")).toBeUndefined();
  });

  it("warns when the scope is another cloud's Graph and offers this cloud's, in the version's shape", () => {
    const usgov = scopeCloudMismatch({ cloud: "usgov", scope: "https://graph.microsoft.com/.default", version: "v2.0" });
    expect(usgov?.fix).toEqual({ label: "Use https://graph.microsoft.us/.default", value: "https://graph.microsoft.us/.default" });
    expect(usgov?.message).toMatch(/US Government/);
    expect(scopeCloudMismatch({ cloud: "china", scope: "https://graph.microsoft.com", version: "v1" })?.fix.value).toBe("https://microsoftgraph.chinacloudapi.cn");
    expect(scopeCloudMismatch({ cloud: "public", scope: "https://graph.microsoft.us/.default", version: "v2.0" })?.fix.value).toBe("https://graph.microsoft.com/.default");
  });

  it("says nothing for a matching Graph, DoD Graph in US Government, another API or a custom authority", () => {
    expect(scopeCloudMismatch({ cloud: "usgov", scope: "https://graph.microsoft.us/.default", version: "v2.0" })).toBeUndefined();
    expect(scopeCloudMismatch({ cloud: "usgov", scope: "https://dod-graph.microsoft.us/.default", version: "v2.0" })).toBeUndefined();
    expect(scopeCloudMismatch({ cloud: "usgov", scope: "api://my-api/.default", version: "v2.0" })).toBeUndefined();
    expect(scopeCloudMismatch({ cloud: "custom", scope: "https://graph.microsoft.com/.default", version: "v2.0" })).toBeUndefined();
  });
});
