// Generated from openapi/activity.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/api/0/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's buckets by name. */
        get: operations["activity_capture_list_own_buckets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/buckets/{bucket_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the caller's bucket (304 when it exists). */
        post: operations["activity_capture_create_bucket_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/buckets/{bucket_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bucket's newest events (?limit, ?user_id for a visible user). */
        get: operations["activity_capture_list_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/buckets/{bucket_id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a heartbeat into the bucket's last event or start a new one. */
        post: operations["activity_capture_post_heartbeat_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tracked, active and idle seconds per user and day (?per=day: per day over everyone visible), paginated. */
        get: operations["activity_reports_daily_get"];
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
    "/heartbeat/{bucket_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a heartbeat into the bucket's last event or start a new one. */
        post: operations["activity_capture_post_heartbeat_post_heartbeat_bucket_id"];
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
    "/productivity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Productive, neutral and unproductive seconds and the score per user and day, paginated. */
        get: operations["activity_reports_productivity_report_get"];
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
    "/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's rules. */
        get: operations["activity_rules_list_rules_get"];
        put?: never;
        /** Create a rule (a manager's applies to their team). */
        post: operations["activity_rules_create_rule_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rules/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild every day of the company's rollups from raw data (in the background, day by day). */
        post: operations["activity_rules_recompute_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rules/{rule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a rule. */
        delete: operations["activity_rules_delete_rule_delete"];
        options?: never;
        head?: never;
        /** Change a rule's match type, pattern or category. */
        patch: operations["activity_rules_update_rule_patch"];
        trace?: never;
    };
    "/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store a batch of samples (retries are de-duplicated) and add them to the rollups. */
        post: operations["activity_capture_post_samples_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activity % per interval for one user (?user_id, ?from, ?to, ?interval seconds). */
        get: operations["activity_reports_timeline_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seconds and activity % per app or domain (?by=app|domain, ?group=user,day). */
        get: operations["activity_reports_usage_get"];
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
        /** Bin */
        Bin: {
            /** Active Seconds */
            active_seconds: number;
            /** Activity Pct */
            activity_pct: number | null;
            /** Idle Seconds */
            idle_seconds: number;
            /** Keyboard */
            keyboard: number;
            /** Mouse */
            mouse: number;
            /** Seconds */
            seconds: number;
            /**
             * Start
             * Format: date-time
             */
            start: string;
        };
        /** Bucket */
        Bucket: {
            /** Client */
            client: string;
            /**
             * Created
             * Format: date-time
             */
            created: string;
            /** Hostname */
            hostname: string;
            /** Id */
            id: string;
            /** Type */
            type: string;
        };
        /** BucketIn */
        BucketIn: {
            /**
             * Client
             * @default
             */
            client: string;
            /**
             * Hostname
             * @default
             */
            hostname: string;
            /**
             * Type
             * @default currentwindow
             */
            type: string;
        };
        /**
         * Buckets
         * @description aw-server's bucket map: bucket name -> bucket.
         */
        Buckets: {
            [key: string]: components["schemas"]["Bucket"];
        };
        /** DailyProductivity */
        DailyProductivity: {
            /** Active Seconds */
            active_seconds: number;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Idle Seconds */
            idle_seconds: number;
            /** Neutral Seconds */
            neutral_seconds: number;
            /** Productive Seconds */
            productive_seconds: number;
            /** Score */
            score: number | null;
            /** Unproductive Seconds */
            unproductive_seconds: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** DailyTotal */
        DailyTotal: {
            /** Active Seconds */
            active_seconds: number;
            /** Activity Pct */
            activity_pct: number | null;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Idle Seconds */
            idle_seconds: number;
            /** Seconds */
            seconds: number;
            /** User Id */
            user_id: string | null;
        };
        /** DailyTotals */
        DailyTotals: {
            /**
             * From
             * Format: date
             */
            from: string;
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["DailyTotal"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
            /** Per */
            per: string;
            /**
             * To
             * Format: date
             */
            to: string;
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
        /** Event */
        Event: {
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /** Duration */
            duration: number;
            /** Id */
            id: number;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
        };
        /**
         * Events
         * @description aw-server's event list (newest first).
         */
        Events: components["schemas"]["Event"][];
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /**
         * HeartbeatIn
         * @description An ActivityWatch event sent as a heartbeat.
         */
        HeartbeatIn: {
            /** Data */
            data?: {
                [key: string]: unknown;
            };
            /**
             * Duration
             * @default 0
             */
            duration: number;
            /**
             * Id
             * @default null
             */
            id: number | null;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
        };
        /** HeartbeatOut */
        HeartbeatOut: {
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /** Duration */
            duration: number;
            /** Id */
            id: number;
            /** Merged */
            merged: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
        };
        /** IngestResult */
        IngestResult: {
            /** Accepted */
            accepted: number;
            /** Duplicates */
            duplicates: number;
            /** Received */
            received: number;
        };
        /** Page[Rule] */
        Page_Rule_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Rule"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** ProductivityReport */
        ProductivityReport: {
            /**
             * From
             * Format: date
             */
            from: string;
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["DailyProductivity"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
            /**
             * To
             * Format: date
             */
            to: string;
        };
        /** Queued */
        Queued: {
            /** Status */
            status: string;
        };
        /** Rule */
        Rule: {
            /** Category */
            category: string;
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
            /** Manager Id */
            manager_id: string | null;
            /** Match Type */
            match_type: string;
            /** Pattern */
            pattern: string;
            /** Target */
            target: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** RuleIn */
        RuleIn: {
            /** Category */
            category: string;
            /**
             * Manager Id
             * @default null
             */
            manager_id: string | null;
            /**
             * Match Type
             * @default exact
             */
            match_type: string;
            /** Pattern */
            pattern: string;
            /** Target */
            target: string;
        };
        /** RuleOut */
        RuleOut: {
            rule: components["schemas"]["Rule"];
        };
        /** RulePatch */
        RulePatch: {
            /**
             * Category
             * @default null
             */
            category: string | null;
            /**
             * Match Type
             * @default null
             */
            match_type: string | null;
            /**
             * Pattern
             * @default null
             */
            pattern: string | null;
        };
        /**
         * SampleBatch
         * @description A batch of samples; `device_id` applies to samples that do not name their own.
         */
        SampleBatch: {
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /** Samples */
            samples: components["schemas"]["SampleIn"][];
        };
        /**
         * SampleIn
         * @description One activity interval as the desktop agent or browser extension sends it (strict JSON types).
         */
        SampleIn: {
            /**
             * Active Seconds
             * @default null
             */
            active_seconds: number | null;
            /**
             * App
             * @default
             */
            app: string;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Domain
             * @default null
             */
            domain: string | null;
            /** Duration */
            duration: number;
            /**
             * Idle
             * @default false
             */
            idle: boolean;
            /**
             * Keyboard
             * @default 0
             */
            keyboard: number;
            /**
             * Mouse
             * @default 0
             */
            mouse: number;
            /** Seq */
            seq: number;
            /**
             * Source
             * @default null
             */
            source: ("desktop" | "browser") | null;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Title
             * @default
             */
            title: string;
            /**
             * Url
             * @default null
             */
            url: string | null;
        };
        /** Timeline */
        Timeline: {
            /** Interval */
            interval: number;
            /** Items */
            items: components["schemas"]["Bin"][];
        };
        /** Usage */
        Usage: {
            /** Active Seconds */
            active_seconds: number;
            /** Activity Pct */
            activity_pct: number | null;
            /**
             * Day
             * @default null
             */
            day: string | null;
            /** Idle Seconds */
            idle_seconds: number;
            /** Name */
            name: string;
            /** Seconds */
            seconds: number;
            /**
             * User Id
             * @default null
             */
            user_id: string | null;
        };
        /** UsagePage */
        UsagePage: {
            /** By */
            by: string;
            /**
             * From
             * Format: date
             */
            from: string;
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Usage"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
            /**
             * To
             * Format: date
             */
            to: string;
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
    activity_capture_list_own_buckets_get: {
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
                    "application/json": components["schemas"]["Buckets"];
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
    activity_capture_create_bucket_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bucket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BucketIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 304 */
            304: {
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
    activity_capture_list_events_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bucket_id: string;
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
                    "application/json": components["schemas"]["Events"];
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
    activity_capture_post_heartbeat_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bucket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatOut"];
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
    activity_reports_daily_get: {
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
                    "application/json": components["schemas"]["DailyTotals"];
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
    activity_capture_post_heartbeat_post_heartbeat_bucket_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bucket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatOut"];
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
    activity_reports_productivity_report_get: {
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
                    "application/json": components["schemas"]["ProductivityReport"];
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
    activity_rules_list_rules_get: {
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
                    "application/json": components["schemas"]["Page_Rule_"];
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
    activity_rules_create_rule_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
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
    activity_rules_recompute_post: {
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
                    "application/json": components["schemas"]["Queued"];
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
    activity_rules_delete_rule_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
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
    activity_rules_update_rule_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RulePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
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
    activity_capture_post_samples_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SampleBatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestResult"];
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
    activity_reports_timeline_get: {
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
                    "application/json": components["schemas"]["Timeline"];
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
    activity_reports_usage_get: {
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
                    "application/json": components["schemas"]["UsagePage"];
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
