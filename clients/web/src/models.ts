// The API's shapes, from the types generated out of each function's OpenAPI document and the event catalogue
// (src/generated/, `npm run types`). Pages import these names instead of declaring response shapes by hand.
// Names that two functions share (User, Settings, Member...) get the function's prefix here.
// Wire dialect: timestamps are RFC 3339 UTC strings (compare with Date, never textually), dates YYYY-MM-DD,
// decimals strings ("5.0", "40.00"; Number() before arithmetic), clock times "08:00:00".
import type { components as ActivityC } from "./generated/activity";
import type { components as AttendanceC } from "./generated/attendance";
import type { components as AuthC } from "./generated/auth";
import type { components as BillingC } from "./generated/billing";
import type { components as EventsC } from "./generated/events";
import type { components as IntegrationsC } from "./generated/integrations";
import type { components as MediaC } from "./generated/media";
import type { components as MessagingC } from "./generated/messaging";
import type { components as ProjectsC } from "./generated/projects";
import type { components as PublishC } from "./generated/publish";
import type { components as ReportsC } from "./generated/reports";
import type { components as TeamC } from "./generated/team";
import type { components as TimeC } from "./generated/time";

type Activity = ActivityC["schemas"];
type Attendance = AttendanceC["schemas"];
type Auth = AuthC["schemas"];
type Integrations = IntegrationsC["schemas"];
type Media = MediaC["schemas"];
type Messaging = MessagingC["schemas"];
type Projects = ProjectsC["schemas"];
type Reports = ReportsC["schemas"];
type Team = TeamC["schemas"];
type Time = TimeC["schemas"];

// auth: the signed-in user (/auth/me) and tokens
export type Me = Auth["MeOut"];
export type User = Auth["User"];
export type Company = Auth["Company"];
export type PairingCode = Auth["PairingCode"];
export type Tokens = Auth["Tokens"];
export type SignedIn = Auth["SignedIn"];
export type LoginOut = Auth["LoginOut"];
export type SignupOut = Auth["SignupOut"];
export type InvitationPreview = Auth["InvitationPreview"];

// team: people, invitations, consent agreements
export type Person = Team["User"];
export type PersonPage = Team["Page_User_"];
export type InvitationPage = Team["Page_Invitation_"];
export type Agreement = Team["Agreement"];
export type Agreements = Team["Agreements"];
export type AssignmentPage = Team["Page_Assignment_"];
export type TeamOut = Team["TeamOut"];

// projects
export type Project = Projects["Project"];
export type ProjectOut = Projects["ProjectOut"];
export type ProjectPage = Projects["Page_Project_"];
export type Budget = Projects["Budget"];
export type BudgetOut = Projects["BudgetOut"];
export type Client = Projects["Client"];
export type ClientPage = Projects["Page_Client_"];
export type Task = Projects["Task"];
export type TaskPage = Projects["Page_Task_"];
export type Member = Projects["Member"];
export type Members = Projects["Members"];

// time: entries, the timer, timesheets, reports, settings
export type Entry = Time["Entry"];
export type ListedEntry = Time["ListedEntry"];
export type EntryPage = Time["EntryPage"];
export type RunningEntryPage = Time["Page_RunningEntry_"];
export type TimerOut = Time["TimerOut"];
export type StartOut = Time["StartOut"];
export type Timesheet = Time["Timesheet"];
export type TimesheetPage = Time["Page_Timesheet_"];
export type TimesheetWeek = Time["WeekOut"];
export type TimeSummary = Time["SummaryOut"];
export type TimeSettings = Time["Settings"];
export type TimeSettingsOut = Time["SettingsOut"];
export type TeamSummary = Time["TeamSummary"];
export type TeamMember = Time["TeamMember"];

// attendance: clock, records, shifts, leave, geofences, settings
export type AttendanceStatus = Attendance["Status"];
export type AttendanceRecord = Attendance["Record"];
export type ListedRecordPage = Attendance["Page_ListedRecord_"];
export type AttendanceDays = Attendance["Days"];
export type Shift = Attendance["Shift"];
export type ShiftAttendance = Attendance["ShiftAttendance"];
export type ShiftPage = Attendance["Page_Shift_"];
export type Geofence = Attendance["Geofence"];
export type GeofencePage = Attendance["Page_Geofence_"];
export type LeaveType = Attendance["LeaveType"];
export type LeaveTypePage = Attendance["Page_LeaveType_"];
export type LeaveBalances = Attendance["Balances"];
export type LeaveRequest = Attendance["LeaveRequest"];
export type LeaveRequestPage = Attendance["Page_LeaveRequest_"];
export type AttendanceSettings = Attendance["Settings"];
export type AttendanceSettingsOut = Attendance["SettingsOut"];

// activity: usage, daily totals, productivity, rules
export type UsagePage = Activity["UsagePage"];
export type DailyTotals = Activity["DailyTotals"];
export type ProductivityReport = Activity["ProductivityReport"];
export type DailyProductivity = Activity["DailyProductivity"];
export type Rule = Activity["Rule"];
export type RulePage = Activity["Page_Rule_"];
export type ActivityTimeline = Activity["Timeline"];

// media
export type Screenshot = Media["Screenshot"];
export type ScreenshotPage = Media["Page_Screenshot_"];
export type MediaSettings = Media["MediaSettings"];
export type MediaSettingsOut = Media["SettingsOut"];
export type Recording = Media["Recording"];
export type RecordingPage = Media["Page_Recording_"];
export type RecordingDetail = Media["RecordingDetail"];

