// Hours this week, today's activity and top apps; managers and admins first see their team (TeamDashboard).
import { get } from "../api";
import { hm, localDate } from "../format";
import type { TimesheetWeek, UsagePage } from "../models";
import { isManager, useMe } from "../session";
import type { Route } from "../router";
import { Empty, ErrorBanner, Loading, useAsync } from "../ui";
import { TeamDashboard } from "./TeamDashboard";
import { usageName } from "../usage";

export function Dashboard({ route }: { route: Route }) {
  const me = useMe();
  if (!isManager(me)) return <MyDay />;
  return (
    <>
      <TeamDashboard route={route} />
      {!route.query.get("person") && (
        <details className="panel">
          <summary>My own time</summary>
          <MyDay />
        </details>
      )}
    </>
  );
}

function MyDay() {
  const me = useMe();
  const week = useAsync(() => get<TimesheetWeek>("/time/timesheets/week"), []);
  const apps = useAsync(() => get<UsagePage>("/activity/usage?by=app&limit=5").then((r) => r.items).catch(() => []), []);
  const today = localDate(new Date(), me.user.timezone);
  const todaySeconds = week.data?.days.find((d) => d.date === today)?.seconds ?? 0;

  return (
    <>
      <ErrorBanner error={week.error} />
      <div className="cards">
        <div className="card"><div className="label">Today</div><div className="value" data-testid="hours-today">{hm(todaySeconds)}</div></div>
        <div className="card"><div className="label">This week</div><div className="value" data-testid="hours-week">{week.data ? hm(week.data.totals.seconds) : "…"}</div></div>
        <div className="card"><div className="label">Billable this week</div><div className="value">{week.data ? hm(week.data.totals.billable_seconds) : "…"}</div></div>
        <div className="card"><div className="label">Timesheet</div><div className="value" style={{ fontSize: 18 }}>{week.data?.timesheet.status ?? "…"}</div></div>
      </div>
      {week.data && (
        <section className="panel" aria-label="This week by day">
          <h3>This week</h3>
          {week.data.days.map((d) => {
            const pct = Math.min(100, (d.seconds / (10 * 3600)) * 100);
            return (
              <div key={d.date} className="row" style={{ alignItems: "center", marginBottom: 6 }}>
                <span style={{ width: 100 }}>{d.date}</span>
                <div className="bar" style={{ flex: 1 }}><div style={{ width: `${pct}%` }} /></div>
                <span style={{ width: 50, textAlign: "right" }}>{hm(d.seconds)}</span>
              </div>
            );
          })}
        </section>
      )}
      <section className="panel">
        <h3>Top apps</h3>
        {apps.loading ? <Loading /> : apps.data?.length ? (
          <ul>{apps.data.map((a, i) => <li key={i}>{usageName("app", a.name)} — {hm(a.seconds)}</li>)}</ul>
        ) : <Empty>No activity recorded yet. The desktop agent sends it once you consent.</Empty>}
      </section>
    </>
  );
}
