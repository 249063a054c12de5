import { describe, expect, it } from "vitest";
import { defaultScopeOfResource, resourceFromScope, toDefaultScope } from "./default-scope";

describe("the /.default scope (Microsoft identity platform, \"The /.default scope\")", () => {
  it("strips only a trailing /.default", () => {
    expect(resourceFromScope("https://graph.microsoft.com/.default")).toBe("https://graph.microsoft.com");
    expect(resourceFromScope("https://graph.microsoft.com/")).toBe("https://graph.microsoft.com/");
    expect(resourceFromScope("api://x/.default/y")).toBe("api://x/.default/y");
  });

  it("adds /.default once, without doubling a trailing slash, and trims", () => {
    expect(toDefaultScope("https://graph.microsoft.com")).toBe("https://graph.microsoft.com/.default");
    expect(toDefaultScope(" https://graph.microsoft.com/ ")).toBe("https://graph.microsoft.com/.default");
    expect(toDefaultScope("api://my-api/.default")).toBe("api://my-api/.default");
    expect(toDefaultScope("00000003-0000-0000-c000-000000000000")).toBe("00000003-0000-0000-c000-000000000000/.default");
  });

  it("reads the whole resource's /.default from a permission or a list, and nothing from a bare name", () => {
    expect(defaultScopeOfResource("https://graph.microsoft.com/User.Read")).toBe("https://graph.microsoft.com/.default");
    expect(defaultScopeOfResource("https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.Send")).toBe("https://graph.microsoft.com/.default");
    expect(defaultScopeOfResource("api://my-api/access_as_user")).toBe("api://my-api/.default");
    expect(defaultScopeOfResource("User.Read")).toBeUndefined();
  });
});
