// Generated from openapi/reports.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's tokens (?all=true: an admin sees every token of the company), live ones first. */
        get: operations["tokens_list_tokens_get"];
        put?: never;
        /** Create a personal API token with scopes; the token is in this answer only. */
        post: operations["tokens_create_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-tokens/{token_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a token (own, or any in the company for an admin); the next request with it is a 401. */
        post: operations["tokens_revoke_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The file (CSV, XLSX or PDF) */
        post: operations["builder_export_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/{export_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An export job's progress (percent) and, once done, a short-lived download URL. */
        get: operations["builder_get_export_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store the file and import it as a job; poll GET /imports/<id> for progress and counts. */
        post: operations["imports_start_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What importing this file would do: detected columns, the first rows, who matched, unreadable lines. */
        post: operations["imports_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{import_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's progress (percent) and, once done, how many entries it created, found twice or skipped (why). */
        get: operations["imports_get_import_get"];
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
    "/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The report: groups with totals (and subgroups for a second grouping), overall totals and chart data. */
        post: operations["builder_run_report_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/saved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's saved reports, by name. */
        get: operations["builder_list_saved_get"];
        put?: never;
        /** Save a report definition for the caller. */
        post: operations["builder_save_report_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/saved/{report_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's saved reports. */
        get: operations["builder_get_saved_get"];
        /** Rename or redefine one of the caller's saved reports. */
        put: operations["builder_update_saved_put"];
        post?: never;
        /** Delete one of the caller's saved reports. */
        delete: operations["builder_delete_saved_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's report behind a live share link (?from, ?to: default the last 30 days, at most 366). */
        get: operations["shares_view_shared_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's share links, newest first. */
        get: operations["shares_list_shares_get"];
        put?: never;
        /** Create a read-only link to one client's report (their projects' time or approved billable expenses; payroll is */
        post: operations["shares_create_share_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shares/{share_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a share link now: the next view of it is a 404. */
        post: operations["shares_revoke_share_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's endpoints, newest first. */
        get: operations["webhooks_list_webhooks_get"];
        put?: never;
        /** Register an HTTPS endpoint for events; its signing secret is in this answer only. */
        post: operations["webhooks_create_webhook_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event an endpoint may subscribe to ('*' subscribes to all). */
        get: operations["webhooks_list_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an endpoint and its delivery log. */
        delete: operations["webhooks_delete_webhook_delete"];
        options?: never;
        head?: never;
        /** Change an endpoint's URL, events or description, or enable/disable it. */
        patch: operations["webhooks_update_webhook_patch"];
        trace?: never;
    };
    "/webhooks/{endpoint_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's deliveries, newest first: status code, duration, attempts and the next retry. */
        get: operations["webhooks_list_deliveries_get"];
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
        /** ApiToken */
        ApiToken: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** User Name */
            user_name: string;
        };
        /** Chart */
        Chart: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "bar" | "line";
            /** Labels */
            labels: string[];
            /** Series */
            series: components["schemas"]["Series"][];
        };
        /** Delivery */
        Delivery: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Delivered At */
            delivered_at: string | null;
            /** Duration Ms */
            duration_ms: number | null;
            /** Event */
            event: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Error */
            last_error: string | null;
            /** Next Retry At */
            next_retry_at: string | null;
            /** Response Status */
            response_status: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "delivered" | "retrying" | "failed";
        };
        /** DeliveryPage */
        DeliveryPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Delivery"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
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
        /** EventList */
        EventList: {
            /** Events */
            events: string[];
        };
        /**
         * Export
         * @description An export job: progress in percent; `url` (presigned, short-lived) once done.
         */
        Export: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Error */
            error: string | null;
            /** Finished At */
            finished_at: string | null;
            /**
             * Format
             * @enum {string}
             */
            format: "csv" | "xlsx" | "pdf";
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Progress */
            progress: number;
            /** Row Count */
            row_count: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "running" | "done" | "failed";
            /** Url */
            url: string | null;
        };
        /** ExportIn */
        ExportIn: {
            /**
             * Background
             * @default false
             */
            background: boolean;
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Client Ids
             * @default []
             */
            client_ids: string[];
            /**
             * Format
             * @default csv
             * @enum {string}
             */
            format: "csv" | "xlsx" | "pdf";
            /**
             * From
             * Format: date
             */
            from: string;
            /**
             * Group By
             * @default null
             */
            group_by: ("person" | "project" | "client" | "task" | "category" | "period" | "day" | "week" | "month")[] | null;
            /**
             * Project Ids
             * @default []
             */
            project_ids: string[];
            /**
             * Source
             * @default time
             * @enum {string}
             */
            source: "time" | "attendance" | "activity" | "expenses" | "payroll";
            /**
             * Statuses
             * @default []
             */
            statuses: ("submitted" | "approved" | "rejected")[];
            /**
             * Task Ids
             * @default []
             */
            task_ids: string[];
            /**
             * Team Of
             * @default null
             */
            team_of: string | null;
            /**
             * Timezone
             * @default null
             */
            timezone: string | null;
            /**
             * To
             * Format: date
             */
            to: string;
            /**
             * User Ids
             * @default []
             */
            user_ids: string[];
        };
        /** ExportOut */
        ExportOut: {
            export: components["schemas"]["Export"];
        };
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /**
         * ImportIn
         * @description A CSV export of one of the tools, as text; `mapping` overrides detected columns (field -> header, "" unmaps).
         */
        ImportIn: {
            /** Csv */
            csv: string;
            /**
             * Filename
             * @default null
             */
            filename: string | null;
            /**
             * Format
             * @enum {string}
             */
            format: "toggl" | "clockify" | "kimai" | "harvest";
            /**
             * Mapping
             * @default {}
             */
            mapping: {
                [key: string]: string;
            };
        };
        /** ImportJob */
        ImportJob: {
            /** Created */
            created: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duplicates */
            duplicates: number;
            /** Filename */
            filename: string | null;
            /** Finished At */
            finished_at: string | null;
            /**
             * Format
             * @enum {string}
             */
            format: "toggl" | "clockify" | "kimai" | "harvest";
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Problems */
            problems: components["schemas"]["Problem"][];
            /** Progress */
            progress: number;
            /** Skipped */
            skipped: number;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "running" | "done" | "failed";
            /** Total */
            total: number | null;
        };
        /** ImportOut */
        ImportOut: {
            import: components["schemas"]["ImportJob"];
        };
        /** ImportPreview */
        ImportPreview: {
            /** Columns */
            columns: string[];
            /**
             * Format
             * @enum {string}
             */
            format: "toggl" | "clockify" | "kimai" | "harvest";
            /** Mapping */
            mapping: {
                [key: string]: string;
            };
            /** People */
            people: components["schemas"]["MatchedPerson"][];
            /** Problems */
            problems: components["schemas"]["Problem"][];
            /** Rows */
            rows: components["schemas"]["PreviewRow"][];
            /** Total */
            total: number;
        };
        /** MatchedPerson */
        MatchedPerson: {
            /** Name */
            name: string | null;
            /** Source */
            source: string;
            /** User Id */
            user_id: string | null;
        };
        /**
         * Money
         * @description Sums in one currency, integer minor units (cents); which sums depends on the source. `count` records are in
         *     this currency. Expenses: amount, billable and reimbursable parts. Payroll: the components, gross (all but
         *     reimbursements) and total (gross plus reimbursements).
         */
        Money: {
            /**
             * Adjustment Minor
             * @default null
             */
            adjustment_minor: number | null;
            /**
             * Amount Minor
             * @default null
             */
            amount_minor: number | null;
            /**
             * Billable Minor
             * @default null
             */
            billable_minor: number | null;
            /** Count */
            count: number;
            /** Currency */
            currency: string;
            /**
             * Gross Minor
             * @default null
             */
            gross_minor: number | null;
            /**
             * Leave Minor
             * @default null
             */
            leave_minor: number | null;
            /**
             * Overtime Minor
             * @default null
             */
            overtime_minor: number | null;
            /**
             * Premium Minor
             * @default null
             */
            premium_minor: number | null;
            /**
             * Regular Minor
             * @default null
             */
            regular_minor: number | null;
            /**
             * Reimbursable Minor
             * @default null
             */
            reimbursable_minor: number | null;
            /**
             * Reimbursement Minor
             * @default null
             */
            reimbursement_minor: number | null;
            /**
             * Salary Minor
             * @default null
             */
            salary_minor: number | null;
            /**
             * Total Minor
             * @default null
             */
            total_minor: number | null;
        };
        /** PreviewRow */
        PreviewRow: {
            /** Billable */
            billable: boolean;
            /** Client */
            client: string | null;
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Description */
            description: string | null;
            /** End */
            end: string | null;
            /** Line */
            line: number;
            /** Person */
            person: string;
            /** Project */
            project: string | null;
            /** Seconds */
            seconds: number | null;
            /** Start */
            start: string | null;
            /** Task */
            task: string | null;
            /** User Id */
            user_id: string | null;
        };
        /** Problem */
        Problem: {
            /** Line */
            line: number;
            /** Message */
            message: string;
        };
        /**
         * ReportIn
         * @description What a report covers: local days from..to (at most 366), filters, and one or two grouping levels.
         *
         *     Expenses count only when approved unless `statuses` names the states wanted; payroll counts finalized runs only.
         *     Groupings and filters depend on the source (a missing one is a 400): time by person, project, client, task and
         *     calendar; attendance and activity by person and calendar; expenses by person, project, client, category and
         *     calendar; payroll by person, pay period and calendar.
         */
        ReportIn: {
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Client Ids
             * @default []
             */
            client_ids: string[];
            /**
             * From
             * Format: date
             */
            from: string;
            /**
             * Group By
             * @default null
             */
            group_by: ("person" | "project" | "client" | "task" | "category" | "period" | "day" | "week" | "month")[] | null;
            /**
             * Project Ids
             * @default []
             */
            project_ids: string[];
            /**
             * Source
             * @default time
             * @enum {string}
             */
            source: "time" | "attendance" | "activity" | "expenses" | "payroll";
            /**
             * Statuses
             * @default []
             */
            statuses: ("submitted" | "approved" | "rejected")[];
            /**
             * Task Ids
             * @default []
             */
            task_ids: string[];
            /**
             * Team Of
             * @default null
             */
            team_of: string | null;
            /**
             * Timezone
             * @default null
             */
            timezone: string | null;
            /**
             * To
             * Format: date
             */
            to: string;
            /**
             * User Ids
             * @default []
             */
            user_ids: string[];
        };
        /** ReportOut */
        ReportOut: {
            chart: components["schemas"]["Chart"];
            /**
             * From
             * Format: date
             */
            from: string;
            /** Group By */
            group_by: ("person" | "project" | "client" | "task" | "category" | "period" | "day" | "week" | "month")[];
            /** Groups */
            groups: components["schemas"]["SubGroup"][];
            /**
             * Source
             * @enum {string}
             */
            source: "time" | "attendance" | "activity" | "expenses" | "payroll";
            /** Timezone */
            timezone: string;
            /**
             * To
             * Format: date
             */
            to: string;
            totals: components["schemas"]["Totals"];
        };
        /** SavedIn */
        SavedIn: {
            /** Name */
            name: string;
            spec: components["schemas"]["ReportIn"];
        };
        /** SavedOut */
        SavedOut: {
            report: components["schemas"]["SavedReport"];
        };
        /** SavedPage */
        SavedPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["SavedReport"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** SavedReport */
        SavedReport: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Spec */
            spec: {
                [key: string]: unknown;
            };
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * Series
         * @description One measure's values per group: hours, or (money) major units of the currency `unit`, for display only.
         */
        Series: {
            /** Name */
            name: string;
            /** Unit */
            unit: string;
            /** Values */
            values: number[];
        };
        /** Share */
        Share: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Group By */
            group_by: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Viewed At */
            last_viewed_at: string | null;
            /** Name */
            name: string;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Source
             * @enum {string}
             */
            source: "time" | "expenses";
        };
        /**
         * ShareCreated
         * @description The link is shown once: only its hash is stored.
         */
        ShareCreated: {
            share: components["schemas"]["Share"];
            /** Token */
            token: string;
            /** Url */
            url: string;
        };
        /**
         * ShareIn
         * @description A client's read-only link: their projects' time, or their projects' approved billable expenses (never
         *     payroll, never other expenses). Tasks group time only, categories expenses only.
         */
        ShareIn: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /**
             * Expires In Days
             * @default 30
             */
            expires_in_days: number;
            /**
             * Group By
             * @default project
             * @enum {string}
             */
            group_by: "project" | "task" | "category" | "day" | "week" | "month";
            /** Name */
            name: string;
            /**
             * Source
             * @default time
             * @enum {string}
             */
            source: "time" | "expenses";
        };
        /** ShareOut */
        ShareOut: {
            share: components["schemas"]["Share"];
        };
        /** SharePage */
        SharePage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Share"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** SharedView */
        SharedView: {
            /** Client */
            client: string;
            /** Company */
            company: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Name */
            name: string;
            report: components["schemas"]["ReportOut"];
        };
        /** SubGroup */
        SubGroup: {
            /** Key */
            key: string | null;
            /** Label */
            label: string;
            /** Subgroups */
            subgroups: components["schemas"]["SubGroup"][];
            totals: components["schemas"]["Totals"];
        };
        /**
         * TokenCreated
         * @description The token itself is shown once, here; only its hash is stored.
         */
        TokenCreated: {
            api_token: components["schemas"]["ApiToken"];
            /** Token */
            token: string;
        };
        /** TokenIn */
        TokenIn: {
            /**
             * Expires In Days
             * @default null
             */
            expires_in_days: number | null;
            /** Name */
            name: string;
            /** Scopes */
            scopes: string[];
        };
        /** TokenOut */
        TokenOut: {
            api_token: components["schemas"]["ApiToken"];
        };
        /** TokenPage */
        TokenPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["ApiToken"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /**
         * Totals
         * @description Count and sums; which sums depends on the source. Seconds for time, attendance, activity and payroll (hours
         *     paid); `money` for expenses and payroll, one entry per currency (amounts are never added across currencies).
         */
        Totals: {
            /**
             * Billable Seconds
             * @default null
             */
            billable_seconds: number | null;
            /** Count */
            count: number;
            /**
             * Money
             * @default null
             */
            money: components["schemas"]["Money"][] | null;
            /**
             * Productive Seconds
             * @default null
             */
            productive_seconds: number | null;
            /**
             * Seconds
             * @default null
             */
            seconds: number | null;
            /**
             * Unproductive Seconds
             * @default null
             */
            unproductive_seconds: number | null;
        };
        /** Webhook */
        Webhook: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string | null;
            /** Disabled Reason */
            disabled_reason: string | null;
            /** Enabled */
            enabled: boolean;
            /** Events */
            events: string[];
            /** Failing Since */
            failing_since: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Url */
            url: string;
        };
        /**
         * WebhookCreated
         * @description The signing secret is shown once, here.
         */
        WebhookCreated: {
            /** Secret */
            secret: string;
            webhook: components["schemas"]["Webhook"];
        };
        /** WebhookIn */
        WebhookIn: {
            /**
             * Description
             * @default null
             */
            description: string | null;
            /** Events */
            events: string[];
            /** Url */
            url: string;
        };
        /** WebhookOut */
        WebhookOut: {
            webhook: components["schemas"]["Webhook"];
        };
        /** WebhookPage */
        WebhookPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Webhook"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** WebhookPatch */
        WebhookPatch: {
            /**
             * Description
             * @default null
             */
            description: string | null;
            /**
             * Enabled
             * @default null
             */
            enabled: boolean | null;
            /**
             * Events
             * @default null
             */
            events: string[] | null;
            /**
             * Url
             * @default null
             */
            url: string | null;
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
    tokens_list_tokens_get: {
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
                    "application/json": components["schemas"]["TokenPage"];
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
    tokens_create_token_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenCreated"];
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
    tokens_revoke_token_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
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
                    "application/json": components["schemas"]["TokenOut"];
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
    builder_export_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportOut"];
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
    builder_get_export_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: string;
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
                    "application/json": components["schemas"]["ExportOut"];
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
    imports_start_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportIn"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOut"];
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
    imports_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreview"];
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
    imports_get_import_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
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
                    "application/json": components["schemas"]["ImportOut"];
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
    builder_run_report_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
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
    builder_list_saved_get: {
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
                    "application/json": components["schemas"]["SavedPage"];
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
    builder_save_report_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedOut"];
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
    builder_get_saved_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
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
                    "application/json": components["schemas"]["SavedOut"];
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
    builder_update_saved_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedOut"];
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
    builder_delete_saved_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
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
    shares_view_shared_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
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
                    "application/json": components["schemas"]["SharedView"];
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
    shares_list_shares_get: {
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
                    "application/json": components["schemas"]["SharePage"];
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
    shares_create_share_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareCreated"];
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
    shares_revoke_share_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                share_id: string;
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
                    "application/json": components["schemas"]["ShareOut"];
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
    webhooks_list_webhooks_get: {
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
                    "application/json": components["schemas"]["WebhookPage"];
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
    webhooks_create_webhook_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
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
    webhooks_list_events_get: {
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
                    "application/json": components["schemas"]["EventList"];
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
    webhooks_delete_webhook_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
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
    webhooks_update_webhook_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookOut"];
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
    webhooks_list_deliveries_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
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
                    "application/json": components["schemas"]["DeliveryPage"];
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
