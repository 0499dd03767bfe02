import { describe, expect, it } from "vitest";
import { notificationLink } from "./pages/Notifications";

describe("notificationLink", () => {
  it("opens the thing each kind is about", () => {
    expect(notificationLink({ kind: "chat_mention", data: { channel_id: "c1", message_id: 5 } })).toBe("/chat?channel=c1");
    expect(notificationLink({ kind: "task_assigned", data: { task_id: "t", project_id: "p1" } })).toBe("/projects?id=p1");
    expect(notificationLink({ kind: "leave_requested", data: { leave_request_id: "l" } })).toBe("/attendance?tab=leave");
    expect(notificationLink({ kind: "leave_decided", data: {} })).toBe("/attendance?tab=leave");
    expect(notificationLink({ kind: "timesheet_submitted", data: { timesheet_id: "s" } })).toBe("/timesheets");
    expect(notificationLink({ kind: "timesheet_rejected", data: {} })).toBe("/timesheets");
  });
  it("falls back to the list page when data is missing, and to nothing for an unknown kind", () => {
    expect(notificationLink({ kind: "chat_mention", data: {} })).toBe("/chat");
    expect(notificationLink({ kind: "task_assigned", data: { project_id: 7 } })).toBe("/projects");
    expect(notificationLink({ kind: "something_new", data: {} })).toBeNull();
  });
});
