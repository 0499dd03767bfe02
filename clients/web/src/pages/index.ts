// Every page of the app with who may see it. A page appears only when its API exists.
import type { ComponentType } from "react";
import type { Route } from "../router";
import { Alerts } from "./Alerts";
import { Attendance } from "./Attendance";
import { Chat } from "./Chat";
import { Dashboard } from "./Dashboard";
import { Entries } from "./Entries";
import { Insights } from "./Insights";
import { Integrations } from "./Integrations";
import { Notifications } from "./Notifications";
import { Projects } from "./Projects";
import { Reports } from "./Reports";
import { Screenshots } from "./Screenshots";
import { Settings } from "./Settings";
import { Team } from "./Team";
import { Timesheets } from "./Timesheets";

export interface PageDef {
  path: string;
  title: string;
  role?: "manager" | "admin";
  component: ComponentType<{ route: Route }>;
}

export const PAGES: PageDef[] = [
  { path: "/", title: "Dashboard", component: Dashboard },
  { path: "/entries", title: "Time entries", component: Entries },
  { path: "/timesheets", title: "Timesheets", component: Timesheets },
  { path: "/projects", title: "Projects", component: Projects },
  { path: "/attendance", title: "Attendance", component: Attendance },
  { path: "/reports", title: "Reports", component: Reports },
  { path: "/screenshots", title: "Screenshots", component: Screenshots },
  { path: "/chat", title: "Chat", component: Chat },
  { path: "/notifications", title: "Notifications", component: Notifications },
  { path: "/team", title: "Team", role: "manager", component: Team },
  { path: "/insights", title: "Insights", component: Insights },
  { path: "/integrations", title: "Integrations", component: Integrations },
  { path: "/alerts", title: "Alerts", role: "admin", component: Alerts },
  { path: "/settings", title: "Settings", component: Settings },
];
