import { useEffect, useState } from "react";
import { Select, type SelectOption } from "./select-field";
import { readStoredTheme, THEME_STORAGE_KEY, type Theme } from "./theme-storage";

const THEME_OPTIONS: readonly SelectOption<Theme>[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Light, dark or the system's choice; applied as data-theme on <html>. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(readStoredTheme);
  useEffect(() => {
    if (theme === "system") {
      document.documentElement.removeAttribute("data-theme");
      localStorage.removeItem(THEME_STORAGE_KEY);
    } else {
      document.documentElement.setAttribute("data-theme", theme);
      localStorage.setItem(THEME_STORAGE_KEY, theme);
    }
  }, [theme]);
  return (
    <label className="flex shrink-0 items-center gap-2 text-sm">
      {/* The label stays visible on phones too: a bare "System" does not say what it chooses. */}
      <span>Theme</span>
      <Select className="input w-auto" value={theme} options={THEME_OPTIONS} testId="theme-select" onChange={setTheme} />
    </label>
  );
}
