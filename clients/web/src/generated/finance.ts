// Generated from openapi/finance.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/clients/{client_id}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's billing details. */
        get: operations["invoices_get_billing_get"];
        /** Set a client's billing email, address, tax id, hourly rate and currency. */
        put: operations["invoices_put_billing_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts (admins: all; contractors: their own). */
        get: operations["payouts_list_contracts_get"];
        put?: never;
        /** Create a milestone or hourly contract for a contractor. */
        post: operations["payouts_create_contract_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contract_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contract with its milestones and audit trail. */
        get: operations["payouts_get_contract_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contract_id}/connect-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set (or clear, null) the contractor's Stripe connected account: released milestones are transferred to it */
        put: operations["payouts_set_connect_account_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contract_id}/hourly-payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay an hourly contract's approved hours of one week, capped at its weekly cap. */
        post: operations["payouts_hourly_payout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contract_id}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a milestone. */
        post: operations["payouts_add_milestone_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expense-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's expense categories. */
        get: operations["expenses_list_categories_get"];
        put?: never;
        /** Create an expense category (admins). */
        post: operations["expenses_add_category_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible expenses (own; a manager's team; all for admins), ?user_id and ?status, newest first. */
        get: operations["expenses_list_expenses_get"];
        put?: never;
        /** Submit an expense: JSON, or multipart form fields plus an optional `receipt` file (image or PDF). */
        post: operations["expenses_submit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses/{expense_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One visible expense. */
        get: operations["expenses_get_expense_get"];
        put?: never;
        post?: never;
        /** Withdraw one's own submitted expense. */
        delete: operations["expenses_withdraw_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses/{expense_id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject a submitted expense with a reason (the employee's manager or an admin). */
        post: operations["expenses_decide_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses/{expense_id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A short-lived URL of the receipt, for those who may see the expense. */
        get: operations["expenses_receipt_get"];
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
    "/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's holidays. */
        get: operations["payroll_list_holidays_get"];
        put?: never;
        /** Add a company holiday (admins). */
        post: operations["payroll_add_holiday_post"];
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
        /** Invoices and credit notes (?status, ?client_id, ?overdue=true|false), newest first. */
        get: operations["invoices_list_invoices_get"];
        put?: never;
        /** Create a draft from approved billable time and expenses of a client and period, plus manual lines. */
        post: operations["invoices_create_invoice_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice with its lines and payments. */
        get: operations["invoices_get_invoice_get"];
        put?: never;
        post?: never;
        /** Delete a draft; what it billed becomes billable again. */
        delete: operations["invoices_delete_draft_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/credit-note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a draft credit note: the whole invoice, or the given lines. */
        post: operations["invoices_credit_note_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a draft: allocate its number, freeze it, render its PDF. */
        post: operations["invoices_issue_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a manual line to a draft. */
        post: operations["invoices_add_line_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a payment (partial allowed); the same reference again returns the first one (200). */
        post: operations["invoices_record_payment_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A short-lived URL of the invoice PDF (404 until the job has rendered it). */
        get: operations["invoices_pdf_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the invoice PDF to the client's billing address (or `to`). */
        post: operations["invoices_send_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoice_id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void an issued invoice without payments; its time and expenses become billable again. */
        post: operations["invoices_void_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/milestones/{milestone_id}/fund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fund a milestone's escrow (default: the rest of its amount). */
        post: operations["payouts_fund_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/milestones/{milestone_id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund held escrow to the company. */
        post: operations["payouts_refund_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/milestones/{milestone_id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release held escrow to the contractor as a payout (409 beyond what is held); a Stripe Transfer to the */
        post: operations["payouts_release_post"];
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
    "/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payouts (admins: all; contractors: their own). */
        get: operations["payouts_list_payouts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payouts/{payout_id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a pending payout paid or failed. */
        post: operations["payouts_set_state_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payroll runs, newest period first. */
        get: operations["payroll_list_runs_get"];
        put?: never;
        /** Create the draft run of the pay period containing `date`. */
        post: operations["payroll_create_run_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run with totals per employee and per kind of line. */
        get: operations["payroll_run_summary_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a manual adjustment line (a correction of an earlier, finalized run) to this run. */
        post: operations["payroll_add_adjustment_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}/compute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** (Re)compute a run from approved time, paid leave and reimbursable expenses. */
        post: operations["payroll_compute_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The run as CSV (layout in docs/finance.md) */
        get: operations["payroll_export_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finalize a reviewed run: its sources lock, payslips are written and their PDFs rendered. */
        post: operations["payroll_finalize_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run's lines (?user_id); employees see their own lines of finalized runs only. */
        get: operations["payroll_run_lines_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payroll/runs/{run_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a computed run reviewed. */
        post: operations["payroll_review_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payslips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payslips: admins see everyone's (?user_id, ?run_id); everyone else only their own. */
        get: operations["payroll_list_payslips_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payslips/{payslip_id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A short-lived URL of the payslip PDF (404 until the job has rendered it). */
        get: operations["payroll_payslip_pdf_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Wage rates (admins: everyone's, ?user_id; others: their own), newest first per user. */
        get: operations["payroll_list_rates_get"];
        put?: never;
        /** Add an effective-dated wage rate (hourly per hour, salaried per year) in the payroll currency. */
        post: operations["payroll_add_rate_post"];
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
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's finance settings (pay frequency, overtime rules, invoice numbering, billing details). */
        get: operations["payroll_get_settings_get"];
        /** Change finance settings (admins); fields left out keep their value. */
        put: operations["payroll_put_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{task_id}/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a task's billing rate (the first in the rate precedence). */
        put: operations["invoices_put_task_rate_put"];
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
        /** AdjustmentIn */
        AdjustmentIn: {
            /** Amount Minor */
            amount_minor: number;
            /** Description */
            description: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** CategoriesOut */
        CategoriesOut: {
            /** Items */
            items: components["schemas"]["Category"][];
        };
        /** Category */
        Category: {
            /** Archived */
            archived: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** CategoryIn */
        CategoryIn: {
            /** Name */
            name: string;
        };
        /** CategoryOut */
        CategoryOut: {
            category: components["schemas"]["Category"];
        };
        /** ClientBilling */
        ClientBilling: {
            /** Address */
            address: string | null;
            /** Billing Email */
            billing_email: string | null;
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /** Currency */
            currency: string | null;
            /** Hourly Rate */
            hourly_rate: string | null;
            /** Name */
            name: string;
            /** Tax Id */
            tax_id: string | null;
        };
        /** ClientBillingIn */
        ClientBillingIn: {
            /**
             * Address
             * @default null
             */
            address: string | null;
            /**
             * Billing Email
             * @default null
             */
            billing_email: string | null;
            /**
             * Currency
             * @default null
             */
            currency: string | null;
            /**
             * Hourly Rate
             * @default null
             */
            hourly_rate: number | string | null;
            /**
             * Tax Id
             * @default null
             */
            tax_id: string | null;
        };
        /** ClientBillingOut */
        ClientBillingOut: {
            billing: components["schemas"]["ClientBilling"];
        };
        /**
         * ConnectAccountIn
         * @description The contractor's Stripe connected account (acct_…) that released milestones are transferred to; null clears.
         */
        ConnectAccountIn: {
            /** Account Id */
            account_id: string | null;
        };
        /** Contract */
        Contract: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /** Hourly Rate */
            hourly_rate: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "milestone" | "hourly";
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "closed";
            /** Stripe Account Id */
            stripe_account_id: string | null;
            /** Title */
            title: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Weekly Cap Hours */
            weekly_cap_hours: string | null;
        };
        /** ContractIn */
        ContractIn: {
            /** Currency */
            currency: string;
            /**
             * Hourly Rate
             * @default null
             */
            hourly_rate: number | string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "milestone" | "hourly";
            /** Title */
            title: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /**
             * Weekly Cap Hours
             * @default null
             */
            weekly_cap_hours: number | string | null;
        };
        /** ContractOut */
        ContractOut: {
            contract: components["schemas"]["Contract"];
            /** Milestones */
            milestones: components["schemas"]["Milestone"][];
            /** Trail */
            trail: components["schemas"]["TrailEvent"][];
        };
        /**
         * ContractPage
         * @description Contracts, newest first.
         */
        ContractPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Contract"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** CreditNoteIn */
        CreditNoteIn: {
            /**
             * Lines
             * @default []
             */
            lines: components["schemas"]["LineIn"][];
        };
        /** DecisionIn */
        DecisionIn: {
            /**
             * Action
             * @enum {string}
             */
            action: "approved" | "rejected";
            /**
             * Reason
             * @default null
             */
            reason: string | null;
        };
        /** EmployeeTotal */
        EmployeeTotal: {
            /** Email */
            email: string;
            /** Gross Minor */
            gross_minor: number;
            /** Lines */
            lines: number;
            /** Name */
            name: string;
            /** Reimbursed Minor */
            reimbursed_minor: number;
            /** Seconds */
            seconds: number;
            /** Total Minor */
            total_minor: number;
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
        /** EscrowIn */
        EscrowIn: {
            /**
             * Amount Minor
             * @default null
             */
            amount_minor: number | null;
        };
        /** Expense */
        Expense: {
            /** Amount Minor */
            amount_minor: number;
            /** Billable */
            billable: boolean;
            /** Category */
            category: string;
            /**
             * Category Id
             * Format: uuid
             */
            category_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /** Decided At */
            decided_at: string | null;
            /** Decided By */
            decided_by: string | null;
            /** Has Receipt */
            has_receipt: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Note */
            note: string | null;
            /** Project Id */
            project_id: string | null;
            /** Reason */
            reason: string | null;
            /** Reimbursable */
            reimbursable: boolean;
            /**
             * Spent On
             * Format: date
             */
            spent_on: string;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "approved" | "rejected";
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
        /**
         * ExpenseIn
         * @description The fields of an expense (sent as multipart form fields with an optional `receipt` file, or JSON).
         */
        ExpenseIn: {
            /** Amount Minor */
            amount_minor: number;
            /**
             * Billable
             * @default false
             */
            billable: boolean;
            /**
             * Category Id
             * Format: uuid
             */
            category_id: string;
            /** Currency */
            currency: string;
            /**
             * Note
             * @default null
             */
            note: string | null;
            /**
             * Project Id
             * @default null
             */
            project_id: string | null;
            /**
             * Reimbursable
             * @default true
             */
            reimbursable: boolean;
            /**
             * Spent On
             * Format: date
             */
            spent_on: string;
        };
        /** ExpenseOut */
        ExpenseOut: {
            expense: components["schemas"]["Expense"];
        };
        /**
         * ExpensePage
         * @description Expenses, newest first.
         */
        ExpensePage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Expense"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** FinanceSettings */
        FinanceSettings: {
            /** Address */
            address: string | null;
            /** Company Name */
            company_name: string;
            /** Credit Note Format */
            credit_note_format: string;
            /** Currency */
            currency: string;
            /** Daily Overtime Hours */
            daily_overtime_hours: string | null;
            /** Default Hourly Rate */
            default_hourly_rate: string | null;
            /** Default Tax Rate */
            default_tax_rate: string;
            /** Holiday Premium */
            holiday_premium: string;
            /** Invoice Format */
            invoice_format: string;
            /** Leave Hours Per Day */
            leave_hours_per_day: string;
            /** Legal Name */
            legal_name: string | null;
            /**
             * Night End
             * Format: time
             */
            night_end: string;
            /** Night Premium */
            night_premium: string;
            /**
             * Night Start
             * Format: time
             */
            night_start: string;
            /** Overtime Multiplier */
            overtime_multiplier: string;
            /**
             * Pay Frequency
             * @enum {string}
             */
            pay_frequency: "weekly" | "biweekly" | "semimonthly" | "monthly";
            /** Payment Details */
            payment_details: string | null;
            /** Payment Terms Days */
            payment_terms_days: number;
            /**
             * Period Anchor
             * Format: date
             */
            period_anchor: string;
            /** Tax Id */
            tax_id: string | null;
            /** Timezone */
            timezone: string;
            /** Week Start */
            week_start: number;
            /** Weekend Premium */
            weekend_premium: string;
            /** Weekly Overtime Hours */
            weekly_overtime_hours: string | null;
        };
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /** Holiday */
        Holiday: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Name */
            name: string;
        };
        /** HolidayIn */
        HolidayIn: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Name */
            name: string;
        };
        /** HolidayOut */
        HolidayOut: {
            holiday: components["schemas"]["Holiday"];
        };
        /** HolidaysOut */
        HolidaysOut: {
            /** Items */
            items: components["schemas"]["Holiday"][];
        };
        /** HourlyPayoutIn */
        HourlyPayoutIn: {
            /**
             * Method
             * @default manual
             */
            method: string;
            /**
             * Reference
             * @default null
             */
            reference: string | null;
            /**
             * Week Start
             * Format: date
             */
            week_start: string;
        };
        /** Invoice */
        Invoice: {
            /** Bill To */
            bill_to: {
                [key: string]: unknown;
            };
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
            /** Credits Invoice Id */
            credits_invoice_id: string | null;
            /** Currency */
            currency: string;
            /** Due Date */
            due_date: string | null;
            /** Grouping */
            grouping: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Issue Date */
            issue_date: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "invoice" | "credit_note";
            /** Notes */
            notes: string | null;
            /** Number */
            number: string | null;
            /** Overdue */
            overdue: boolean;
            /** Paid Minor */
            paid_minor: number;
            /** Pdf Ready */
            pdf_ready: boolean;
            /** Period End */
            period_end: string | null;
            /** Period Start */
            period_start: string | null;
            /** Reverse Charge */
            reverse_charge: boolean;
            /** Sent At */
            sent_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "draft" | "issued" | "sent" | "partially_paid" | "paid" | "void";
            /** Subtotal Minor */
            subtotal_minor: number;
            /** Tax Minor */
            tax_minor: number;
            /** Terms Days */
            terms_days: number;
            /** Total Minor */
            total_minor: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** InvoiceIn */
        InvoiceIn: {
            /**
             * Client Id
             * Format: uuid
             */
            client_id: string;
            /**
             * Discount Percent
             * @default null
             */
            discount_percent: number | string | null;
            /**
             * Grouping
             * @default project
             * @enum {string}
             */
            grouping: "project" | "task" | "person" | "entry";
            /**
             * Lines
             * @default []
             */
            lines: components["schemas"]["LineIn"][];
            /**
             * Notes
             * @default null
             */
            notes: string | null;
            /**
             * Period End
             * @default null
             */
            period_end: string | null;
            /**
             * Period Start
             * @default null
             */
            period_start: string | null;
            /**
             * Reverse Charge
             * @default false
             */
            reverse_charge: boolean;
            /**
             * Tax Rate
             * @default null
             */
            tax_rate: number | string | null;
            /**
             * Terms Days
             * @default null
             */
            terms_days: number | null;
        };
        /** InvoiceLine */
        InvoiceLine: {
            /** Amount Minor */
            amount_minor: number;
            /** Description */
            description: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "time" | "expense" | "manual" | "discount" | "tax";
            /** Position */
            position: number;
            /** Project Id */
            project_id: string | null;
            /** Quantity */
            quantity: string;
            /** Task Id */
            task_id: string | null;
            /** Tax Rate */
            tax_rate: string;
            /** Unit Price */
            unit_price: string;
            /** User Id */
            user_id: string | null;
        };
        /** InvoiceOut */
        InvoiceOut: {
            invoice: components["schemas"]["Invoice"];
            /** Lines */
            lines: components["schemas"]["InvoiceLine"][];
            /** Payments */
            payments: components["schemas"]["Payment"][];
        };
        /**
         * InvoicePage
         * @description Invoices and credit notes, newest first.
         */
        InvoicePage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Invoice"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** KindTotal */
        KindTotal: {
            /** Amount Minor */
            amount_minor: number;
            /** Kind */
            kind: string;
            /** Seconds */
            seconds: number;
        };
        /** LineIn */
        LineIn: {
            /** Description */
            description: string;
            /** Quantity */
            quantity: number | string;
            /**
             * Tax Rate
             * @default null
             */
            tax_rate: number | string | null;
            /** Unit Price */
            unit_price: number | string;
        };
        /** LinesOut */
        LinesOut: {
            /** Items */
            items: components["schemas"]["PayLine"][];
        };
        /** Milestone */
        Milestone: {
            /** Amount Minor */
            amount_minor: number;
            /**
             * Contract Id
             * Format: uuid
             */
            contract_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Funded Minor */
            funded_minor: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Refunded Minor */
            refunded_minor: number;
            /** Released Minor */
            released_minor: number;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "funded" | "released" | "refunded" | "partially_released";
            /** Title */
            title: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** MilestoneIn */
        MilestoneIn: {
            /** Amount Minor */
            amount_minor: number;
            /** Title */
            title: string;
        };
        /** MilestoneOut */
        MilestoneOut: {
            milestone: components["schemas"]["Milestone"];
        };
        /** PayLine */
        PayLine: {
            /** Amount Minor */
            amount_minor: number;
            /** Currency */
            currency: string;
            /** Description */
            description: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Manual */
            manual: boolean;
            /** Multiplier */
            multiplier: string | null;
            /** Position */
            position: number;
            /** Rate */
            rate: string | null;
            /**
             * Run Id
             * Format: uuid
             */
            run_id: string;
            /** Seconds */
            seconds: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** Payment */
        Payment: {
            /** Amount Minor */
            amount_minor: number;
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
            /** Method */
            method: string;
            /**
             * Paid At
             * Format: date-time
             */
            paid_at: string;
            /** Reference */
            reference: string;
        };
        /** PaymentIn */
        PaymentIn: {
            /** Amount Minor */
            amount_minor: number;
            /** Currency */
            currency: string;
            /** Method */
            method: string;
            /**
             * Paid At
             * @default null
             */
            paid_at: string | null;
            /** Reference */
            reference: string;
        };
        /** PaymentOut */
        PaymentOut: {
            /** Created */
            created: boolean;
            invoice: components["schemas"]["Invoice"];
            payment: components["schemas"]["Payment"];
        };
        /** PayoutOut */
        PayoutOut: {
            payout: components["schemas"]["PayoutRow"];
        };
        /**
         * PayoutPage
         * @description Payouts, newest first.
         */
        PayoutPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["PayoutRow"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** PayoutRow */
        PayoutRow: {
            /** Amount Minor */
            amount_minor: number;
            /** Contract Id */
            contract_id: string | null;
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
            /** Method */
            method: string;
            /** Milestone Id */
            milestone_id: string | null;
            /** Reference */
            reference: string | null;
            /** Reversed Minor */
            reversed_minor: number;
            /**
             * State
             * @enum {string}
             */
            state: "pending" | "paid" | "failed" | "reversed";
            /** Stripe Transfer Id */
            stripe_transfer_id: string | null;
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
        /** PayoutStateIn */
        PayoutStateIn: {
            /**
             * Reference
             * @default null
             */
            reference: string | null;
            /**
             * State
             * @enum {string}
             */
            state: "paid" | "failed";
        };
        /** Payslip */
        Payslip: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /** Gross Minor */
            gross_minor: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Pdf Ready */
            pdf_ready: boolean;
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
            /** Reimbursed Minor */
            reimbursed_minor: number;
            /**
             * Run Id
             * Format: uuid
             */
            run_id: string;
            /** Total Minor */
            total_minor: number;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** User Name */
            user_name: string;
        };
        /**
         * PayslipPage
         * @description Payslips, newest period first.
         */
        PayslipPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Payslip"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** RateIn */
        RateIn: {
            /** Amount */
            amount: number | string;
            /**
             * Effective From
             * Format: date
             */
            effective_from: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "hourly" | "salaried";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** RateOut */
        RateOut: {
            rate: components["schemas"]["WageRate"];
        };
        /** RatesOut */
        RatesOut: {
            /** Items */
            items: components["schemas"]["WageRate"][];
        };
        /** ReleaseIn */
        ReleaseIn: {
            /**
             * Amount Minor
             * @default null
             */
            amount_minor: number | null;
            /**
             * Method
             * @default manual
             */
            method: string;
            /**
             * Reference
             * @default null
             */
            reference: string | null;
        };
        /** ReleaseOut */
        ReleaseOut: {
            milestone: components["schemas"]["Milestone"];
            payout: components["schemas"]["PayoutRow"];
        };
        /** Run */
        Run: {
            /** Computed At */
            computed_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string | null;
            /** Currency */
            currency: string;
            /** Finalized At */
            finalized_at: string | null;
            /** Finalized By */
            finalized_by: string | null;
            /**
             * Frequency
             * @enum {string}
             */
            frequency: "weekly" | "biweekly" | "semimonthly" | "monthly";
            /**
             * Id
             * Format: uuid
             */
            id: string;
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
            /** Reviewed At */
            reviewed_at: string | null;
            /** Reviewed By */
            reviewed_by: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "draft" | "computed" | "reviewed" | "finalized";
            /** Timezone */
            timezone: string;
            /** Total Minor */
            total_minor: number;
        };
        /** RunIn */
        RunIn: {
            /**
             * Date
             * Format: date
             */
            date: string;
        };
        /** RunOut */
        RunOut: {
            run: components["schemas"]["Run"];
        };
        /**
         * RunPage
         * @description Payroll runs, newest period first.
         */
        RunPage: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["Run"][];
            /** Limit */
            limit: number;
            /** Next Offset */
            next_offset: number | null;
            /** Offset */
            offset: number;
        };
        /** SendIn */
        SendIn: {
            /**
             * To
             * @default null
             */
            to: string | null;
        };
        /** SettingsIn */
        SettingsIn: {
            /**
             * Address
             * @default null
             */
            address: string | null;
            /**
             * Credit Note Format
             * @default null
             */
            credit_note_format: string | null;
            /**
             * Currency
             * @default null
             */
            currency: string | null;
            /**
             * Daily Overtime Hours
             * @default null
             */
            daily_overtime_hours: number | string | null;
            /**
             * Default Hourly Rate
             * @default null
             */
            default_hourly_rate: number | string | null;
            /**
             * Default Tax Rate
             * @default null
             */
            default_tax_rate: number | string | null;
            /**
             * Holiday Premium
             * @default null
             */
            holiday_premium: number | string | null;
            /**
             * Invoice Format
             * @default null
             */
            invoice_format: string | null;
            /**
             * Leave Hours Per Day
             * @default null
             */
            leave_hours_per_day: number | string | null;
            /**
             * Legal Name
             * @default null
             */
            legal_name: string | null;
            /**
             * Night End
             * @default null
             */
            night_end: string | null;
            /**
             * Night Premium
             * @default null
             */
            night_premium: number | string | null;
            /**
             * Night Start
             * @default null
             */
            night_start: string | null;
            /**
             * Overtime Multiplier
             * @default null
             */
            overtime_multiplier: number | string | null;
            /**
             * Pay Frequency
             * @default null
             */
            pay_frequency: ("weekly" | "biweekly" | "semimonthly" | "monthly") | null;
            /**
             * Payment Details
             * @default null
             */
            payment_details: string | null;
            /**
             * Payment Terms Days
             * @default null
             */
            payment_terms_days: number | null;
            /**
             * Period Anchor
             * @default null
             */
            period_anchor: string | null;
            /**
             * Tax Id
             * @default null
             */
            tax_id: string | null;
            /**
             * Weekend Premium
             * @default null
             */
            weekend_premium: number | string | null;
            /**
             * Weekly Overtime Hours
             * @default null
             */
            weekly_overtime_hours: number | string | null;
        };
        /** SettingsOut */
        SettingsOut: {
            settings: components["schemas"]["FinanceSettings"];
        };
        /** SummaryOut */
        SummaryOut: {
            /** Employees */
            employees: components["schemas"]["EmployeeTotal"][];
            /** Kinds */
            kinds: components["schemas"]["KindTotal"][];
            run: components["schemas"]["Run"];
        };
        /** TaskRate */
        TaskRate: {
            /** Hourly Rate */
            hourly_rate: string;
            /**
             * Task Id
             * Format: uuid
             */
            task_id: string;
        };
        /** TaskRateIn */
        TaskRateIn: {
            /** Hourly Rate */
            hourly_rate: number | string;
        };
        /** TaskRateOut */
        TaskRateOut: {
            rate: components["schemas"]["TaskRate"];
        };
        /** TrailEvent */
        TrailEvent: {
            /** Action */
            action: string;
            /** Actor Id */
            actor_id: string | null;
            /** Amount Minor */
            amount_minor: number | null;
            /** Contract Id */
            contract_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Milestone Id */
            milestone_id: string | null;
            /** Payout Id */
            payout_id: string | null;
        };
        /** UrlOut */
        UrlOut: {
            /** Expires In */
            expires_in: number;
            /** Url */
            url: string;
        };
        /** WageRate */
        WageRate: {
            /** Amount */
            amount: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /**
             * Effective From
             * Format: date
             */
            effective_from: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "hourly" | "salaried";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
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
    invoices_get_billing_get: {
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
                    "application/json": components["schemas"]["ClientBillingOut"];
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
    invoices_put_billing_put: {
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
                "application/json": components["schemas"]["ClientBillingIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientBillingOut"];
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
    payouts_list_contracts_get: {
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
                    "application/json": components["schemas"]["ContractPage"];
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
    payouts_create_contract_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
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
    payouts_get_contract_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contract_id: string;
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
                    "application/json": components["schemas"]["ContractOut"];
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
    payouts_set_connect_account_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contract_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectAccountIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
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
    payouts_hourly_payout_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contract_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HourlyPayoutIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutOut"];
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
    payouts_add_milestone_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contract_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MilestoneIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
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
    expenses_list_categories_get: {
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
                    "application/json": components["schemas"]["CategoriesOut"];
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
    expenses_add_category_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryOut"];
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
    expenses_list_expenses_get: {
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
                    "application/json": components["schemas"]["ExpensePage"];
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
    expenses_submit_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseOut"];
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
    expenses_get_expense_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                expense_id: string;
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
                    "application/json": components["schemas"]["ExpenseOut"];
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
    expenses_withdraw_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                expense_id: string;
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
    expenses_decide_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                expense_id: string;
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
                    "application/json": components["schemas"]["ExpenseOut"];
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
    expenses_receipt_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                expense_id: string;
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
                    "application/json": components["schemas"]["UrlOut"];
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
    payroll_list_holidays_get: {
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
                    "application/json": components["schemas"]["HolidaysOut"];
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
    payroll_add_holiday_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolidayIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolidayOut"];
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
    invoices_list_invoices_get: {
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
                    "application/json": components["schemas"]["InvoicePage"];
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
    invoices_create_invoice_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    invoices_get_invoice_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    invoices_delete_draft_delete: {
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
    invoices_credit_note_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoice_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditNoteIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    invoices_issue_post: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    invoices_add_line_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoice_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LineIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    invoices_record_payment_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoice_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
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
    invoices_pdf_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UrlOut"];
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
    invoices_send_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoice_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    invoices_void_post: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
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
    payouts_fund_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                milestone_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscrowIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
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
    payouts_refund_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                milestone_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscrowIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
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
    payouts_release_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                milestone_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseOut"];
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
    payouts_list_payouts_get: {
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
                    "application/json": components["schemas"]["PayoutPage"];
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
    payouts_set_state_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                payout_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutStateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutOut"];
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
    payroll_list_runs_get: {
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
                    "application/json": components["schemas"]["RunPage"];
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
    payroll_create_run_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOut"];
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
    payroll_run_summary_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
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
    payroll_add_adjustment_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustmentIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOut"];
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
    payroll_compute_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
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
                    "application/json": components["schemas"]["RunOut"];
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
    payroll_export_csv_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
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
                    "text/csv": string;
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
    payroll_finalize_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
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
                    "application/json": components["schemas"]["RunOut"];
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
    payroll_run_lines_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
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
                    "application/json": components["schemas"]["LinesOut"];
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
    payroll_review_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
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
                    "application/json": components["schemas"]["RunOut"];
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
    payroll_list_payslips_get: {
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
                    "application/json": components["schemas"]["PayslipPage"];
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
    payroll_payslip_pdf_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                payslip_id: string;
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
                    "application/json": components["schemas"]["UrlOut"];
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
    payroll_list_rates_get: {
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
                    "application/json": components["schemas"]["RatesOut"];
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
    payroll_add_rate_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateOut"];
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
    payroll_get_settings_get: {
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
    payroll_put_settings_put: {
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
    invoices_put_task_rate_put: {
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
                "application/json": components["schemas"]["TaskRateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRateOut"];
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
