import { toMinor } from "../src/screens/Expenses";

test("amounts typed with a dot or a comma become exact minor units", () => {
  expect(toMinor("12.5")).toBe(1250);
  expect(toMinor("12,50")).toBe(1250);
  expect(toMinor("0.07")).toBe(7);
  expect(toMinor(" 1999 ")).toBe(199900);
  expect(toMinor("0.1")).toBe(10); // never 0.1 * 100 = 10.000000000000002
  for (const bad of ["", "12.505", "-3", "1e3", "12.5.1", "abc"]) expect(toMinor(bad)).toBeNull();
});
