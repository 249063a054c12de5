import { useEffect, useState } from "react";
import { readStoredTheme, THEME_STORAGE_KEY, type Theme } from "./theme-storage";

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
      <span className="max-sm:sr-only">Theme</span>
      <select className="input w-auto" value={theme} data-testid="theme-select" onChange={(event) => setTheme(event.target.value as Theme)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
