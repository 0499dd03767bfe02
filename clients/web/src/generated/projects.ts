// Generated from openapi/projects.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients (not archived unless ?archived=true|all). */
        get: operations["clients_list_clients_get"];
        put?: never;
        /** Create a client. */
        post: operations["clients_create_client_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one client. */
        get: operations["clients_get_client_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit or archive a client. */
        patch: operations["clients_update_client_patch"];
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
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visible projects (?archived, ?client_id, ?q). */
        get: operations["projects_list_projects_get"];
        put?: never;
        /** Create a project with its first members. */
        post: operations["projects_create_project_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one project (with its budget for planners). */
        get: operations["projects_get_project_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit or archive a project. */
        patch: operations["projects_update_project_patch"];
        trace?: never;
    };
    "/projects/{project_id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's budget consumption. */
        get: operations["projects_project_budget_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's members (employees see only their own membership). */
        get: operations["projects_list_members_get"];
        put?: never;
        /** Add a member (or change a member's rate). */
        post: operations["projects_add_member_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member and their task assignments. */
        delete: operations["projects_remove_member_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's tasks (?status, ?assignee_id). */
        get: operations["tasks_list_tasks_get"];
        put?: never;
        /** Create a task and assign it. */
        post: operations["tasks_create_task_post"];
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
    "/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one task. */
        get: operations["tasks_get_task_get"];
        put?: never;
        post?: never;
        /** Delete a task. */
        delete: operations["tasks_delete_task_delete"];
        options?: never;
        head?: never;
        /** Edit a task and its assignees. */
        patch: operations["tasks_update_task_patch"];
        trace?: never;
    };
    "/tasks/{task_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a task (its assignees may too). */
        post: operations["tasks_set_task_status_post"];
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
         * Budget
         * @description Budget consumption: raw hours and money of every entry, running ones up to now.
         */
        Budget: {
            /** Amount Percent */
            amount_percent: number | null;
            /** Billable Seconds */
            billable_seconds: number;
            /** Budget Amount */
            budget_amount: number | null;
            /** Budget Hours */
            budget_hours: string | null;
            /** Currency */
            currency: string;
            /** Hours Percent */
            hours_percent: number | null;
            /** Used Amount */
            used_amount: number;
            /** Used Hours */
            used_hours: number;
            /** Used Seconds */
            used_seconds: number;
        };
        /** BudgetOut */
        BudgetOut: {
            budget: components["schemas"]["Budget"];
        };
        /** Client */
        Client: {
            /** Archived */
            archived: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Notes */
            notes: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ClientIn */
        ClientIn: {
            /**
             * Email
             * @default null
             */
            email: string | null;
            /** Name */
            name: string;
            /**
             * Notes
             * @default null
             */
            notes: string | null;
        };
        /** ClientOut */
        ClientOut: {
            client: components["schemas"]["Client"];
        };
        /** ClientPatch */
        ClientPatch: {
            /**
             * Archived
             * @default null
             */
            archived: boolean | null;
            /**
             * Email
             * @default null
             */
            email: string | null;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Notes
             * @default null
             */
            notes: string | null;
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
        /** Member */
        Member: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /** Hourly Rate */
            hourly_rate: number | null;
            /** Name */
            name: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** MemberIn */
        MemberIn: {
            /**
             * Hourly Rate
             * @default null
             */
            hourly_rate: number | null;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** Members */
        Members: {
            /** Items */
            items: components["schemas"]["Member"][];
        };
        /** Page[Client] */
        Page_Client_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Client"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Project] */
        Page_Project_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Project"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** Page[Task] */
        Page_Task_: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Task"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /**
         * Project
         * @description A project; `hourly_rate` and `budget_amount` are null for employees (planners' business).
         */
        Project: {
            /** Archived */
            archived: boolean;
            /** Billable */
            billable: boolean;
            /** Budget Amount */
            budget_amount: number | null;
            /** Budget Hours */
            budget_hours: string | null;
            /** Client Id */
            client_id: string | null;
            /** Client Name */
            client_name: string | null;
            /** Color */
            color: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Currency */
            currency: string;
            /** Hourly Rate */
            hourly_rate: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ProjectIn */
        ProjectIn: {
            /**
             * Archived
             * @default null
             */
            archived: boolean | null;
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Budget Amount
             * @default null
             */
            budget_amount: number | null;
            /**
             * Budget Hours
             * @default null
             */
            budget_hours: number | string | null;
            /**
             * Client Id
             * @default null
             */
            client_id: string | null;
            /**
             * Color
             * @default null
             */
            color: string | null;
            /**
             * Currency
             * @default null
             */
            currency: string | null;
            /**
             * Hourly Rate
             * @default null
             */
            hourly_rate: number | null;
            /** Member Ids */
            member_ids?: string[];
            /** Name */
            name: string;
        };
        /** ProjectOut */
        ProjectOut: {
            budget: components["schemas"]["Budget"] | null;
            project: components["schemas"]["Project"];
        };
        /** ProjectPatch */
        ProjectPatch: {
            /**
             * Archived
             * @default null
             */
            archived: boolean | null;
            /**
             * Billable
             * @default null
             */
            billable: boolean | null;
            /**
             * Budget Amount
             * @default null
             */
            budget_amount: number | null;
            /**
             * Budget Hours
             * @default null
             */
            budget_hours: number | string | null;
            /**
             * Client Id
             * @default null
             */
            client_id: string | null;
            /**
             * Color
             * @default null
             */
            color: string | null;
            /**
             * Currency
             * @default null
             */
            currency: string | null;
            /**
             * Hourly Rate
             * @default null
             */
            hourly_rate: number | null;
            /**
             * Name
             * @default null
             */
            name: string | null;
        };
        /** StatusIn */
        StatusIn: {
            /**
             * Status
             * @enum {string}
             */
            status: "todo" | "in_progress" | "done";
        };
        /** Task */
        Task: {
            /** Assignee Ids */
            assignee_ids: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Description */
            description: string | null;
            /** Due Date */
            due_date: string | null;
            /** Estimate Minutes */
            estimate_minutes: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /**
             * Project Id
             * Format: uuid
             */
            project_id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "todo" | "in_progress" | "done";
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** TaskIn */
        TaskIn: {
            /**
             * Assignee Ids
             * @default null
             */
            assignee_ids: string[] | null;
            /**
             * Description
             * @default null
             */
            description: string | null;
            /**
             * Due Date
             * @default null
             */
            due_date: string | null;
            /**
             * Estimate Minutes
             * @default null
             */
            estimate_minutes: number | null;
            /** Name */
            name: string;
            /**
             * Status
             * @default todo
             * @enum {string}
             */
            status: "todo" | "in_progress" | "done";
        };
        /** TaskOut */
        TaskOut: {
            task: components["schemas"]["Task"];
        };
        /** TaskPatch */
        TaskPatch: {
            /**
             * Assignee Ids
             * @default null
             */
            assignee_ids: string[] | null;
            /**
             * Description
             * @default null
             */
            description: string | null;
            /**
             * Due Date
             * @default null
             */
            due_date: string | null;
            /**
             * Estimate Minutes
             * @default null
             */
            estimate_minutes: number | null;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Status
             * @default null
             */
            status: ("todo" | "in_progress" | "done") | null;
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
    clients_list_clients_get: {
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
                    "application/json": components["schemas"]["Page_Client_"];
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
    clients_create_client_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientOut"];
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
    clients_get_client_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
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
                    "application/json": components["schemas"]["ClientOut"];
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
    clients_update_client_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientOut"];
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
    projects_list_projects_get: {
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
                    "application/json": components["schemas"]["Page_Project_"];
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
    projects_create_project_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
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
    projects_get_project_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
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
                    "application/json": components["schemas"]["ProjectOut"];
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
    projects_update_project_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
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
    projects_project_budget_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
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
                    "application/json": components["schemas"]["BudgetOut"];
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
    projects_list_members_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
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
                    "application/json": components["schemas"]["Members"];
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
    projects_add_member_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Members"];
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
    projects_remove_member_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                user_id: string;
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
    tasks_list_tasks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
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
                    "application/json": components["schemas"]["Page_Task_"];
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
    tasks_create_task_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
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
    tasks_get_task_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
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
                    "application/json": components["schemas"]["TaskOut"];
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
    tasks_delete_task_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
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
    tasks_update_task_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
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
    tasks_set_task_status_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
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