// messaging: chat and notifications
export type Channel = Messaging["Channel"];
export type ChannelOut = Messaging["ChannelOut"];
export type ChannelCreated = Messaging["ChannelCreated"];
export type ChannelPage = Messaging["Page_ChannelListItem_"];
export type Message = Messaging["Message"];
export type MessageOut = Messaging["MessageOut"];
export type MessagePage = Messaging["MessagePage"];
export type NotificationPage = Messaging["NotificationPage"];
export type UnreadCount = Messaging["UnreadCount"];

// billing: the company's subscription (admins) and entitlement (the banner)
export type BillingOverview = BillingC["schemas"]["BillingOverview"];
export type Entitlement = BillingC["schemas"]["Entitlement"];
export type RedirectOut = BillingC["schemas"]["RedirectOut"];
export type StripeInvoicePage = BillingC["schemas"]["StripeInvoicePage"];
export type CompanyStripeOut = BillingC["schemas"]["CompanyStripeOut"];
export type PayLinkOut = BillingC["schemas"]["PayLinkOut"];

// publish
export type Presence = PublishC["schemas"]["Presence"];

// WebSocket events (the event catalogue): name -> payload
export type ServerEvents = EventsC["schemas"]["WorkMonitorEvents"]["server"];
export type ServerEvent = keyof ServerEvents;

// settings, audit log, onboarding, notifications (ui-pages)
export type ChannelListItem = Messaging["ChannelListItem"];
export type Badges = Messaging["Badges"];
export type AppNotification = Messaging["Notification"];
export type NotificationPrefs = Messaging["PrefsDetail"];
export type NotificationPrefsOut = Messaging["PrefsOut"];
export type AuditRow = Team["AuditRow"];
export type AuditPage = Team["Page_AuditRow_"];
export type AuditActions = Team["AuditActions"];
export type CompanyProfile = Team["Company"];
export type CompanyOut = Team["CompanyOut"];
export type InvitationList = Team["Page_Invitation_"];
// reports: the report builder, exports, saved reports, share links, API tokens, webhooks
export type ReportIn = Reports["ReportIn"];
export type ReportOut = Reports["ReportOut"];
export type ReportGroup = Reports["SubGroup"];
export type SavedReport = Reports["SavedReport"];
export type SavedPage = Reports["SavedPage"];
export type ExportJob = Reports["Export"];
export type ExportOut = Reports["ExportOut"];
export type SharedView = Reports["SharedView"];
export type ApiToken = Reports["ApiToken"];
export type TokenPage = Reports["TokenPage"];
export type TokenCreated = Reports["TokenCreated"];
export type Webhook = Reports["Webhook"];
export type WebhookPage = Reports["WebhookPage"];
export type WebhookCreated = Reports["WebhookCreated"];
export type DeliveryPage = Reports["DeliveryPage"];
export type EventList = Reports["EventList"];
// finance: payroll, expenses, invoices, payouts
import type { components as FinanceC } from "./generated/finance";
type Finance = FinanceC["schemas"];
export type FinanceSettings = Finance["FinanceSettings"];
export type FinanceSettingsOut = Finance["SettingsOut"];
export type WageRate = Finance["WageRate"];
export type PayrollRun = Finance["Run"];
export type PayrollRunPage = Finance["RunPage"];
export type PayrollSummary = Finance["SummaryOut"];
export type PayLine = Finance["PayLine"];
export type PayLines = Finance["LinesOut"];
export type Payslip = Finance["Payslip"];
export type PayslipPage = Finance["PayslipPage"];
export type ExpenseCategory = Finance["Category"];
export type ExpenseCategories = Finance["CategoriesOut"];
export type Expense = Finance["Expense"];
export type ExpensePage = Finance["ExpensePage"];
export type Invoice = Finance["Invoice"];
export type InvoiceOut = Finance["InvoiceOut"];
export type InvoicePage = Finance["InvoicePage"];
export type Contract = Finance["Contract"];
export type ContractOut = Finance["ContractOut"];
export type ContractPage = Finance["ContractPage"];
export type PayoutRow = Finance["PayoutRow"];
export type PayoutPage = Finance["PayoutPage"];
export type UrlOut = Finance["UrlOut"];
export type ImportPreview = Reports["ImportPreview"];
export type ImportJob = Reports["ImportJob"];
export type ImportOut = Reports["ImportOut"];
// integrations: calendar connections, suggested entries, security alerts
export type CalendarConnection = Integrations["Connection"];
export type CalendarConnectionList = Integrations["ConnectionList"];
export type CalendarConnectionOut = Integrations["ConnectionOut"];
export type OAuthStart = Integrations["OAuthStart"];
export type CalendarSuggestion = Integrations["Suggestion"];
export type CalendarSuggestionPage = Integrations["SuggestionPage"];
export type SecurityAlert = Integrations["Alert"];
export type SecurityAlertPage = Integrations["AlertPage"];
export type Insights = Integrations["Insights"];
export type InsightsOut = Integrations["InsightsOut"];
export type TeamInsights = Integrations["TeamInsights"];
export type NarrativeOut = Integrations["NarrativeOut"];
export type AiSettingsOut = Integrations["AiSettingsOut"];
export type AiRequestPage = Integrations["AiRequestPage"];
