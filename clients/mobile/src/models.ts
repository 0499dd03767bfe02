// The API's shapes, from the types generated out of each function's OpenAPI document (clients/web/src/generated,
// `npm run types` in clients/web). Type-only imports: nothing of the web app is bundled into the mobile app.
import type { components as AttendanceC } from "../../web/src/generated/attendance";
import type { components as AuthC } from "../../web/src/generated/auth";
import type { components as FinanceC } from "../../web/src/generated/finance";
import type { components as MessagingC } from "../../web/src/generated/messaging";
import type { components as ProjectsC } from "../../web/src/generated/projects";
import type { components as TimeC } from "../../web/src/generated/time";

type Auth = AuthC["schemas"];
type Finance = FinanceC["schemas"];
type Attendance = AttendanceC["schemas"];
type Messaging = MessagingC["schemas"];
type Projects = ProjectsC["schemas"];
type Time = TimeC["schemas"];

export type Me = Auth["MeOut"];
export type LoginOut = Auth["LoginOut"];
export type SignedIn = Auth["SignedIn"];
export type Tokens = Auth["Tokens"];
export type Agreement = Auth["Agreement"];

export type Entry = Time["Entry"];
export type TimerOut = Time["TimerOut"];
export type EntryIn = Time["EntryIn"];
export type ListedEntry = Time["ListedEntry"];
export type WeekOut = Time["WeekOut"];

export type Status = Attendance["Status"];
export type ClockInOut = Attendance["ClockInOut"];
export type Geofence = Attendance["Geofence"];
export type Shift = Attendance["Shift"];
export type Balance = Attendance["Balance"];
export type LeaveType = Attendance["LeaveType"];
export type LeaveRequest = Attendance["LeaveRequest"];
export type PointIn = Attendance["PointIn"];
export type Location = Attendance["Location"];

export type Project = Projects["Project"];
export type Task = Projects["Task"];

export type Notification = Messaging["Notification"];
export type ChannelListItem = Messaging["ChannelListItem"];
export type Message = Messaging["Message"];

export interface Page<T> {
  items: T[];
  has_more: boolean;
  next_offset: number | null;
}

export type Expense = Finance["Expense"];
export type ExpenseCategory = Finance["Category"];
