// A tiny hash router: #/path?query. No dependency needed for a dozen pages.
import { useEffect, useState } from "react";

export interface Route {
  path: string;
  query: URLSearchParams;
}

function current(): Route {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = hash.split("?");
  return { path: path || "/", query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const on = () => setRoute(current());
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** Read an invitation/reset token from the hash query or from a real ?token= (links in emails). */
export function tokenFromUrl(route: Route): string {
  return route.query.get("token") ?? new URLSearchParams(window.location.search).get("token") ?? "";
}
