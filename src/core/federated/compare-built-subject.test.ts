import { describe, expect, it } from "vitest";
import { compareBuiltSubject } from "./compare-built-subject";

const NAME_FORM = "repo:contoso/payments-api:ref:refs/heads/main";
const ID_FORM = "repo:contoso@5544123/payments-api@821093847:ref:refs/heads/main";

describe("compareBuiltSubject: the built subject against the pasted token's sub", () => {
  it("the same string: nothing to say", () => {
    expect(compareBuiltSubject(NAME_FORM, NAME_FORM)).toBeUndefined();
  });
  it("no token, or a sub that is not a string: nothing to compare", () => {
    expect(compareBuiltSubject(NAME_FORM, undefined)).toBeUndefined();
    expect(compareBuiltSubject(NAME_FORM, 42)).toBeUndefined();
  });
  it("a difference in case only is AADSTS7002138, and the token's sub is quoted", () => {
    const difference = compareBuiltSubject(NAME_FORM, "repo:Contoso/Payments-API:ref:refs/heads/main");
    expect(difference?.aadsts).toBe(7002138);
    expect(difference?.message).toContain('"repo:Contoso/Payments-API:ref:refs/heads/main", in case only');
  });
  it("the Kelvin sign is not a capital K (simple case mapping): a plain difference", () => {
    expect(compareBuiltSubject("repo:a/b:environment:Kube", "repo:a/b:environment:\u212Aube")?.aadsts).toBe(700213);
  });
  it("another subject is AADSTS700213; GitHub's other form is named", () => {
    expect(compareBuiltSubject(NAME_FORM, "repo:contoso/other:ref:refs/heads/main")).toMatchObject({ aadsts: 700213 });
    expect(compareBuiltSubject(NAME_FORM, ID_FORM)?.message).toContain("The token's is GitHub's ID form, this is the name form.");
  });
});
