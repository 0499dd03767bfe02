// The company's people, for pickers and for turning user ids into names (the API returns ids).
import { get } from "./api";
import type { Person, PersonPage, TeamSummary } from "./models";
import { useAsync } from "./ui";

export type { Person } from "./models";

/** Active people the caller may list (everyone for admins/managers); skipped (empty) when `enabled` is false. */
export function usePeople(enabled = true) {
  return useAsync(
    () => (enabled ? get<PersonPage>("/team/users?limit=200").then((r) => r.items) : Promise.resolve([] as Person[])),
    [enabled],
  );
}

/** The person's name, or a short id when they are not in the list (deactivated, or not visible). */
export function nameOf(people: Pick<Person, "id" | "name">[] | null | undefined, id: string | null | undefined): string {
  if (!id) return "—";
  return people?.find((p) => p.id === id)?.name ?? `${id.slice(0, 8)}…`;
}

/** The people a manager or admin looks after (the team summary: exactly a manager's assigned people), themselves first. */
export function useMyPeople(me: { id: string; name: string }, enabled = true) {
  return useAsync(
    () => (enabled ? get<TeamSummary>("/time/team/summary").then((r) => [
      { id: me.id, name: `${me.name} (me)` }, ...r.items.map((m) => ({ id: m.user_id, name: m.name })),
    ]) : Promise.resolve([{ id: me.id, name: me.name }])),
    [enabled, me.id],
  );
}
