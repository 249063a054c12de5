import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs` while `active`, so relative times such as
 * "expires in 9 min" stay true. Undefined until the first tick (callers then use the time of
 * their own data).
 */
export function useNow(active: boolean, intervalMs = 5_000): Date | undefined {
  const [now, setNow] = useState<Date | undefined>(undefined);
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
  return active ? now : undefined;
}
