// Generated from openapi/time.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries newest first, with totals under the company's rounding (over every match from `from`, else the page). */
        get: operations["entries_list_entries_get"];
        put?: never;
        /** Create a finished entry (for the caller or a user they manage); idempotent with Idempotency-Key. */
        post: operations["entries_create_entry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entries/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one entry. */
        get: operations["entries_get_entry_get"];
        put?: never;
        post?: never;
        /** Delete an entry. */
        delete: operations["entries_delete_entry_delete"];
        options?: never;
        head?: never;
        /** Edit an entry under the same rules as a create. */
        patch: operations["entries_update_entry_patch"];
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** healthz */
        get: operations["healthz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This function's OpenAPI 3.1 document */
        get: operations["openapi_json_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** readyz */
        get: operations["readyz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's time per local day (default: the last 7 days up to today), at most 366 days. */
        get: operations["reports_daily_report_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matching time grouped (?group_by=project|user|client|task), biggest first, with totals. */
        get: operations["reports_summary_report_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's time settings. */
        get: operations["reports_get_settings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change rounding, past edits or the week start (admins). */
        patch: operations["reports_update_settings_patch"];
        trace?: never;
    };
    "/team/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's people (a manager's assigned employees, an admin's company): today, week, activity, timer. */
        get: operations["team_team_summary_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's running timer, or null. */
        get: operations["timer_current_timer_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timer/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a timer like an earlier entry (`entry_id`, else the last one that ended). */
        post: operations["timer_resume_timer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timer/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the caller's timer (idempotent with Idempotency-Key), stopping a running one. */
        post: operations["timer_start_timer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timer/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the caller's running timer. */
        post: operations["timer_stop_timer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timers/running": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Running timers: a manager sees their team, an admin everyone, an employee themselves (RLS). */
        get: operations["timer_running_timers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible timesheets (?user_id, status, from, to: the week's first day), newest week first. */
        get: operations["timesheets_list_timesheets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/approve-week": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a person's ended week, submitting it on their behalf when it was open or rejected. */
        post: operations["timesheets_approve_week_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the caller's week containing `date` (default today); its entries lock. */
        post: operations["timesheets_submit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/week": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The week of a user (?user_id, default the caller) containing ?date (default today). */
        get: operations["timesheets_get_week_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/{sheet_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one timesheet with its history. */
        get: operations["timesheets_get_timesheet_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/{sheet_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a submitted week (its assigned manager or an admin). */
        post: operations["timesheets_approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/{sheet_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a submitted week with a comment; its entries unlock. */
        post: operations["timesheets_reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timesheets/{sheet_id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen an approved or submitted week (admins). */
        post: operations["timesheets_reopen_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/worktime/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month's (?month=YYYY-MM, default this one) violations of everyone the caller sees, counted by rule. */
        get: operations["compliance_report_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/worktime/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's working-time rules (its preset and overrides) and the presets to choose from. */
        get: operations["compliance_get_rules_get"];
        /** Choose a preset and override some of its limits. */
        put: operations["compliance_put_rules_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/worktime/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visible person's violations and flags (?user_id, ?from, ?to: default this week, at most 92 days), the */
        get: operations["compliance_get_violations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ApproveWeekIn
         * @description Approve a person's ended week (`date` any day in it), submitting it on their behalf when needed.
         */
        ApproveWeekIn: {
            /**
             * Comment
             * @default null
             */
            comment: string | null;
            /**
             * Date
             * Format: date
             */
            date: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** ComplianceReport */
        ComplianceReport: {
            /** Items */
            items: components["schemas"]["ReportRow"][];
            /** Month */
            month: string;
        };
        /**
         * DailyOut
         * @description The time of one user per local day (`from`, `to` are local dates in `timezone`).
         */
        DailyOut: {
            /** Days */
            days: components["schemas"]["DayTotal"][];
            /**
             * From
             * Format: date
             */
            from: string;
            /** Timezone */
            timezone: string;
            /**
             * To
             * Format: date
             */
            to: string;
            totals: components["schemas"]["DayTotals"];
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** DayTotal */
        DayTotal: {
            /** Billable Seconds */
            billable_seconds: number;
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Rounded Seconds */
            rounded_seconds: number;
            /** Seconds */
            seconds: number;
        };
        /** DayTotals */
        DayTotals: {
            /** Billable Seconds */
            billable_seconds: number;
            /** Rounded Seconds */
            rounded_seconds: number;
            /** Seconds */
            seconds: number;
        };
        /** DecisionIn */
        DecisionIn: {
            /**
             * Comment
             * @default null
             */
            comment: string | null;
        };
        /** Deduction */
        Deduction: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Minutes */
            minutes: number;
            /** Rule */
            rule: string;
        };
        /**
         * Entry
         * @description A time entry; `duration_seconds` runs up to now while `running`.
         */
        Entry: {
            /** Billable */
            billable: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Description */
            description: string | null;
            /** Duration Seconds */
            duration_seconds: number;
            /** Ended At */
            ended_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Project Id */
            project_id: string | null;
            /** Running */
            running: boolean;
            /**
             * Source
             * @enum {string}
             */
            source: "web" | "desktop" | "mobile" | "browser" | "api";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** Task Id */
            task_id: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** EntryIn */
        EntryIn: {
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Description
             * @default null
             */
            description: string | null;
            /**
             * Duration Seconds
             * @default null
             */
            duration_seconds: number | null;
            /**
             * Ended At
             * @default null
             */
            ended_at: string | null;
            /**
             * Project Id
             * @default null
             */
            project_id: string | null;
            /**
             * Source
             * @default web
             * @enum {string}
             */
            source: "web" | "desktop" | "mobile" | "browser" | "api";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Task Id
             * @default null
             */
            task_id: string | null;
            /**
             * User Id
             * @default null
             */
            user_id: string | null;
        };
        /** EntryOut */
        EntryOut: {
            entry: components["schemas"]["Entry"];
        };
        /**
         * EntryPage
         * @description A page of entries; `totals` cover every match when `from` is given, else the entries of this page.
         */
        EntryPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["ListedEntry"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
            rounding: components["schemas"]["RoundingOut"];
            totals: components["schemas"]["Totals"];
        };
        /** EntryPatch */
        EntryPatch: {
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Description
             * @default null
             */
            description: string | null;
            /**
             * Ended At
             * @default null
             */
            ended_at: string | null;
            /**
             * Project Id
             * @default null
             */
            project_id: string | null;
            /**
             * Started At
             * @default null
             */
            started_at: string | null;
            /**
             * Task Id
             * @default null
             */
            task_id: string | null;
        };
        /**
         * ErrorBody
         * @description Every 4xx/5xx answer: `{"error": {"code", "message", "fields"}}`.
         */
        ErrorBody: {
            error: components["schemas"]["ErrorDetail"];
        };
        /**
         * ErrorDetail
         * @description `code` is machine-readable, `message` is for people, `fields` names each bad input; some codes add context
         *     (a conflicting entry, `retry_after`).
         */
        ErrorDetail: {
            /** Code */
            code: string;
            /** Fields */
            fields: {
                [key: string]: unknown;
            };
            /** Message */
            message: string;
            /**
             * Request Id
             * @default null
             */
            request_id: string | null;
        } & {
            [key: string]: unknown;
        };
        /** Group */
        Group: {
            /** Amounts */
            amounts: {
                [key: string]: number;
            };
            /** Billable Rounded Seconds */
            billable_rounded_seconds: number;
            /** Billable Seconds */
            billable_seconds: number;
            /** Count */
            count: number;
            /** Key */
            key: string | null;
            /** Name */
            name: string | null;
            /** Rounded Seconds */
            rounded_seconds: number;
            /** Seconds */
            seconds: number;
        };
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /**
         * ListedEntry
         * @description An entry in a listing, with its project and task names and its duration under the company's rounding.
         */
        ListedEntry: {
            /** Billable */
            billable: boolean;
            /** Client Id */
            client_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Description */
            description: string | null;
            /** Duration Seconds */
            duration_seconds: number;
            /** Ended At */
            ended_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Project Color */
            project_color: string | null;
            /** Project Id */
            project_id: string | null;
            /** Project Name */
            project_name: string | null;
            /** Rounded Seconds */
            rounded_seconds: number;
            /** Running */
            running: boolean;
            /**
             * Source
             * @enum {string}
             */
            source: "web" | "desktop" | "mobile" | "browser" | "api";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** Task Id */
            task_id: string | null;
            /** Task Name */
            task_name: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** Page[RunningEntry] */
        Page_RunningEntry_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["RunningEntry"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Timesheet] */
        Page_Timesheet_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Timesheet"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** RejectIn */
        RejectIn: {
            /** Comment */
            comment: string;
        };
        /** ReportRow */
        ReportRow: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Deducted Minutes */
            deducted_minutes: number;
            /** Name */
            name: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Violations */
            violations: components["schemas"]["Violation"][];
        };
        /** ResumeIn */
        ResumeIn: {
            /**
             * Entry Id
             * @default null
             */
            entry_id: string | null;
            /**
             * Source
             * @default web
             * @enum {string}
             */
            source: "web" | "desktop" | "mobile" | "browser" | "api";
        };
        /** ResumeOut */
        ResumeOut: {
            entry: components["schemas"]["Entry"];
            /**
             * Resumed From
             * Format: uuid
             */
            resumed_from: string;
            stopped: components["schemas"]["Entry"] | null;
        };
        /** RoundingOut */
        RoundingOut: {
            /** Minutes */
            minutes: number;
            /** Mode */
            mode: string;
        };
        /**
         * RunningEntry
         * @description A running timer in the team view.
         */
        RunningEntry: {
            /** Billable */
            billable: boolean;
            /** Client Id */
            client_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Description */
            description: string | null;
            /** Duration Seconds */
            duration_seconds: number;
            /** Ended At */
            ended_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Project Color */
            project_color: string | null;
            /** Project Id */
            project_id: string | null;
            /** Project Name */
            project_name: string | null;
            /** Running */
            running: boolean;
            /**
             * Source
             * @enum {string}
             */
            source: "web" | "desktop" | "mobile" | "browser" | "api";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** Task Id */
            task_id: string | null;
            /** Task Name */
            task_name: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** User Name */
            user_name: string;
        };
        /** Settings */
        Settings: {
            /** Currency */
            currency: string;
            /** Employees Edit Past */
            employees_edit_past: boolean;
            /** Rounding Minutes */
            rounding_minutes: number;
            /**
             * Rounding Mode
             * @enum {string}
             */
            rounding_mode: "none" | "up" | "down" | "nearest";
            /** Timezone */
            timezone: string;
            /** Week Start */
            week_start: number;
        };
        /** SettingsOut */
        SettingsOut: {
            settings: components["schemas"]["Settings"];
        };
        /** SettingsPatch */
        SettingsPatch: {
            /**
             * Employees Edit Past
             * @default null
             */
            employees_edit_past: boolean | null;
            /**
             * Rounding Minutes
             * @default null
             */
            rounding_minutes: (1 | 5 | 6 | 10 | 15) | null;
            /**
             * Rounding Mode
             * @default null
             */
            rounding_mode: ("none" | "up" | "down" | "nearest") | null;
            /**
             * Week Start
             * @default null
             */
            week_start: number | null;
        };
        /** SheetEvent */
        SheetEvent: {
            /**
             * Action
             * @enum {string}
             */
            action: "submitted" | "approved" | "rejected" | "reopened";
            /**
             * Actor Id
             * Format: uuid
             */
            actor_id: string;
            /** Comment */
            comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
        };
        /** SheetOut */
        SheetOut: {
            /** History */
            history: components["schemas"]["SheetEvent"][];
            timesheet: components["schemas"]["Timesheet"];
        };
        /**
         * StartOut
         * @description A started timer and the one it stopped, if any.
         */
        StartOut: {
            entry: components["schemas"]["Entry"];
            stopped: components["schemas"]["Entry"] | null;
        };
        /** SubmissionFlag */
        SubmissionFlag: {
            /**
             * Flagged At
             * Format: date-time
             */
            flagged_at: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /** Violations */
            violations: components["schemas"]["Violation"][];
        };
        /** SubmitIn */
        SubmitIn: {
            /**
             * Comment
             * @default null
             */
            comment: string | null;
            /**
             * Date
             * @default null
             */
            date: string | null;
        };
        /** SummaryOut */
        SummaryOut: {
            /**
             * Group By
             * @enum {string}
             */
            group_by: "project" | "user" | "client" | "task";
            /** Groups */
            groups: components["schemas"]["Group"][];
            rounding: components["schemas"]["RoundingOut"];
            totals: components["schemas"]["Totals"];
        };
        /**
         * TeamMember
         * @description One person on the team dashboard: their own today and week, activity today and what runs now.
         */
        TeamMember: {
            /** Activity Pct */
            activity_pct: number | null;
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Description */
            description: string | null;
            /** Email */
            email: string;
            /** Entry Id */
            entry_id: string | null;
            /** Idle Seconds */
            idle_seconds: number | null;
            /** Last Screenshot At */
            last_screenshot_at: string | null;
            /** Last Seen At */
            last_seen_at: string | null;
            /** Name */
            name: string;
            /** Project Color */
            project_color: string | null;
            /** Project Id */
            project_id: string | null;
            /** Project Name */
            project_name: string | null;
            /**
             * Role
             * @enum {string}
             */
            role: "admin" | "manager" | "employee";
            /** Running Since */
            running_since: string | null;
            /** Screenshots Today */
            screenshots_today: number;
            /** Timezone */
            timezone: string;
            /** Today Seconds */
            today_seconds: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Week Seconds */
            week_seconds: number;
        };
        /** TeamSummary */
        TeamSummary: {
            /** Items */
            items: components["schemas"]["TeamMember"][];
            /** Week Start */
            week_start: number;
        };
        /** TimerIn */
        TimerIn: {
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Description
             * @default null
             */
            description: string | null;
            /**
             * Project Id
             * @default null
             */
            project_id: string | null;
            /**
             * Source
             * @default web
             * @enum {string}
             */
            source: "web" | "desktop" | "mobile" | "browser" | "api";
            /**
             * Task Id
             * @default null
             */
            task_id: string | null;
        };
        /** TimerOut */
        TimerOut: {
            entry: components["schemas"]["Entry"] | null;
        };
        /**
         * Timesheet
         * @description A submitted (or once submitted) week; submitting or approving it locks the week's entries that lie before
         *     `locked_until` (the week's end, or the submission instant for a week submitted before it ended).
         */
        Timesheet: {
            /** Comment */
            comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Decided At */
            decided_at: string | null;
            /** Decided By */
            decided_by: string | null;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Locked Until
             * Format: date-time
             */
            locked_until: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "submitted" | "approved" | "rejected";
            /** Submitted At */
            submitted_at: string | null;
            /** Timezone */
            timezone: string;
            /** Total Seconds */
            total_seconds: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /**
         * Totals
         * @description Raw and rounded seconds, billable time, and money per currency (minor units; empty for employees).
         */
        Totals: {
            /** Amounts */
            amounts: {
                [key: string]: number;
            };
            /** Billable Rounded Seconds */
            billable_rounded_seconds: number;
            /** Billable Seconds */
            billable_seconds: number;
            /** Count */
            count: number;
            /** Rounded Seconds */
            rounded_seconds: number;
            /** Seconds */
            seconds: number;
        };
        /**
         * Violation
         * @description `severity`: 'violation' (a limit broken) or 'flag' (Sunday or night work, to be justified).
         */
        Violation: {
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Limit Minutes */
            limit_minutes: number;
            /** Message */
            message: string;
            /**
             * Rule
             * @enum {string}
             */
            rule: "break" | "max_daily" | "rest" | "weekly_average" | "sunday" | "night";
            /**
             * Severity
             * @enum {string}
             */
            severity: "violation" | "flag";
            /** Value Minutes */
            value_minutes: number;
        };
        /** ViolationsOut */
        ViolationsOut: {
            /** Deductions */
            deductions: components["schemas"]["Deduction"][];
            /** Flagged On Submission */
            flagged_on_submission: components["schemas"]["SubmissionFlag"][];
            /** Items */
            items: components["schemas"]["Violation"][];
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** WeekOut */
        WeekOut: {
            /** Days */
            days: components["schemas"]["DayTotal"][];
            /** History */
            history: components["schemas"]["SheetEvent"][];
            timesheet: components["schemas"]["WeekSheet"];
            totals: components["schemas"]["DayTotals"];
        };
        /**
         * WeekSheet
         * @description The week's timesheet, or (no `id`, status open) the week not yet submitted, which has only the period.
         */
        WeekSheet: {
            /**
             * Comment
             * @default null
             */
            comment: string | null;
            /**
             * Created At
             * @default null
             */
            created_at: string | null;
            /**
             * Decided At
             * @default null
             */
            decided_at: string | null;
            /**
             * Decided By
             * @default null
             */
            decided_by: string | null;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Id */
            id: string | null;
            /**
             * Locked Until
             * @default null
             */
            locked_until: string | null;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "submitted" | "approved" | "rejected";
            /**
             * Submitted At
             * @default null
             */
            submitted_at: string | null;
            /** Timezone */
            timezone: string;
            /**
             * Total Seconds
             * @default null
             */
            total_seconds: number | null;
            /**
             * Updated At
             * @default null
             */
            updated_at: string | null;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /**
         * WorkRules
         * @description Limits in minutes (0: the rule is off); the night window in local hours.
         */
        WorkRules: {
            /** Auto Deduct Breaks */
            auto_deduct_breaks: boolean;
            /** Break After 6H */
            break_after_6h: number;
            /** Break After 9H */
            break_after_9h: number;
            /** Flag Night */
            flag_night: boolean;
            /** Flag Sunday */
            flag_sunday: boolean;
            /** Max Daily */
            max_daily: number;
            /** Max Weekly Avg */
            max_weekly_avg: number;
            /** Min Break Block */
            min_break_block: number;
            /** Min Rest */
            min_rest: number;
            /** Night End Hour */
            night_end_hour: number;
            /** Night Min Minutes */
            night_min_minutes: number;
            /** Night Start Hour */
            night_start_hour: number;
            /** Preset */
            preset: string;
            /** Reference Weeks */
            reference_weeks: number;
        };
        /** WorkRulesIn */
        WorkRulesIn: {
            /**
             * @default {
             *       "auto_deduct_breaks": null,
             *       "break_after_6h": null,
             *       "break_after_9h": null,
             *       "flag_night": null,
             *       "flag_sunday": null,
             *       "max_daily": null,
             *       "max_weekly_avg": null,
             *       "min_break_block": null,
             *       "min_rest": null,
             *       "night_end_hour": null,
             *       "night_min_minutes": null,
             *       "night_start_hour": null,
             *       "reference_weeks": null
             *     }
             */
            overrides: components["schemas"]["WorkRulesOverrides"];
            /**
             * Preset
             * @enum {string}
             */
            preset: "de_arbzg" | "eu_wtd";
        };
        /** WorkRulesOut */
        WorkRulesOut: {
            /** Overrides */
            overrides: {
                [key: string]: number | boolean;
            };
            /** Preset */
            preset: string;
            /** Presets */
            presets: {
                [key: string]: components["schemas"]["WorkRules"];
            };
            rules: components["schemas"]["WorkRules"];
            /** Updated At */
            updated_at: string | null;
        };
        /** WorkRulesOverrides */
        WorkRulesOverrides: {
            /**
             * Auto Deduct Breaks
             * @default null
             */
            auto_deduct_breaks: boolean | null;
            /**
             * Break After 6H
             * @default null
             */
            break_after_6h: number | null;
            /**
             * Break After 9H
             * @default null
             */
            break_after_9h: number | null;
            /**
             * Flag Night
             * @default null
             */
            flag_night: boolean | null;
            /**
             * Flag Sunday
             * @default null
             */
            flag_sunday: boolean | null;
            /**
             * Max Daily
             * @default null
             */
            max_daily: number | null;
            /**
             * Max Weekly Avg
             * @default null
             */
            max_weekly_avg: number | null;
            /**
             * Min Break Block
             * @default null
             */
            min_break_block: number | null;
            /**
             * Min Rest
             * @default null
             */
            min_rest: number | null;
            /**
             * Night End Hour
             * @default null
             */
            night_end_hour: number | null;
            /**
             * Night Min Minutes
             * @default null
             */
            night_min_minutes: number | null;
            /**
             * Night Start Hour
             * @default null
             */
            night_start_hour: number | null;
            /**
             * Reference Weeks
             * @default null
             */
            reference_weeks: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    entries_list_entries_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryPage"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    entries_create_entry_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntryIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    entries_get_entry_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    entries_delete_entry_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    entries_update_entry_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntryPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    healthz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    openapi_json_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    readyz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description 503 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reports_daily_report_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailyOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reports_summary_report_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reports_get_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reports_update_settings_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    team_team_summary_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSummary"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timer_current_timer_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimerOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timer_resume_timer_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResumeIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumeOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timer_start_timer_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimerIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timer_stop_timer_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timer_running_timers_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_RunningEntry_"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_list_timesheets_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_Timesheet_"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_approve_week_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveWeekIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_submit_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_get_week_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeekOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_get_timesheet_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    timesheets_reopen_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    compliance_report_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceReport"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    compliance_get_rules_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkRulesOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    compliance_put_rules_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkRulesIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkRulesOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    compliance_get_violations_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViolationsOut"];
                };
            };
            /** @description An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
