// Generated from openapi/events.schema.json by scripts/gen-types.mjs — do not edit.
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Ack
         * @description The answer to a client event: `ok`, and `error` (a code) when not; `room` or `exp` on success.
         */
        Ack: {
            /**
             * Error
             * @default null
             */
            error: string | null;
            /**
             * Exp
             * @default null
             */
            exp: number | null;
            /** Ok */
            ok: boolean;
            /**
             * Room
             * @default null
             */
            room: string | null;
        };
        /** Attachment */
        Attachment: {
            /** Content Type */
            content_type: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Filename */
            filename: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Message Id */
            message_id: number | null;
            /** Size Bytes */
            size_bytes: number;
        };
        /** AttendanceBreak */
        AttendanceBreak: {
            /** Break */
            break: {
                [key: string]: unknown;
            };
        };
        /** AttendanceRecord */
        AttendanceRecord: {
            /** Record */
            record: {
                [key: string]: unknown;
            };
        };
        /**
         * AuthClosed
         * @description Sent to one socket just before the gateway closes it.
         */
        AuthClosed: {
            /**
             * Code
             * @enum {string}
             */
            code: "token_expired" | "token_revoked";
        };
        /**
         * Channel
         * @description A channel as the caller sees it (`is_member` and the caller's read marker).
         */
        Channel: {
            /** Archived At */
            archived_at: string | null;
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
            /** Is Member */
            is_member: boolean;
            /**
             * Kind
             * @enum {string}
             */
            kind: "public" | "private" | "dm";
            /** Last Read At */
            last_read_at: string | null;
            /** Last Read Message Id */
            last_read_message_id: number | null;
            /** Member Count */
            member_count: number;
            /** Name */
            name: string | null;
            /** Topic */
            topic: string | null;
        };
        /** ChannelRef */
        ChannelRef: {
            /**
             * Channel Id
             * Format: uuid
             */
            channel_id: string;
        };
        /** ChatChannel */
        ChatChannel: {
            channel: components["schemas"]["Channel"];
        };
        /** ChatMember */
        ChatMember: {
            /**
             * Channel Id
             * Format: uuid
             */
            channel_id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** ChatMessage */
        ChatMessage: {
            /**
             * Channel Id
             * Format: uuid
             */
            channel_id: string;
            message: components["schemas"]["Message"];
        };
        /** ConsentChanged */
        ConsentChanged: {
            /** Agreement */
            agreement: {
                [key: string]: unknown;
            };
        };
        /** EntryDeleted */
        EntryDeleted: {
            entry: components["schemas"]["EntryRef"];
        };
        /** EntryEvent */
        EntryEvent: {
            /** Entry */
            entry: {
                [key: string]: unknown;
            };
        };
        /** EntryRef */
        EntryRef: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** LeaveDecided */
        LeaveDecided: {
            /** Request */
            request: {
                [key: string]: unknown;
            };
        };
        /**
         * Message
         * @description A chat message; a deleted one keeps its row with an empty body (`deleted_at` set).
         */
        Message: {
            /** Attachments */
            attachments: components["schemas"]["Attachment"][];
            /** Author Id */
            author_id: string | null;
            /** Body */
            body: string;
            /**
             * Channel Id
             * Format: uuid
             */
            channel_id: string;
            /** Client Id */
            client_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deleted At */
            deleted_at: string | null;
            /** Deleted By */
            deleted_by: string | null;
            /** Edited At */
            edited_at: string | null;
            /** Id */
            id: number;
            /** Mentions */
            mentions: string[];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** Notification */
        Notification: {
            /** Body */
            body: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Read At */
            read_at: string | null;
            /** Title */
            title: string;
        };
        /**
         * Receipt
         * @description A member's read marker in a channel (it never moves back).
         */
        Receipt: {
            /**
             * Channel Id
             * Format: uuid
             */
            channel_id: string;
            /** Last Read At */
            last_read_at: string | null;
            /** Last Read Message Id */
            last_read_message_id: number | null;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** TimesheetEvent */
        TimesheetEvent: {
            /** Timesheet */
            timesheet: {
                [key: string]: unknown;
            };
        };
        /** TokenIn */
        TokenIn: {
            /** Token */
            token: string;
        };
        /** WorkMonitorEvents */
        WorkMonitorEvents: {
            client: {
                "auth:refresh": {
                    ack: components["schemas"]["Ack"];
                    payload: components["schemas"]["TokenIn"];
                };
                "channel:join": {
                    ack: components["schemas"]["Ack"];
                    payload: components["schemas"]["ChannelRef"];
                };
                "channel:leave": {
                    ack: components["schemas"]["Ack"];
                    payload: components["schemas"]["ChannelRef"];
                };
            };
            server: {
                "attendance.break_ended": components["schemas"]["AttendanceBreak"];
                "attendance.break_started": components["schemas"]["AttendanceBreak"];
                "attendance.clocked_in": components["schemas"]["AttendanceRecord"];
                "attendance.clocked_out": components["schemas"]["AttendanceRecord"];
                "auth:closed": components["schemas"]["AuthClosed"];
                "chat.channel_updated": components["schemas"]["ChatChannel"];
                "chat.member_added": components["schemas"]["ChatMember"];
                "chat.member_removed": components["schemas"]["ChatMember"];
                "chat.message": components["schemas"]["ChatMessage"];
                "chat.message_deleted": components["schemas"]["ChatMessage"];
                "chat.message_updated": components["schemas"]["ChatMessage"];
                "chat.read": components["schemas"]["Receipt"];
                "chat.typing": components["schemas"]["ChatMember"];
                "consent.changed": components["schemas"]["ConsentChanged"];
                "entry.created": components["schemas"]["EntryEvent"];
                "entry.deleted": components["schemas"]["EntryDeleted"];
                "entry.updated": components["schemas"]["EntryEvent"];
                "leave.approved": components["schemas"]["LeaveDecided"];
                "leave.rejected": components["schemas"]["LeaveDecided"];
                notification: components["schemas"]["Notification"];
                "timer.started": components["schemas"]["EntryEvent"];
                "timer.stopped": components["schemas"]["EntryEvent"];
                "timesheet.approved": components["schemas"]["TimesheetEvent"];
                "timesheet.rejected": components["schemas"]["TimesheetEvent"];
                "timesheet.reopened": components["schemas"]["TimesheetEvent"];
                "timesheet.submitted": components["schemas"]["TimesheetEvent"];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
