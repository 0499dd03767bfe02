// Generated from openapi/integrations.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/ai/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every model request of the company, newest first: who asked, for whom, what kind of data, token counts. */
        get: operations["ai_list_requests_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ai/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether AI summaries are on for the company and what may be sent (aggregates only unless allow_titles). */
        get: operations["ai_get_settings_get"];
        /** Turn AI summaries on or off and choose whether window titles and URLs may be sent (audited). */
        put: operations["ai_put_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's security alerts, newest first (?state=new|acknowledged). */
        get: operations["alerts_list_alerts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alerts/{alert_id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an alert as seen and dealt with. */
        post: operations["alerts_acknowledge_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's calendar connections, and whether credentials can be stored at all. */
        get: operations["calendars_list_connections_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendars/caldav": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect a CalDAV calendar; the first sync runs in the background (see the connection's state). */
        post: operations["calendars_connect_caldav_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendars/oauth/{provider}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish connecting: exchange the code (with the PKCE verifier) for tokens, store them encrypted, queue a sync. */
        post: operations["calendars_oauth_finish_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendars/oauth/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Begin connecting Google or Microsoft: answer the provider's authorization URL (code flow with PKCE); the */
        post: operations["calendars_oauth_start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendars/{connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disconnect: the stored credential is deleted (and an OAuth grant revoked at the provider). */
        delete: operations["calendars_disconnect_delete"];
        options?: never;
        head?: never;
        /** Turn either sync direction on or off. */
        patch: operations["calendars_update_connection_patch"];
        trace?: never;
    };
    "/calendars/{connection_id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a sync of the connection now. */
        post: operations["calendars_sync_now_post"];
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
    "/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work patterns of ?user_id (default: oneself): hours per week, focus, meetings, burnout-risk indicators. */
        get: operations["insights_person_insights_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/insights/narrative": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A model's short narrative and recommendations on top of ?user_id's insight numbers (oneself by default; */
        post: operations["ai_narrative_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/insights/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same for everyone the caller manages (admins: the whole company), one item per person. */
        get: operations["insights_team_insights_get"];
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
    "/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's suggested entries (?state=new by default), newest first. */
        get: operations["suggestions_list_suggestions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suggestions/{suggestion_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make the suggestion a time entry of the caller (accepting twice returns the same entry). */
        post: operations["suggestions_accept_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suggestions/{suggestion_id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a suggestion; it is not offered again. */
        post: operations["suggestions_dismiss_post"];
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
         * AcceptIn
         * @description Optional details for the entry made from a suggestion (the event's title is the default description).
         */
        AcceptIn: {
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
             * Task Id
             * @default null
             */
            task_id: string | null;
        };
        /** AcceptOut */
        AcceptOut: {
            entry: components["schemas"]["Entry"];
            suggestion: components["schemas"]["Suggestion"];
        };
        /** AiRequest */
        AiRequest: {
            /** Completion Tokens */
            completion_tokens: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Data Kind
             * @enum {string}
             */
            data_kind: "aggregates" | "aggregates_and_titles";
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Model */
            model: string;
            /** Prompt Tokens */
            prompt_tokens: number | null;
            /**
             * Requested By
             * Format: uuid
             */
            requested_by: string;
            /**
             * Status
             * @enum {string}
             */
            status: "ok" | "failed";
            /**
             * Subject User Id
             * Format: uuid
             */
            subject_user_id: string;
        };
        /** AiRequestPage */
        AiRequestPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["AiRequest"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /**
         * AiSettings
         * @description Whether the company's AI summaries are on and what may be sent; `configured`: a model is set up at all.
         */
        AiSettings: {
            /** Allow Titles */
            allow_titles: boolean;
            /** Configured */
            configured: boolean;
            /** Enabled */
            enabled: boolean;
            /** Model */
            model: string | null;
            /** Updated At */
            updated_at: string | null;
        };
        /** AiSettingsIn */
        AiSettingsIn: {
            /**
             * Allow Titles
             * @default false
             */
            allow_titles: boolean;
            /** Enabled */
            enabled: boolean;
        };
        /** AiSettingsOut */
        AiSettingsOut: {
            settings: components["schemas"]["AiSettings"];
        };
        /** Alert */
        Alert: {
            /** Acknowledged At */
            acknowledged_at: string | null;
            /** Acknowledged By */
            acknowledged_by: string | null;
            /** Actor Id */
            actor_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Ip */
            ip: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "new_device_sign_in" | "failed_sign_ins" | "two_factor_changed" | "api_token_created" | "mass_deletion" | "mass_export" | "agent_silent" | "role_changed" | "consent_changed";
            /**
             * State
             * @enum {string}
             */
            state: "new" | "acknowledged";
            /** Subject User Id */
            subject_user_id: string | null;
            /** Title */
            title: string;
        };
        /** AlertOut */
        AlertOut: {
            alert: components["schemas"]["Alert"];
        };
        /** AlertPage */
        AlertPage: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Alert"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /**
         * CalDavIn
         * @description Connect a CalDAV calendar: the calendar collection's URL and the account's credentials.
         */
        CalDavIn: {
            /** Password */
            password: string;
            /**
             * Pull Events
             * @default true
             */
            pull_events: boolean;
            /**
             * Push Entries
             * @default true
             */
            push_entries: boolean;
            /** Url */
            url: string;
            /** Username */
            username: string;
        };
        /**
         * Connection
         * @description A calendar connection of the caller (its credential is never sent back).
         */
        Connection: {
            /** Calendar Url */
            calendar_url: string;
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
            /** Last Error */
            last_error: string | null;
            /** Last Sync At */
            last_sync_at: string | null;
            /**
             * Provider
             * @enum {string}
             */
            provider: "caldav" | "google" | "microsoft";
            /** Pull Events */
            pull_events: boolean;
            /** Push Entries */
            push_entries: boolean;
            /**
             * State
             * @enum {string}
             */
            state: "pending" | "active" | "error";
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
            /** Username */
            username: string | null;
        };
        /**
         * ConnectionList
         * @description The caller's connections; whether credentials can be stored at all, and which OAuth providers are set up.
         */
        ConnectionList: {
            /** Encryption Configured */
            encryption_configured: boolean;
            /** Items */
            items: components["schemas"]["Connection"][];
            /** Oauth Providers */
            oauth_providers: ("google" | "microsoft")[];
        };
        /** ConnectionOut */
        ConnectionOut: {
            connection: components["schemas"]["Connection"];
        };
        /** ConnectionPatch */
        ConnectionPatch: {
            /**
             * Pull Events
             * @default null
             */
            pull_events: boolean | null;
            /**
             * Push Entries
             * @default null
             */
            push_entries: boolean | null;
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
         * Insights
         * @description One person's work patterns over `from`..`to` (local days), computed from tracked time; no model involved.
         */
        Insights: {
            /** Days Worked */
            days_worked: number;
            /** Definitions */
            definitions: {
                [key: string]: string;
            };
            /**
             * First Day
             * Format: date
             */
            first_day: string;
            /** Focus Blocks */
            focus_blocks: number;
            /** Focus Seconds */
            focus_seconds: number;
            /**
             * Last Day
             * Format: date
             */
            last_day: string;
            /** Late Seconds */
            late_seconds: number;
            /** Long Days */
            long_days: number;
            /** Meeting Seconds */
            meeting_seconds: number;
            /** Missed Breaks */
            missed_breaks: number;
            /** Rising Hours */
            rising_hours: boolean;
            /** Tracked Seconds */
            tracked_seconds: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Weekend Days */
            weekend_days: number;
            /** Weeks */
            weeks: components["schemas"]["WeekHours"][];
        };
        /** InsightsOut */
        InsightsOut: {
            insights: components["schemas"]["Insights"];
        };
        /**
         * NarrativeIn
         * @description Whose insights to summarise (default: oneself) over which local days (default: the last 28).
         */
        NarrativeIn: {
            /**
             * From
             * @default null
             */
            from: string | null;
            /**
             * To
             * @default null
             */
            to: string | null;
            /**
             * User Id
             * @default null
             */
            user_id: string | null;
        };
        /**
         * NarrativeOut
         * @description The SQL numbers and, on top, a model's narrative: `generated` marks the text as written by `model`.
         */
        NarrativeOut: {
            /**
             * Data Kind
             * @enum {string}
             */
            data_kind: "aggregates" | "aggregates_and_titles";
            /**
             * Generated
             * @constant
             */
            generated: true;
            /** Model */
            model: string;
            /** Narrative */
            narrative: string;
            numbers: components["schemas"]["Insights"];
        };
        /** OAuthFinishIn */
        OAuthFinishIn: {
            /** Code */
            code: string;
            /**
             * Pull Events
             * @default true
             */
            pull_events: boolean;
            /**
             * Push Entries
             * @default true
             */
            push_entries: boolean;
            /** State */
            state: string;
        };
        /**
         * OAuthStart
         * @description Send the browser to `authorize_url`; `state` comes back with the code.
         */
        OAuthStart: {
            /** Authorize Url */
            authorize_url: string;
            /** State */
            state: string;
        };
        /**
         * OAuthStartIn
         * @description Nothing to send: the redirect goes back to this installation's web app.
         */
        OAuthStartIn: Record<string, never>;
        /**
         * Suggestion
         * @description A calendar event offered as a time entry.
         */
        Suggestion: {
            /**
             * Connection Id
             * Format: uuid
             */
            connection_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Ended At
             * Format: date-time
             */
            ended_at: string;
            /** Entry Id */
            entry_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * State
             * @enum {string}
             */
            state: "new" | "accepted" | "dismissed" | "gone";
            /** Title */
            title: string;
        };
        /** SuggestionOut */
        SuggestionOut: {
            suggestion: components["schemas"]["Suggestion"];
        };
        /** SuggestionPage */
        SuggestionPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Suggestion"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** SyncQueued */
        SyncQueued: {
            /** Job Id */
            job_id: string | null;
        };
        /** TeamInsights */
        TeamInsights: {
            /** Items */
            items: components["schemas"]["Insights"][];
        };
        /** WeekHours */
        WeekHours: {
            /** Seconds */
            seconds: number;
            /**
             * Week
             * Format: date
             */
            week: string;
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
    ai_list_requests_get: {
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
                    "application/json": components["schemas"]["AiRequestPage"];
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
    ai_get_settings_get: {
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
                    "application/json": components["schemas"]["AiSettingsOut"];
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
    ai_put_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AiSettingsIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSettingsOut"];
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
    alerts_list_alerts_get: {
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
                    "application/json": components["schemas"]["AlertPage"];
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
    alerts_acknowledge_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: string;
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
                    "application/json": components["schemas"]["AlertOut"];
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
    calendars_list_connections_get: {
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
                    "application/json": components["schemas"]["ConnectionList"];
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
    calendars_connect_caldav_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalDavIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
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
    calendars_oauth_finish_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OAuthFinishIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
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
    calendars_oauth_start_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OAuthStartIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthStart"];
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
    calendars_disconnect_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
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
    calendars_update_connection_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectionPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
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
    calendars_sync_now_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
            };
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
                    "application/json": components["schemas"]["SyncQueued"];
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
    insights_person_insights_get: {
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
                    "application/json": components["schemas"]["InsightsOut"];
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
    ai_narrative_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NarrativeIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NarrativeOut"];
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
    insights_team_insights_get: {
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
                    "application/json": components["schemas"]["TeamInsights"];
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
    suggestions_list_suggestions_get: {
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
                    "application/json": components["schemas"]["SuggestionPage"];
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
    suggestions_accept_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                suggestion_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptOut"];
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
    suggestions_dismiss_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                suggestion_id: string;
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
                    "application/json": components["schemas"]["SuggestionOut"];
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
