// Generated from openapi/billing.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan, seats, status, trial end and access of the company (or that billing is off). */
        get: operations["billing_overview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a Stripe Checkout Session (subscription, one seat per active member); answer its URL. */
        post: operations["billing_checkout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/client-invoices/{invoice_id}/pay-online": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A "Pay online" link for an open finance invoice: a Stripe Checkout page (the company's own account) for the */
        post: operations["billing_pay_online_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entitlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Full, warning (past due, in grace) or read-only, and why: for the banner every member sees. */
        get: operations["billing_entitlement_get"];
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
    "/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's Stripe invoices with their hosted links, newest first (?limit, ?starting_after). */
        get: operations["billing_invoices_get"];
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
    "/pay/{company_id}/{invoice_id}/{signature}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Pay online link of an invoice email (no sign-in; signed): 303 to a Stripe Checkout page for the open */
        get: operations["billing_pay_from_email_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the Stripe Customer Portal (payment methods, invoices, cancel); answer its URL. */
        post: operations["billing_portal_post"];
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
    "/stripe-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's own Stripe account for client invoices: configured or not, the key's last 4 (never the key). */
        get: operations["billing_stripe_account_get"];
        /** Store the company's Stripe secret key (and webhook signing secret), encrypted; answer only "configured". */
        put: operations["billing_save_stripe_account_put"];
        post?: never;
        /** Forget the company's Stripe key and webhook secret (client invoices can no longer be paid online). */
        delete: operations["billing_delete_stripe_account_delete"];
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
         * BillingOverview
         * @description The company's billing state for its admins; `enabled` false (with `message`) when billing is off.
         */
        BillingOverview: {
            /**
             * Access
             * @enum {string}
             */
            access: "full" | "warning" | "read_only";
            /**
             * Active Members
             * @default null
             */
            active_members: number | null;
            /**
             * Cancel At Period End
             * @default null
             */
            cancel_at_period_end: boolean | null;
            /**
             * Current Period End
             * @default null
             */
            current_period_end: string | null;
            /** Enabled */
            enabled: boolean;
            /**
             * Grace Until
             * @default null
             */
            grace_until: string | null;
            /**
             * Interval
             * @default null
             */
            interval: ("month" | "year") | null;
            /** Message */
            message: string | null;
            /**
             * Plan
             * @default null
             */
            plan: string | null;
            /**
             * Plan Name
             * @default null
             */
            plan_name: string | null;
            /**
             * Plans
             * @default null
             */
            plans: components["schemas"]["PlanOut"][] | null;
            /** Reason */
            reason: string | null;
            /**
             * Seats
             * @default null
             */
            seats: number | null;
            /**
             * Status
             * @default null
             */
            status: string | null;
            /**
             * Subscribed
             * @default null
             */
            subscribed: boolean | null;
            /**
             * Trial End
             * @default null
             */
            trial_end: string | null;
        };
        /** CheckoutIn */
        CheckoutIn: {
            /**
             * Interval
             * @default month
             * @enum {string}
             */
            interval: "month" | "year";
            /** Plan */
            plan: string;
        };
        /**
         * CompanyStripeIn
         * @description The company's own Stripe account for client invoices: secret key and (optionally) webhook signing secret.
         */
        CompanyStripeIn: {
            /** Secret Key */
            secret_key: string;
            /**
             * Webhook Secret
             * @default null
             */
            webhook_secret: string | null;
        };
        /**
         * CompanyStripeOut
         * @description What admins see of the company's Stripe account: never the secrets, only whether set and the key's last 4.
         */
        CompanyStripeOut: {
            /** Configured */
            configured: boolean;
            /** Key Last4 */
            key_last4: string | null;
            /** Updated At */
            updated_at: string | null;
            /** Webhook Configured */
            webhook_configured: boolean;
            /** Webhook Url */
            webhook_url: string;
        };
        /**
         * Entitlement
         * @description What every member's app needs for the banner: full, warning (past due, in grace) or read_only.
         */
        Entitlement: {
            /**
             * Access
             * @enum {string}
             */
            access: "full" | "warning" | "read_only";
            /** Enabled */
            enabled: boolean;
            /** Reason */
            reason: string | null;
            /** Status */
            status: string | null;
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
         * PayLinkOut
         * @description A Stripe Checkout page where the client pays the invoice's open amount.
         */
        PayLinkOut: {
            /** Amount Minor */
            amount_minor: number;
            /** Currency */
            currency: string;
            /** Id */
            id: string;
            /** Url */
            url: string;
        };
        /** PlanOut */
        PlanOut: {
            /**
             * Interval
             * @enum {string}
             */
            interval: "month" | "year";
            /** Key */
            key: string;
            /** Name */
            name: string;
        };
        /**
         * RedirectOut
         * @description A Stripe-hosted page to send the browser to (Checkout or the Customer Portal).
         */
        RedirectOut: {
            /** Id */
            id: string;
            /** Url */
            url: string;
        };
        /** StripeInvoice */
        StripeInvoice: {
            /** Amount Due */
            amount_due: number;
            /** Amount Paid */
            amount_paid: number;
            /** Created */
            created: string | null;
            /** Currency */
            currency: string;
            /** Hosted Invoice Url */
            hosted_invoice_url: string | null;
            /** Id */
            id: string;
            /** Invoice Pdf */
            invoice_pdf: string | null;
            /** Number */
            number: string | null;
            /** Status */
            status: string | null;
        };
        /**
         * StripeInvoicePage
         * @description A page of Stripe invoices, newest first; pass `next_cursor` as ?starting_after for the next page.
         */
        StripeInvoicePage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["StripeInvoice"][];
            /** Next Cursor */
            next_cursor: string | null;
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
    billing_overview_get: {
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
                    "application/json": components["schemas"]["BillingOverview"];
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
    billing_checkout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectOut"];
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
    billing_pay_online_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoice_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayLinkOut"];
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
    billing_entitlement_get: {
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
                    "application/json": components["schemas"]["Entitlement"];
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
    billing_invoices_get: {
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
                    "application/json": components["schemas"]["StripeInvoicePage"];
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
    billing_pay_from_email_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                invoice_id: string;
                signature: string;
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
                    "text/html": string;
                };
            };
            /** @description 303 */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
    billing_portal_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectOut"];
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
    billing_stripe_account_get: {
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
                    "application/json": components["schemas"]["CompanyStripeOut"];
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
    billing_save_stripe_account_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyStripeIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyStripeOut"];
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
    billing_delete_stripe_account_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
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
}
