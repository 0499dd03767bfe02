// Generated from openapi/media.json by scripts/gen-types.mjs — do not edit.
export interface paths {
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
    "/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible recordings, newest first (?user_id, ?date). */
        get: operations["media_recordings_list_recordings_get"];
        put?: never;
        /** Open a recording (200 when this device, start and monitor already have one). */
        post: operations["media_recordings_open_recording_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{rec_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recording with presigned chunk URLs (admins only while blurring is on: video is never blurred). */
        get: operations["media_recordings_get_recording_get"];
        put?: never;
        post?: never;
        /** Delete a recording and its chunks. */
        delete: operations["media_recordings_delete_recording_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{rec_id}/chunks/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upload chunk n (raw body); a retry with the same bytes answers 200. */
        put: operations["media_recordings_put_chunk_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{rec_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a recording once all its chunks are there. */
        post: operations["media_recordings_complete_recording_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What retention will delete when, per kind of capture, with the company's current settings. */
        get: operations["media_retention_retention_preview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enqueue the retention job for every company (shared secret) or the admin's own. */
        post: operations["media_retention_run_retention_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/screenshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible screenshots, newest first (?user_id, ?date, ?expires_in). */
        get: operations["media_screenshots_list_screenshots_get"];
        put?: never;
        /** Store a screenshot (multipart: file, device_id, taken_at, monitor, activity_percent); 200 for a retry. */
        post: operations["media_screenshots_upload_screenshot_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/screenshots/{shot_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One screenshot with presigned URLs. */
        get: operations["media_screenshots_get_screenshot_get"];
        put?: never;
        post?: never;
        /** Delete a screenshot (own ones within the grace window; admins and managers any visible one). */
        delete: operations["media_screenshots_delete_screenshot_delete"];
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
        /** The company's media settings. */
        get: operations["media_settings_get_settings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change media settings. */
        patch: operations["media_settings_patch_settings_patch"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Chunk */
        Chunk: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Seq */
            seq: number;
            /** Sha256 */
            sha256: string;
            /** Size Bytes */
            size_bytes: number;
        };
        /** ChunkLink */
        ChunkLink: {
            /** Seq */
            seq: number;
            /** Sha256 */
            sha256: string;
            /** Size Bytes */
            size_bytes: number;
            /** Url */
            url: string;
        };
        /** ChunkOut */
        ChunkOut: {
            chunk: components["schemas"]["Chunk"];
        };
        /** CompleteIn */
        CompleteIn: {
            /**
             * Duration Ms
             * @default null
             */
            duration_ms: number | null;
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
        /** MediaSettings */
        MediaSettings: {
            /** Blur Screenshots */
            blur_screenshots: boolean;
            /** Browser Capture */
            browser_capture: string;
            /** Delete Grace Minutes */
            delete_grace_minutes: number;
            /** Idle Threshold Minutes */
            idle_threshold_minutes: number;
            /** Recording Chunk Max Bytes */
            recording_chunk_max_bytes: number;
            retention_days: components["schemas"]["Retention"];
            /** Screenshot Interval Minutes */
            screenshot_interval_minutes: number;
            /** Screenshot Max Bytes */
            screenshot_max_bytes: number;
        };
        /** Page[Recording] */
        Page_Recording_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Recording"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Screenshot] */
        Page_Screenshot_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Screenshot"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Recording */
        Recording: {
            /** Chunk Count */
            chunk_count: number;
            /** Completed At */
            completed_at: string | null;
            /** Content Type */
            content_type: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Device Id */
            device_id: string;
            /** Duration Ms */
            duration_ms: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Monitor */
            monitor: number;
            /** Size Bytes */
            size_bytes: number;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** State */
            state: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** RecordingDetail */
        RecordingDetail: {
            /** Chunks */
            chunks: components["schemas"]["ChunkLink"][];
            recording: components["schemas"]["Recording"];
            /** Url Expires In */
            url_expires_in: number;
        };
        /** RecordingIn */
        RecordingIn: {
            /**
             * Content Type
             * @enum {string}
             */
            content_type: "video/webm" | "video/mp4";
            /** Device Id */
            device_id: string;
            /**
             * Monitor
             * @default 0
             */
            monitor: number;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
        };
        /** RecordingOut */
        RecordingOut: {
            recording: components["schemas"]["Recording"];
        };
        /**
         * Retention
         * @description Days each kind of capture is kept (0: kept for good).
         */
        Retention: {
            /** Activity */
            activity: number;
            /** Chat */
            chat: number;
            /** Gps */
            gps: number;
            /** Recordings */
            recordings: number;
            /** Screenshots */
            screenshots: number;
        };
        /** RetentionDays */
        RetentionDays: {
            /**
             * Activity
             * @default null
             */
            activity: number | null;
            /**
             * Chat
             * @default null
             */
            chat: number | null;
            /**
             * Gps
             * @default null
             */
            gps: number | null;
            /**
             * Recordings
             * @default null
             */
            recordings: number | null;
            /**
             * Screenshots
             * @default null
             */
            screenshots: number | null;
        };
        /**
         * RetentionKind
         * @description One kind of capture: kept `days` (0: for good); `due_now` items are past the limit and go at `next_run_at`;
         *     the oldest kept item goes at `oldest_deleted_at`.
         */
        RetentionKind: {
            /** Cutoff */
            cutoff: string | null;
            /** Days */
            days: number;
            /** Due Now */
            due_now: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "screenshots" | "recordings" | "activity" | "gps" | "chat";
            /**
             * Next Run At
             * Format: date-time
             */
            next_run_at: string;
            /** Oldest Deleted At */
            oldest_deleted_at: string | null;
            /** Oldest Kept At */
            oldest_kept_at: string | null;
            /** What */
            what: string;
        };
        /** RetentionPreview */
        RetentionPreview: {
            /** Items */
            items: components["schemas"]["RetentionKind"][];
        };
        /** RetentionRun */
        RetentionRun: {
            /** Job Id */
            job_id: string;
            /** Scope */
            scope: string;
        };
        /**
         * Screenshot
         * @description A screenshot with presigned URLs; with blur on, non-admins get the blurred copy only.
         */
        Screenshot: {
            /** Activity Percent */
            activity_percent: number | null;
            /**
             * App
             * @default null
             */
            app: string | null;
            /** Blurred */
            blurred: boolean;
            /**
             * Blurred Url
             * @default null
             */
            blurred_url: string | null;
            /** Content Type */
            content_type: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Device Id */
            device_id: string;
            /** Height */
            height: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Monitor */
            monitor: number;
            /** Sha256 */
            sha256: string;
            /** Size Bytes */
            size_bytes: number;
            /** State */
            state: string;
            /**
             * Taken At
             * Format: date-time
             */
            taken_at: string;
            /** Thumbnail Url */
            thumbnail_url: string | null;
            /**
             * Title
             * @default null
             */
            title: string | null;
            /** Url */
            url: string | null;
            /** Url Expires In */
            url_expires_in: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Width */
            width: number;
        };
        /** ScreenshotOut */
        ScreenshotOut: {
            screenshot: components["schemas"]["Screenshot"];
        };
        /** SettingsOut */
        SettingsOut: {
            settings: components["schemas"]["MediaSettings"];
        };
        /** SettingsPatch */
        SettingsPatch: {
            /**
             * Blur Screenshots
             * @default null
             */
            blur_screenshots: boolean | null;
            /**
             * Browser Capture
             * @default null
             */
            browser_capture: ("domain" | "full") | null;
            /**
             * Delete Grace Minutes
             * @default null
             */
            delete_grace_minutes: number | null;
            /**
             * Idle Threshold Minutes
             * @default null
             */
            idle_threshold_minutes: number | null;
            /**
             * Recording Chunk Max Bytes
             * @default null
             */
            recording_chunk_max_bytes: number | null;
            /** @default null */
            retention_days: components["schemas"]["RetentionDays"] | null;
            /**
             * Screenshot Interval Minutes
             * @default null
             */
            screenshot_interval_minutes: number | null;
            /**
             * Screenshot Max Bytes
             * @default null
             */
            screenshot_max_bytes: number | null;
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
    media_recordings_list_recordings_get: {
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
                    "application/json": components["schemas"]["Page_Recording_"];
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
    media_recordings_open_recording_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordingIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingOut"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingOut"];
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
    media_recordings_get_recording_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rec_id: string;
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
                    "application/json": components["schemas"]["RecordingDetail"];
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
    media_recordings_delete_recording_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rec_id: string;
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
    media_recordings_put_chunk_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rec_id: string;
                n: string;
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
                    "application/json": components["schemas"]["ChunkOut"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChunkOut"];
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
    media_recordings_complete_recording_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rec_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingOut"];
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
    media_retention_retention_preview_get: {
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
                    "application/json": components["schemas"]["RetentionPreview"];
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
    media_retention_run_retention_post: {
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
                    "application/json": components["schemas"]["RetentionRun"];
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
    media_screenshots_list_screenshots_get: {
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
                    "application/json": components["schemas"]["Page_Screenshot_"];
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
    media_screenshots_upload_screenshot_post: {
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
                    "application/json": components["schemas"]["ScreenshotOut"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreenshotOut"];
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
    media_screenshots_get_screenshot_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shot_id: string;
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
                    "application/json": components["schemas"]["ScreenshotOut"];
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
    media_screenshots_delete_screenshot_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shot_id: string;
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
    media_settings_get_settings_get: {
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
    media_settings_patch_settings_patch: {
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
}
