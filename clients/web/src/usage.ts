// Labels and empty states of the app and website usage panels (kept apart from the pages so they are unit-tested).

/** Where people get the browser extension (the downloads page served by the platform). */
export const EXTENSION_HREF = "/downloads#browser-extension";

/** A usage row's label: a nameless app is time whose window the platform could not read, not an app called "". */
export function usageName(by: "app" | "domain", name: string): string {
  if (name.trim()) return name;
  return by === "app" ? "Unknown app (window not readable)" : "Unknown website";
}

/** The empty state of a usage panel: websites come only from the browser extension, apps from the desktop agent. */
export function usageEmpty(by: "app" | "domain", self: boolean, person = false): string {
  const who = self ? "you have" : person ? "this person has" : "nobody you can see has";
  return by === "domain"
    ? `No website data: ${who} not sent any from the WorkMonitor browser extension in this range.`
    : `No apps recorded: ${who} not sent activity from the WorkMonitor desktop agent in this range.`;
}
