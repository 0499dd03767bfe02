// Generated from openapi/attendance.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/breaks/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the open break. */
        post: operations["clock_break_end_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/breaks/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a break inside the open clock-in. */
        post: operations["clock_break_start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clock in (optionally with a location, checked against the geofence policy). */
        post: operations["clock_clock_in_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clock out, ending an open break. */
        post: operations["clock_clock_out_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Worked and break seconds per local day (?from, ?to: at most 92 days apart, ?user_id). */
        get: operations["clock_days_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/geofence-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visible enter/exit events in time order (?user_id, ?geofence_id, ?from, ?to). */
        get: operations["gps_list_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/geofences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the company's active geofences (?all=true: inactive ones too). */
        get: operations["gps_list_geofences_get"];
        put?: never;
        /** Create a circle or polygon geofence (audited). */
        post: operations["gps_create_geofence_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/geofences/{fence_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one geofence. */
        get: operations["gps_get_geofence_get"];
        put?: never;
        post?: never;
        /** Delete a geofence and its events (audited). */
        delete: operations["gps_delete_geofence_delete"];
        options?: never;
        head?: never;
        /** Change a geofence, keeping its shape valid (audited). */
        patch: operations["gps_patch_geofence_patch"];
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
    "/leave/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Allowance, used, pending and remaining days per leave type in a year (?year, ?user_id). */
        get: operations["leave_balances_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visible leave requests (?user_id, ?status, ?from, ?to). */
        get: operations["leave_list_requests_get"];
        put?: never;
        /** Request leave (admins may for anyone); its approvers are notified. */
        post: operations["leave_create_request_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one leave request. */
        get: operations["leave_get_request_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/requests/{request_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending request (the employee's manager or an admin). */
        post: operations["leave_approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/requests/{request_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a request (its owner before it starts, a manager or admin any time; audited). */
        post: operations["leave_cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/requests/{request_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending request (the employee's manager or an admin). */
        post: operations["leave_reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the company's leave types (?archived=true: archived ones too). */
        get: operations["leave_list_types_get"];
        put?: never;
        /** Create a leave type (audited). */
        post: operations["leave_create_type_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leave/types/{type_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a leave type, change its allowance or archive it (audited). */
        patch: operations["leave_patch_type_patch"];
        trace?: never;
    };
    "/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visible location points, newest first (?user_id, ?from, ?to: times with a zone). */
        get: operations["gps_list_locations_get"];
        put?: never;
        /** Store a batch of the caller's points (GPS consent required); 201 when new points were stored, else 200. */
        post: operations["gps_upload_locations_post"];
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
    "/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visible records by local day of each user (?from, ?to, ?user_id, ?open=true: clocked in now). */
        get: operations["clock_list_records_get"];
        put?: never;
        /** Record a completed attendance for an employee (their manager or an admin; audited). */
        post: operations["clock_create_record_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one record with its breaks. */
        get: operations["clock_get_record_get"];
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
        /** Read the company's attendance settings. */
        get: operations["settings_get_settings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change grace_minutes or geofence_policy (audited). */
        patch: operations["settings_patch_settings_patch"];
        trace?: never;
    };
    "/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visible shifts (?from, ?to, ?user_id). */
        get: operations["shifts_list_shifts_get"];
        put?: never;
        /** Plan a shift for an employee one manages. */
        post: operations["shifts_create_shift_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shifts/{shift_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one shift with its attendance. */
        get: operations["shifts_get_shift_get"];
        put?: never;
        post?: never;
        /** Delete a shift. */
        delete: operations["shifts_delete_shift_delete"];
        options?: never;
        head?: never;
        /** Move a shift or change its note. */
        patch: operations["shifts_patch_shift_patch"];
        trace?: never;
    };
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's open record, break and current shift. */
        get: operations["clock_status_get"];
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
         * Balance
         * @description Days of one leave type in a year: allowance (null: no limit), approved (used), pending and what remains.
         */
        Balance: {
            /** Allowance Days */
            allowance_days: string | null;
            /**
             * Leave Type Id
             * Format: uuid
             */
            leave_type_id: string;
            /** Name */
            name: string;
            /** Paid */
            paid: boolean;
            /** Pending Days */
            pending_days: string;
            /** Remaining Days */
            remaining_days: string | null;
            /** Used Days */
            used_days: string;
        };
        /** Balances */
        Balances: {
            /** Balances */
            balances: components["schemas"]["Balance"][];
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Year */
            year: number;
        };
        /** Break */
        Break: {
            /** Ended At */
            ended_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Paid */
            paid: boolean;
            /**
             * Record Id
             * Format: uuid
             */
            record_id: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** BreakIn */
        BreakIn: {
            /**
             * Paid
             * @default false
             */
            paid: boolean;
        };
        /**
         * BreakOut
         * @description `{"break": ...}`: the field is spelled `break_` in Python (a keyword) and `break` on the wire.
         */
        BreakOut: {
            break: components["schemas"]["Break"];
        };
        /** ClockInIn */
        ClockInIn: {
            /** @default null */
            location: components["schemas"]["Location"] | null;
            /**
             * Note
             * @default null
             */
            note: string | null;
            /**
             * Source
             * @default web
             * @enum {string}
             */
            source: "web" | "mobile" | "desktop" | "browser";
        };
        /** ClockInOut */
        ClockInOut: {
            geofence: components["schemas"]["GeofenceCheck"];
            record: components["schemas"]["OpenedRecord"];
            shift: components["schemas"]["Shift"] | null;
        };
        /** ClockOutIn */
        ClockOutIn: {
            /** @default null */
            location: components["schemas"]["Location"] | null;
            /**
             * Note
             * @default null
             */
            note: string | null;
        };
        /** ClockOutOut */
        ClockOutOut: {
            geofence: components["schemas"]["GeofenceCheck"];
            record: components["schemas"]["Record"];
            shift: components["schemas"]["Shift"] | null;
        };
        /**
         * DayTotals
         * @description Seconds on one local day of the employee (split at local midnight).
         */
        DayTotals: {
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Paid Break Seconds */
            paid_break_seconds: number;
            /** Present Seconds */
            present_seconds: number;
            /** Unpaid Break Seconds */
            unpaid_break_seconds: number;
            /** Worked Seconds */
            worked_seconds: number;
        };
        /** Days */
        Days: {
            /** Days */
            days: components["schemas"]["DayTotals"][];
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** DecisionIn */
        DecisionIn: {
            /**
             * Comment
             * @default null
             */
            comment: string | null;
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
        /** FenceEvent */
        FenceEvent: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Device Id */
            device_id: string;
            /**
             * Event
             * @enum {string}
             */
            event: "enter" | "exit";
            /**
             * Geofence Id
             * Format: uuid
             */
            geofence_id: string;
            /** Id */
            id: number;
            /** Lat */
            lat: number;
            /** Lng */
            lng: number;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** Geofence */
        Geofence: {
            /** Active */
            active: boolean;
            /** Center Lat */
            center_lat: number | null;
            /** Center Lng */
            center_lng: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "circle" | "polygon";
            /** Name */
            name: string;
            /** Polygon */
            polygon: number[][] | null;
            /** Radius M */
            radius_m: number | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** GeofenceCheck */
        GeofenceCheck: {
            /** Geofence Id */
            geofence_id: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "not_checked" | "no_location" | "no_geofences" | "inside" | "outside";
        };
        /** GeofenceIn */
        GeofenceIn: {
            /**
             * Active
             * @default true
             */
            active: boolean;
            /**
             * Center Lat
             * @default null
             */
            center_lat: number | null;
            /**
             * Center Lng
             * @default null
             */
            center_lng: number | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "circle" | "polygon";
            /** Name */
            name: string;
            /**
             * Polygon
             * @default null
             */
            polygon: unknown[] | null;
            /**
             * Radius M
             * @default null
             */
            radius_m: number | null;
        };
        /** GeofenceOut */
        GeofenceOut: {
            geofence: components["schemas"]["Geofence"];
        };
        /** GeofencePatch */
        GeofencePatch: {
            /**
             * Active
             * @default null
             */
            active: boolean | null;
            /**
             * Center Lat
             * @default null
             */
            center_lat: number | null;
            /**
             * Center Lng
             * @default null
             */
            center_lng: number | null;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Polygon
             * @default null
             */
            polygon: unknown[] | null;
            /**
             * Radius M
             * @default null
             */
            radius_m: number | null;
        };
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /** LeaveRequest */
        LeaveRequest: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Days */
            days: string;
            /** Decided At */
            decided_at: string | null;
            /** Decided By */
            decided_by: string | null;
            /** Decision Comment */
            decision_comment: string | null;
            /**
             * End Date
             * Format: date
             */
            end_date: string;
            /** End Half */
            end_half: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Leave Type Id
             * Format: uuid
             */
            leave_type_id: string;
            /** Reason */
            reason: string | null;
            /**
             * Start Date
             * Format: date
             */
            start_date: string;
            /** Start Half */
            start_half: boolean;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected" | "cancelled";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** LeaveRequestIn */
        LeaveRequestIn: {
            /**
             * End Date
             * Format: date
             */
            end_date: string;
            /**
             * End Half
             * @default false
             */
            end_half: boolean;
            /**
             * Leave Type Id
             * Format: uuid
             */
            leave_type_id: string;
            /**
             * Reason
             * @default null
             */
            reason: string | null;
            /**
             * Start Date
             * Format: date
             */
            start_date: string;
            /**
             * Start Half
             * @default false
             */
            start_half: boolean;
            /**
             * User Id
             * @default null
             */
            user_id: string | null;
        };
        /** LeaveRequestOut */
        LeaveRequestOut: {
            request: components["schemas"]["LeaveRequest"];
        };
        /** LeaveType */
        LeaveType: {
            /** Allowance Days */
            allowance_days: string | null;
            /** Archived */
            archived: boolean;
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
            /** Paid */
            paid: boolean;
        };
        /** LeaveTypeIn */
        LeaveTypeIn: {
            /**
             * Allowance Days
             * @default null
             */
            allowance_days: number | string | null;
            /** Name */
            name: string;
            /**
             * Paid
             * @default true
             */
            paid: boolean;
        };
        /** LeaveTypeOut */
        LeaveTypeOut: {
            leave_type: components["schemas"]["LeaveType"];
        };
        /** LeaveTypePatch */
        LeaveTypePatch: {
            /**
             * Allowance Days
             * @default null
             */
            allowance_days: number | string | null;
            /**
             * Archived
             * @default null
             */
            archived: boolean | null;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Paid
             * @default null
             */
            paid: boolean | null;
        };
        /** ListedRecord */
        ListedRecord: {
            /** Breaks */
            breaks: components["schemas"]["Break"][];
            /** Clock In Accuracy */
            clock_in_accuracy: number | null;
            /**
             * Clock In At
             * Format: date-time
             */
            clock_in_at: string;
            /** Clock In Lat */
            clock_in_lat: number | null;
            /** Clock In Lng */
            clock_in_lng: number | null;
            /** Clock Out At */
            clock_out_at: string | null;
            /** Clock Out Lat */
            clock_out_lat: number | null;
            /** Clock Out Lng */
            clock_out_lng: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Flags */
            flags: string[];
            /** Geofence Id */
            geofence_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Local Date
             * Format: date
             */
            local_date: string;
            /** Note */
            note: string | null;
            /** Paid Break Seconds */
            paid_break_seconds: number;
            /** Source */
            source: string;
            /** Unpaid Break Seconds */
            unpaid_break_seconds: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Worked Seconds */
            worked_seconds: number;
        };
        /** Location */
        Location: {
            /**
             * Accuracy
             * @default null
             */
            accuracy: number | null;
            /** Lat */
            lat: number;
            /** Lng */
            lng: number;
        };
        /** ManualRecordIn */
        ManualRecordIn: {
            /**
             * Clock In At
             * Format: date-time
             */
            clock_in_at: string;
            /**
             * Clock Out At
             * Format: date-time
             */
            clock_out_at: string;
            /**
             * Note
             * @default null
             */
            note: string | null;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /**
         * OpenedRecord
         * @description An attendance record as clock-in opens it (no breaks yet, nothing worked yet).
         */
        OpenedRecord: {
            /** Breaks */
            breaks: components["schemas"]["Break"][];
            /** Clock In Accuracy */
            clock_in_accuracy: number | null;
            /**
             * Clock In At
             * Format: date-time
             */
            clock_in_at: string;
            /** Clock In Lat */
            clock_in_lat: number | null;
            /** Clock In Lng */
            clock_in_lng: number | null;
            /** Clock Out At */
            clock_out_at: string | null;
            /** Clock Out Lat */
            clock_out_lat: number | null;
            /** Clock Out Lng */
            clock_out_lng: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Flags */
            flags: string[];
            /** Geofence Id */
            geofence_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Note */
            note: string | null;
            /** Source */
            source: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** Page[FenceEvent] */
        Page_FenceEvent_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["FenceEvent"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Geofence] */
        Page_Geofence_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Geofence"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[LeaveRequest] */
        Page_LeaveRequest_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["LeaveRequest"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[LeaveType] */
        Page_LeaveType_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["LeaveType"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[ListedRecord] */
        Page_ListedRecord_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["ListedRecord"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Point] */
        Page_Point_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Point"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Shift] */
        Page_Shift_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Shift"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Point */
        Point: {
            /** Accuracy */
            accuracy: number | null;
            /** Device Id */
            device_id: string;
            /** Id */
            id: number;
            /** Lat */
            lat: number;
            /** Lng */
            lng: number;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** PointIn */
        PointIn: {
            /**
             * Accuracy
             * @default null
             */
            accuracy: number | null;
            /** Lat */
            lat: number;
            /** Lng */
            lng: number;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
        };
        /** PointsIn */
        PointsIn: {
            /**
             * Device Id
             * @default
             */
            device_id: string;
            /** Points */
            points: components["schemas"]["PointIn"][];
        };
        /**
         * Record
         * @description A record with its breaks and seconds worked (open records counted up to now).
         */
        Record: {
            /** Breaks */
            breaks: components["schemas"]["Break"][];
            /** Clock In Accuracy */
            clock_in_accuracy: number | null;
            /**
             * Clock In At
             * Format: date-time
             */
            clock_in_at: string;
            /** Clock In Lat */
            clock_in_lat: number | null;
            /** Clock In Lng */
            clock_in_lng: number | null;
            /** Clock Out At */
            clock_out_at: string | null;
            /** Clock Out Lat */
            clock_out_lat: number | null;
            /** Clock Out Lng */
            clock_out_lng: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Flags */
            flags: string[];
            /** Geofence Id */
            geofence_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Note */
            note: string | null;
            /** Paid Break Seconds */
            paid_break_seconds: number;
            /** Source */
            source: string;
            /** Unpaid Break Seconds */
            unpaid_break_seconds: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Worked Seconds */
            worked_seconds: number;
        };
        /** RecordOut */
        RecordOut: {
            record: components["schemas"]["Record"];
        };
        /** Settings */
        Settings: {
            /**
             * Geofence Policy
             * @enum {string}
             */
            geofence_policy: "off" | "flag" | "require";
            /** Grace Minutes */
            grace_minutes: number;
        };
        /** SettingsIn */
        SettingsIn: {
            /**
             * Geofence Policy
             * @default null
             */
            geofence_policy: ("off" | "flag" | "require") | null;
            /**
             * Grace Minutes
             * @default null
             */
            grace_minutes: number | null;
        };
        /** SettingsOut */
        SettingsOut: {
            settings: components["schemas"]["Settings"];
        };
        /**
         * Shift
         * @description A planned shift in the employee's local time, its UTC window and its computed attendance.
         */
        Shift: {
            attendance: components["schemas"]["ShiftAttendance"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /**
             * End Time
             * Format: time
             */
            end_time: string;
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
            /** Note */
            note: string | null;
            /**
             * Shift Date
             * Format: date
             */
            shift_date: string;
            /**
             * Start Time
             * Format: time
             */
            start_time: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /** Timezone */
            timezone: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** ShiftAttendance */
        ShiftAttendance: {
            /** Absent */
            absent: boolean;
            /** Early Minutes */
            early_minutes: number;
            /** First Clock In */
            first_clock_in: string | null;
            /** Last Clock Out */
            last_clock_out: string | null;
            /** Late */
            late: boolean;
            /** Late Minutes */
            late_minutes: number;
            /** Left Early */
            left_early: boolean;
            /** On Leave */
            on_leave: boolean;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "absent" | "on_leave" | "working" | "present";
        };
        /** ShiftIn */
        ShiftIn: {
            /**
             * Date
             * Format: date
             */
            date: string;
            /**
             * End Time
             * Format: time
             */
            end_time: string;
            /**
             * Note
             * @default null
             */
            note: string | null;
            /**
             * Start Time
             * Format: time
             */
            start_time: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** ShiftOut */
        ShiftOut: {
            shift: components["schemas"]["Shift"];
        };
        /** ShiftPatch */
        ShiftPatch: {
            /**
             * Date
             * @default null
             */
            date: string | null;
            /**
             * End Time
             * @default null
             */
            end_time: string | null;
            /**
             * Note
             * @default null
             */
            note: string | null;
            /**
             * Start Time
             * @default null
             */
            start_time: string | null;
        };
        /** Status */
        Status: {
            /** Clocked In */
            clocked_in: boolean;
            /** On Break */
            on_break: boolean;
            record: components["schemas"]["Record"] | null;
            shift: components["schemas"]["Shift"] | null;
        };
        /** Transition */
        Transition: {
            /**
             * Event
             * @enum {string}
             */
            event: "enter" | "exit";
            /**
             * Geofence Id
             * Format: uuid
             */
            geofence_id: string;
            /** Lat */
            lat: number;
            /** Lng */
            lng: number;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
        };
        /** Upload */
        Upload: {
            /** Duplicates */
            duplicates: number;
            /** Events */
            events: components["schemas"]["Transition"][];
            /** Received */
            received: number;
            /** Stored */
            stored: number;
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
    clock_break_end_post: {
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
                    "application/json": components["schemas"]["BreakOut"];
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
    clock_break_start_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BreakIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakOut"];
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
    clock_clock_in_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockInIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockInOut"];
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
    clock_clock_out_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockOutIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockOutOut"];
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
    clock_days_get: {
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
                    "application/json": components["schemas"]["Days"];
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
    gps_list_events_get: {
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
                    "application/json": components["schemas"]["Page_FenceEvent_"];
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
    gps_list_geofences_get: {
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
                    "application/json": components["schemas"]["Page_Geofence_"];
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
    gps_create_geofence_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GeofenceIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeofenceOut"];
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
    gps_get_geofence_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fence_id: string;
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
                    "application/json": components["schemas"]["GeofenceOut"];
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
    gps_delete_geofence_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fence_id: string;
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
    gps_patch_geofence_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fence_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GeofencePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeofenceOut"];
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
    leave_balances_get: {
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
                    "application/json": components["schemas"]["Balances"];
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
    leave_list_requests_get: {
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
                    "application/json": components["schemas"]["Page_LeaveRequest_"];
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
    leave_create_request_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaveRequestIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeaveRequestOut"];
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
    leave_get_request_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
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
                    "application/json": components["schemas"]["LeaveRequestOut"];
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
    leave_approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
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
                    "application/json": components["schemas"]["LeaveRequestOut"];
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
    leave_cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
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
                    "application/json": components["schemas"]["LeaveRequestOut"];
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
    leave_reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
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
                    "application/json": components["schemas"]["LeaveRequestOut"];
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
    leave_list_types_get: {
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
                    "application/json": components["schemas"]["Page_LeaveType_"];
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
    leave_create_type_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaveTypeIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeaveTypeOut"];
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
    leave_patch_type_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaveTypePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeaveTypeOut"];
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
    gps_list_locations_get: {
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
                    "application/json": components["schemas"]["Page_Point_"];
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
    gps_upload_locations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PointsIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
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
    clock_list_records_get: {
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
                    "application/json": components["schemas"]["Page_ListedRecord_"];
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
    clock_create_record_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManualRecordIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordOut"];
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
    clock_get_record_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
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
                    "application/json": components["schemas"]["RecordOut"];
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
    settings_get_settings_get: {
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
    settings_patch_settings_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsIn"];
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
    shifts_list_shifts_get: {
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
                    "application/json": components["schemas"]["Page_Shift_"];
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
    shifts_create_shift_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShiftIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftOut"];
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
    shifts_get_shift_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shift_id: string;
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
                    "application/json": components["schemas"]["ShiftOut"];
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
    shifts_delete_shift_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shift_id: string;
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
    shifts_patch_shift_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shift_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShiftPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftOut"];
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
    clock_status_get: {
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
                    "application/json": components["schemas"]["Status"];
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
