// Every page of the app with who may see it. A page appears only when its API exists.
import type { ComponentType } from "react";
import type { Route } from "../router";
import { ApiReference } from "./ApiReference";
import { ApiTokens } from "./ApiTokens";
import { Alerts } from "./Alerts";
import { Attendance } from "./Attendance";
import { AuditLog } from "./AuditLog";
import { Downloads } from "./Downloads";
import { Billing } from "./Billing";
import { Chat } from "./Chat";
import { Dashboard } from "./Dashboard";
import { Entries } from "./Entries";
import { Expenses, Invoices, Payouts, Payroll } from "./Finance";
import { Imports } from "./Imports";
import { Insights } from "./Insights";
import { Integrations } from "./Integrations";
import { Notifications } from "./Notifications";
import { Privacy } from "./Privacy";
import { Projects } from "./Projects";
import { ReportBuilder } from "./ReportBuilder";
import { Reports } from "./Reports";
import { Screenshots } from "./Screenshots";
import { Security } from "./Security";
import { Settings } from "./Settings";
import { Team } from "./Team";
import { Timesheets } from "./Timesheets";
import { Webhooks } from "./Webhooks";
import { WorkTime } from "./WorkTime";

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
  { path: "/report-builder", title: "Report builder", component: ReportBuilder },
  { path: "/screenshots", title: "Screenshots", component: Screenshots },
  { path: "/chat", title: "Chat", component: Chat },
  { path: "/notifications", title: "Notifications", component: Notifications },
  { path: "/payroll", title: "Payroll", component: Payroll },
  { path: "/expenses", title: "Expenses", component: Expenses },
  { path: "/invoices", title: "Invoices", role: "admin", component: Invoices },
  { path: "/payouts", title: "Payouts", component: Payouts },
  { path: "/team", title: "Team", role: "manager", component: Team },
  { path: "/audit", title: "Audit log", role: "admin", component: AuditLog },
  { path: "/downloads", title: "Downloads", component: Downloads },
  { path: "/insights", title: "Insights", component: Insights },
  { path: "/integrations", title: "Integrations", component: Integrations },
  { path: "/alerts", title: "Alerts", role: "admin", component: Alerts },
  { path: "/settings", title: "Settings", component: Settings },
  { path: "/billing", title: "Billing", role: "admin", component: Billing },
  { path: "/api-tokens", title: "API tokens", component: ApiTokens },
  { path: "/webhooks", title: "Webhooks", role: "admin", component: Webhooks },
  { path: "/imports", title: "Import", role: "admin", component: Imports },
  { path: "/api", title: "API reference", component: ApiReference },
  { path: "/security", title: "Security", component: Security },
  { path: "/privacy", title: "Privacy", component: Privacy },
  { path: "/working-time", title: "Working time", component: WorkTime },
];
