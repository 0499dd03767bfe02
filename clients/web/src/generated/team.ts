// Generated from openapi/team.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/agreements/{agreement_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The employee accepts a proposed agreement: capture may start. */
        post: operations["agreements_accept_agreement_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{agreement_id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The employee declines a proposed agreement. */
        post: operations["agreements_decline_agreement_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{agreement_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The employee (or an admin) withdraws an agreement: capture stops at once. */
        post: operations["agreements_revoke_agreement_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manager assignments, oldest first (?manager_id= or ?team=: one manager's). */
        get: operations["assignments_list_assignments_get"];
        put?: never;
        /** Assign an employee to a manager. */
        post: operations["assignments_assign_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{manager_id}/{employee_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an assignment. */
        delete: operations["assignments_unassign_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (?action= one action or a prefix "team.", ?actor_id=, ?since=, ?until=). */
        get: operations["audit_audit_log_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The actions the company's audit log holds (for a filter). */
        get: operations["audit_audit_actions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's company profile. */
        get: operations["audit_get_company_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the company's name, time zone, week start or currency. */
        patch: operations["audit_patch_company_patch"];
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
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open invitations, newest first (?all=true: accepted and revoked ones too). */
        get: operations["invitations_list_invitations_get"];
        put?: never;
        /** Invite a person; the link goes out by email once committed. */
        post: operations["invitations_invite_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{inv_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an open invitation (its link answers 410 from then on). */
        delete: operations["invitations_revoke_invitation_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/managers/{manager_id}/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make the given employees exactly the manager's people (bulk assign and unassign). */
        put: operations["assignments_set_team_put"];
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
    "/privacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's consent history, what each client captures now, and what is held about them. */
        get: operations["privacy_overview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who viewed the caller's screenshots, recordings and GPS points, and when (newest first). */
        get: operations["privacy_access_log_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for the caller's captured data to be erased (an admin decides). */
        post: operations["privacy_request_erasure_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/erasure-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Erasure requests: an admin sees the company's (?status), anyone else their own. */
        get: operations["privacy_list_erasure_requests_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/erasure-requests/{request_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an erasure request: captured data is deleted and the person pseudonymized (in the background). */
        post: operations["privacy_approve_erasure_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/erasure-requests/{request_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an erasure request, with a note for the person. */
        post: operations["privacy_reject_erasure_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's exports, newest first (ready ones with a 15-minute download link). */
        get: operations["privacy_list_exports_get"];
        put?: never;
        /** Start an export of everything about the caller (ZIP of JSON and CSV plus files); mailed when ready. */
        post: operations["privacy_request_export_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/privacy/exports/{export_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's exports with its progress (and a 15-minute download link once ready). */
        get: operations["privacy_get_export_get"];
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
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directory (?q name or email, ?role, ?status active|deactivated|all); everyone may read it. */
        get: operations["people_list_users_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person with the ids of their managers. */
        get: operations["people_get_user_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a name or time zone (oneself or an admin) or a role (admins; signs the person out). */
        patch: operations["people_update_user_patch"];
        trace?: never;
    };
    "/users/{user_id}/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's agreements, newest first. */
        get: operations["agreements_list_agreements_get"];
        put?: never;
        /** Propose an agreement; it supersedes the current one, so capture pauses until it is accepted. */
        post: operations["agreements_propose_agreement_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a person: signed out everywhere, no sign-in until reactivated. */
        post: operations["people_deactivate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/offboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Offboard a member: deactivate them now and erase their captured data the way an erasure does. */
        post: operations["privacy_offboard_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a person (their old sessions stay signed out). */
        post: operations["people_reactivate_post"];
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
        /** AccessRow */
        AccessRow: {
            /** Id */
            id: number;
            /** Items */
            items: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "screenshot" | "recording" | "gps";
            /** Target Id */
            target_id: string | null;
            /**
             * Viewed At
             * Format: date-time
             */
            viewed_at: string;
            /**
             * Viewer Id
             * Format: uuid
             */
            viewer_id: string;
            /** Viewer Name */
            viewer_name: string | null;
            /** Viewer Role */
            viewer_role: string | null;
        };
        /** Agreement */
        Agreement: {
            /** Accepted At */
            accepted_at: string | null;
            /** Activity */
            activity: boolean;
            /** Gps */
            gps: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Proposed At
             * Format: date-time
             */
            proposed_at: string;
            /** Proposed By */
            proposed_by: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /** Revoked By */
            revoked_by: string | null;
            /** Screenshots */
            screenshots: boolean;
            /**
             * Status
             * @enum {string}
             */
            status: "proposed" | "accepted" | "declined" | "revoked" | "superseded";
            /** Terms */
            terms: string | null;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** AgreementIn */
        AgreementIn: {
            /**
             * Activity
             * @default false
             */
            activity: boolean;
            /**
             * Gps
             * @default false
             */
            gps: boolean;
            /**
             * Screenshots
             * @default false
             */
            screenshots: boolean;
            /**
             * Terms
             * @default null
             */
            terms: string | null;
        };
        /** AgreementOut */
        AgreementOut: {
            agreement: components["schemas"]["Agreement"];
        };
        /** Agreements */
        Agreements: {
            /** Items */
            items: components["schemas"]["Agreement"][];
        };
        /** Assignment */
        Assignment: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Employee Id
             * Format: uuid
             */
            employee_id: string;
            /**
             * Manager Id
             * Format: uuid
             */
            manager_id: string;
        };
        /** AssignmentIn */
        AssignmentIn: {
            /**
             * Employee Id
             * Format: uuid
             */
            employee_id: string;
            /**
             * Manager Id
             * Format: uuid
             */
            manager_id: string;
        };
        /** AssignmentOut */
        AssignmentOut: {
            assignment: components["schemas"]["Assignment"];
        };
        /**
         * AssignmentQuery
         * @description GET /assignments query (declared for the OpenAPI document; the route parses it). `team` is a synonym of
         *     `manager_id`: the activity reports call the same filter `team`.
         */
        AssignmentQuery: {
            /**
             * Limit
             * @default 50
             */
            limit: number;
            /**
             * Manager Id
             * @description only this manager's assignments
             * @default null
             */
            manager_id: string | null;
            /**
             * Offset
             * @default 0
             */
            offset: number;
            /**
             * Team
             * @description synonym of manager_id (the activity reports' name)
             * @default null
             */
            team: string | null;
        };
        /** AuditActions */
        AuditActions: {
            /** Actions */
            actions: string[];
        };
        /**
         * AuditQuery
         * @description GET /audit query (declared for the OpenAPI document; the route parses it).
         */
        AuditQuery: {
            /**
             * Action
             * @description one action, or a prefix ending in "." (team.)
             * @default null
             */
            action: string | null;
            /**
             * Actor Id
             * @description only this person's actions
             * @default null
             */
            actor_id: string | null;
            /**
             * Limit
             * @default 50
             */
            limit: number;
            /**
             * Offset
             * @default 0
             */
            offset: number;
            /**
             * Since
             * @description RFC 3339 instant: rows at or after it
             * @default null
             */
            since: string | null;
            /**
             * Until
             * @description RFC 3339 instant: rows before it
             * @default null
             */
            until: string | null;
        };
        /** AuditRow */
        AuditRow: {
            /** Action */
            action: string;
            /** Actor Id */
            actor_id: string | null;
            /** Actor Name */
            actor_name: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /** Id */
            id: number;
            /** Ip */
            ip: string | null;
            /** Request Id */
            request_id: string | null;
            /** Target Id */
            target_id: string | null;
            /** Target Type */
            target_type: string | null;
        };
        /**
         * Capture
         * @description What one client captures about the person now (`active`), and how (`detail`).
         */
        Capture: {
            /** Active */
            active: boolean;
            /**
             * Client
             * @enum {string}
             */
            client: "desktop_agent" | "browser_extension" | "phone";
            /** Detail */
            detail: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "screenshots" | "activity" | "gps";
        };
        /** Company */
        Company: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Timezone */
            timezone: string;
            /** Week Start */
            week_start: number;
        };
        /** CompanyOut */
        CompanyOut: {
            company: components["schemas"]["Company"];
        };
        /** CompanyPatch */
        CompanyPatch: {
            /**
             * Currency
             * @default null
             */
            currency: string | null;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Timezone
             * @default null
             */
            timezone: string | null;
            /**
             * Week Start
             * @default null
             */
            week_start: number | null;
        };
        /**
         * DataExport
         * @description An export of everything about the person; `download_url` (short-lived) while it is ready.
         */
        DataExport: {
            /**
             * Download Url
             * @default null
             */
            download_url: string | null;
            /** Error */
            error: string | null;
            /** Expires At */
            expires_at: string | null;
            /** Finished At */
            finished_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Progress */
            progress: number;
            /**
             * Requested At
             * Format: date-time
             */
            requested_at: string;
            /** Size Bytes */
            size_bytes: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "running" | "ready" | "failed" | "expired";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** DataExportOut */
        DataExportOut: {
            export: components["schemas"]["DataExport"];
        };
        /** DataExports */
        DataExports: {
            /** Items */
            items: components["schemas"]["DataExport"][];
        };
        /** DecisionIn */
        DecisionIn: {
            /**
             * Note
             * @default null
             */
            note: string | null;
        };
        /** ErasureIn */
        ErasureIn: {
            /**
             * Reason
             * @default null
             */
            reason: string | null;
        };
        /** ErasureOut */
        ErasureOut: {
            request: components["schemas"]["ErasureRequest"];
        };
        /** ErasureRequest */
        ErasureRequest: {
            /** Completed At */
            completed_at: string | null;
            /** Decided At */
            decided_at: string | null;
            /** Decided By */
            decided_by: string | null;
            /** Decision Note */
            decision_note: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Offboarding */
            offboarding: boolean;
            /** Reason */
            reason: string | null;
            /**
             * Requested At
             * Format: date-time
             */
            requested_at: string;
            /**
             * Requested By
             * Format: uuid
             */
            requested_by: string;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected" | "completed" | "failed";
            /** Summary */
            summary: {
                [key: string]: unknown;
            };
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** User Name */
            user_name: string | null;
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
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /**
         * Held
         * @description How much of one kind of captured data is held about the person, and its time span.
         */
        Held: {
            /** Count */
            count: number;
            /** First At */
            first_at: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "screenshots" | "recordings" | "activity" | "gps";
            /** Last At */
            last_at: string | null;
            /** Retention Days */
            retention_days: number | null;
        };
        /** Invitation */
        Invitation: {
            /** Accepted At */
            accepted_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Role
             * @enum {string}
             */
            role: "admin" | "manager" | "employee";
        };
        /** InvitationOut */
        InvitationOut: {
            invitation: components["schemas"]["NewInvitation"];
        };
        /** InviteIn */
        InviteIn: {
            /** Email */
            email: string;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Role
             * @default employee
             */
            role: string;
        };
        /** NewInvitation */
        NewInvitation: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string | null;
            /**
             * Role
             * @enum {string}
             */
            role: "admin" | "manager" | "employee";
        };
        /** Page[AccessRow] */
        Page_AccessRow_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["AccessRow"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Assignment] */
        Page_Assignment_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Assignment"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[AuditRow] */
        Page_AuditRow_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["AuditRow"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[ErasureRequest] */
        Page_ErasureRequest_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["ErasureRequest"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Invitation] */
        Page_Invitation_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Invitation"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[User] */
        Page_User_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["User"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** PrivacyOut */
        PrivacyOut: {
            /** Capture */
            capture: components["schemas"]["Capture"][];
            /** Consent History */
            consent_history: components["schemas"]["Agreement"][];
            /** Held */
            held: components["schemas"]["Held"][];
        };
        /**
         * TeamIn
         * @description The whole set of employees a manager is to have (PUT replaces it; [] removes every one).
         */
        TeamIn: {
            /** Employee Ids */
            employee_ids: string[];
        };
        /**
         * TeamOut
         * @description A manager's employees after a bulk change, and what the change added and removed.
         */
        TeamOut: {
            /** Added */
            added: string[];
            /** Employee Ids */
            employee_ids: string[];
            /**
             * Manager Id
             * Format: uuid
             */
            manager_id: string;
            /** Removed */
            removed: string[];
        };
        /**
         * User
         * @description A person of the company as the directory shows them (never the password hash).
         */
        User: {
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            /** Otp Enabled */
            otp_enabled: boolean;
            /**
             * Role
             * @enum {string}
             */
            role: "admin" | "manager" | "employee";
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "deactivated";
            /** Timezone */
            timezone: string;
        };
        /** UserDetail */
        UserDetail: {
            /** Manager Ids */
            manager_ids: string[];
            user: components["schemas"]["User"];
        };
        /** UserOut */
        UserOut: {
            user: components["schemas"]["User"];
        };
        /** UserPatch */
        UserPatch: {
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Role
             * @default null
             */
            role: string | null;
            /**
             * Timezone
             * @default null
             */
            timezone: string | null;
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
    agreements_accept_agreement_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreement_id: string;
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
                    "application/json": components["schemas"]["AgreementOut"];
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
    agreements_decline_agreement_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreement_id: string;
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
                    "application/json": components["schemas"]["AgreementOut"];
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
    agreements_revoke_agreement_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreement_id: string;
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
                    "application/json": components["schemas"]["AgreementOut"];
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
    assignments_list_assignments_get: {
        parameters: {
            query?: {
                manager_id?: unknown;
                team?: unknown;
                limit?: unknown;
                offset?: unknown;
            };
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
                    "application/json": components["schemas"]["Page_Assignment_"];
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
    assignments_assign_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentOut"];
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
    assignments_unassign_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manager_id: string;
                employee_id: string;
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
    audit_audit_log_get: {
        parameters: {
            query?: {
                action?: unknown;
                actor_id?: unknown;
                since?: unknown;
                until?: unknown;
                limit?: unknown;
                offset?: unknown;
            };
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
                    "application/json": components["schemas"]["Page_AuditRow_"];
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
    audit_audit_actions_get: {
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
                    "application/json": components["schemas"]["AuditActions"];
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
    audit_get_company_get: {
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
                    "application/json": components["schemas"]["CompanyOut"];
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
    audit_patch_company_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOut"];
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
    invitations_list_invitations_get: {
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
                    "application/json": components["schemas"]["Page_Invitation_"];
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
    invitations_invite_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationOut"];
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
    invitations_revoke_invitation_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inv_id: string;
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
    assignments_set_team_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                manager_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamOut"];
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
    privacy_overview_get: {
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
                    "application/json": components["schemas"]["PrivacyOut"];
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
    privacy_access_log_get: {
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
                    "application/json": components["schemas"]["Page_AccessRow_"];
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
    privacy_request_erasure_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureOut"];
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
    privacy_list_erasure_requests_get: {
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
                    "application/json": components["schemas"]["Page_ErasureRequest_"];
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
    privacy_approve_erasure_post: {
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
                    "application/json": components["schemas"]["ErasureOut"];
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
    privacy_reject_erasure_post: {
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
                    "application/json": components["schemas"]["ErasureOut"];
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
    privacy_list_exports_get: {
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
                    "application/json": components["schemas"]["DataExports"];
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
    privacy_request_export_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportOut"];
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
    privacy_get_export_get: {
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
                    "application/json": components["schemas"]["DataExportOut"];
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
    people_list_users_get: {
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
                    "application/json": components["schemas"]["Page_User_"];
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
    people_get_user_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
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
                    "application/json": components["schemas"]["UserDetail"];
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
    people_update_user_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
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
    agreements_list_agreements_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
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
                    "application/json": components["schemas"]["Agreements"];
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
    agreements_propose_agreement_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementOut"];
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
    people_deactivate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
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
                    "application/json": components["schemas"]["UserOut"];
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
    privacy_offboard_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureOut"];
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
    people_reactivate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
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
                    "application/json": components["schemas"]["UserOut"];
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
