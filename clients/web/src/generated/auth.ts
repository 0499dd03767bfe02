// Generated from openapi/auth.json by scripts/gen-types.mjs — do not edit.
export interface paths {
    "/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the companies the signed-in person belongs to. */
        get: operations["signin_companies_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/company/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the company requires two-step sign-in. */
        get: operations["twofactor_company_two_factor_get"];
        /** Require two-step sign-in for every member (an authenticator app, else an emailed code at each sign-in). */
        put: operations["twofactor_set_company_two_factor_put"];
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
    "/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the inviting company (a new account, or an existing one with its password); answer with tokens. */
        post: operations["recovery_accept_invitation_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show an open invitation (whether the address already has an account decides what to ask). */
        get: operations["recovery_invitation_preview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to `company_id`, else to the last used company; or answer with a challenge when codes are on. */
        post: operations["signin_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out the current session. */
        post: operations["devices_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their company and their current work agreement. */
        get: operations["account_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the signed-in user's name or time zone. */
        patch: operations["account_update_me_patch"];
        trace?: never;
    };
    "/me/otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn email sign-in codes on or off, given the password. */
        post: operations["account_set_otp_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (of every company the person belongs to), given the current one; signs out the */
        post: operations["account_change_password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the recovery codes with new ones, given the password (the old ones stop working). */
        post: operations["twofactor_recovery_codes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn the authenticator on with its first code; answer with the recovery codes (shown this once). */
        post: operations["twofactor_totp_confirm_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn the authenticator off (and drop the recovery codes), given the password. */
        post: operations["twofactor_totp_disable_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start setting up an authenticator app, given the password: answer with the secret and its QR code. */
        post: operations["twofactor_totp_setup_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person's second factors, and whether the company requires one. */
        get: operations["twofactor_two_factor_get"];
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
    "/otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pass the second factor: the challenge and the emailed code; answer with tokens. */
        post: operations["signin_otp_verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pairing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a device in with a pairing code; answer with tokens like a login (401 unknown, 410 used or expired). */
        post: operations["pairing_redeem_pairing_code_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pairing-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new pairing code for the caller (voids their older unused one); shown once, valid ten minutes. */
        post: operations["pairing_create_pairing_code_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a reset link when the address has an active account; the same answer either way. */
        post: operations["recovery_forgot_password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset link; signs the person out everywhere. */
        post: operations["recovery_reset_password_post"];
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
    "/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token: answer with a new pair in the same session. */
        post: operations["devices_refresh_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the signed-in devices of the caller in this company; `current` marks this one. */
        get: operations["devices_list_sessions_get"];
        put?: never;
        post?: never;
        /** Sign out every other device of the signed-in person (in every company); this one stays signed in. */
        delete: operations["devices_revoke_other_sessions_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out one of the caller's devices. */
        delete: operations["devices_revoke_session_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a company and its first admin; answer with their tokens (409 email_unavailable for an address that */
        post: operations["signin_signup_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish signing in with the provider's code and the state: answer with tokens. */
        post: operations["sso_callback_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's OpenID Connect provider (never its secret) and the redirect URI to register there. */
        get: operations["sso_get_config_get"];
        /** Set the company's provider, its email domains, provisioning, and whether passwords are refused. */
        put: operations["sso_put_config_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Begin signing in through the provider of the email's domain: answer with the URL to send the browser to. */
        post: operations["sso_start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/switch-company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer with tokens for another company of the signed-in person (a new session on this device). */
        post: operations["signin_switch_company_post"];
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
        /** AcceptIn */
        AcceptIn: {
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
            /** Name */
            name: string;
            /** Password */
            password: string;
            /**
             * Timezone
             * @default UTC
             */
            timezone: string;
            /** Token */
            token: string;
        };
        /** Accepted */
        Accepted: {
            /** Status */
            status: string;
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
            /** Screenshots */
            screenshots: boolean;
            /** Status */
            status: string;
        };
        /** Companies */
        Companies: {
            /** Items */
            items: components["schemas"]["Membership"][];
        };
        /** Company */
        Company: {
            /** Currency */
            currency: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Settings */
            settings: {
                [key: string]: unknown;
            };
            /** Timezone */
            timezone: string;
            /** Week Start */
            week_start: number;
        };
        /** CompanyTwoFactorOut */
        CompanyTwoFactorOut: {
            /** Required */
            required: boolean;
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
        /** ForgotIn */
        ForgotIn: {
            /** Email */
            email: string;
        };
        /** Health */
        Health: {
            /** Function */
            function: string;
            /** Status */
            status: string;
        };
        /**
         * InvitationPreview
         * @description `has_account`: the address already signs in elsewhere, so accepting takes that account's password.
         */
        InvitationPreview: {
            /** Email */
            email: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Has Account */
            has_account: boolean;
            /** Name */
            name: string | null;
            /** Role */
            role: string;
        };
        /** LoginIn */
        LoginIn: {
            /**
             * Company Id
             * @default null
             */
            company_id: string | null;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /**
         * LoginOut
         * @description Either tokens, or (two-step sign-in on) a challenge to answer with the emailed or authenticator code.
         */
        LoginOut: components["schemas"]["SignedIn"] | components["schemas"]["OtpChallenge"];
        /** LogoutIn */
        LogoutIn: {
            /**
             * Refresh Token
             * @default null
             */
            refresh_token: string | null;
        };
        /** MeOut */
        MeOut: {
            agreement: components["schemas"]["Agreement"] | null;
            company: components["schemas"]["Company"];
            user: components["schemas"]["User"];
        };
        /**
         * Membership
         * @description One company the person belongs to; `current` is the one the tokens are for.
         */
        Membership: {
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Company Name */
            company_name: string;
            /** Current */
            current: boolean;
            /** Role */
            role: string;
            /** Status */
            status: string;
        };
        /** NewCompany */
        NewCompany: {
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
            /** Settings */
            settings: {
                [key: string]: unknown;
            };
            /** Timezone */
            timezone: string;
            /** Week Start */
            week_start: number;
        };
        /**
         * OtpChallenge
         * @description `method`: 'email' (a code was mailed) or 'totp' (an authenticator app or a recovery code answers).
         */
        OtpChallenge: {
            /** Challenge */
            challenge: string;
            /** Expires In */
            expires_in: number;
            /**
             * Method
             * @default email
             */
            method: string;
            /** Otp Required */
            otp_required: boolean;
        };
        /** OtpIn */
        OtpIn: {
            /** Challenge */
            challenge: string;
            /** Code */
            code: string;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
        };
        /** OtpSettingIn */
        OtpSettingIn: {
            /** Enabled */
            enabled: boolean;
            /** Password */
            password: string;
        };
        /** OtpSettingOut */
        OtpSettingOut: {
            /** Otp Enabled */
            otp_enabled: boolean;
        };
        /**
         * PairingCode
         * @description A single-use code to sign a device (the browser extension) in as the caller, shown once.
         */
        PairingCode: {
            /** Code */
            code: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
        };
        /** PairingIn */
        PairingIn: {
            /** Code */
            code: string;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
        };
        /** PasswordConfirmIn */
        PasswordConfirmIn: {
            /** Password */
            password: string;
        };
        /** PasswordIn */
        PasswordIn: {
            /** Current Password */
            current_password: string;
            /** New Password */
            new_password: string;
        };
        /** ProfileIn */
        ProfileIn: {
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
        };
        /**
         * RecoveryCodesOut
         * @description Single-use recovery codes: shown this once, stored only as hashes.
         */
        RecoveryCodesOut: {
            /** Recovery Codes */
            recovery_codes: string[];
        };
        /** RefreshIn */
        RefreshIn: {
            /** Refresh Token */
            refresh_token: string;
        };
        /** ResetIn */
        ResetIn: {
            /** Password */
            password: string;
            /** Token */
            token: string;
        };
        /**
         * Session
         * @description A signed-in device: `id` is the session id (the `sid` of its access tokens).
         */
        Session: {
            /** Current */
            current: boolean;
            /** Device Id */
            device_id: string | null;
            /** Device Name */
            device_name: string | null;
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
            /** Ip */
            ip: string | null;
            /**
             * Last Used At
             * Format: date-time
             */
            last_used_at: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** User Agent */
            user_agent: string | null;
        };
        /** Sessions */
        Sessions: {
            /** Items */
            items: components["schemas"]["Session"][];
        };
        /**
         * SignedIn
         * @description Tokens for one membership; `companies` lists every company when the person belongs to several.
         */
        SignedIn: {
            /** Access Token */
            access_token: string;
            /**
             * Companies
             * @default null
             */
            companies: components["schemas"]["Membership"][] | null;
            /** Expires In */
            expires_in: number;
            /** Refresh Expires In */
            refresh_expires_in: number;
            /** Refresh Token */
            refresh_token: string;
            /** Token Type */
            token_type: string;
            user: components["schemas"]["User"];
        };
        /** SignupIn */
        SignupIn: {
            /** Company Name */
            company_name: string;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
            /** Email */
            email: string;
            /** Name */
            name: string;
            /** Password */
            password: string;
            /**
             * Timezone
             * @default UTC
             */
            timezone: string;
        };
        /** SignupOut */
        SignupOut: {
            /** Access Token */
            access_token: string;
            company: components["schemas"]["NewCompany"];
            /** Expires In */
            expires_in: number;
            /** Refresh Expires In */
            refresh_expires_in: number;
            /** Refresh Token */
            refresh_token: string;
            /** Token Type */
            token_type: string;
            user: components["schemas"]["User"];
        };
        /** SsoCallbackIn */
        SsoCallbackIn: {
            /** Code */
            code: string;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
            /** State */
            state: string;
        };
        /** SsoConfig */
        SsoConfig: {
            /** Client Id */
            client_id: string;
            /** Email Domains */
            email_domains: string[];
            /** Enabled */
            enabled: boolean;
            /** Has Secret */
            has_secret: boolean;
            /** Issuer */
            issuer: string;
            /** Jit Provisioning */
            jit_provisioning: boolean;
            /** Sso Required */
            sso_required: boolean;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** SsoConfigIn */
        SsoConfigIn: {
            /** Client Id */
            client_id: string;
            /**
             * Client Secret
             * @default null
             */
            client_secret: string | null;
            /** Email Domains */
            email_domains: string[];
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
            /** Issuer */
            issuer: string;
            /**
             * Jit Provisioning
             * @default false
             */
            jit_provisioning: boolean;
            /**
             * Sso Required
             * @default false
             */
            sso_required: boolean;
        };
        /** SsoConfigOut */
        SsoConfigOut: {
            config: components["schemas"]["SsoConfig"] | null;
            /** Redirect Uri */
            redirect_uri: string;
        };
        /** SsoStartIn */
        SsoStartIn: {
            /** Email */
            email: string;
        };
        /** SsoStartOut */
        SsoStartOut: {
            /** Authorization Url */
            authorization_url: string;
        };
        /** SwitchIn */
        SwitchIn: {
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /**
             * Device Id
             * @default null
             */
            device_id: string | null;
            /**
             * Device Name
             * @default null
             */
            device_name: string | null;
        };
        /** Tokens */
        Tokens: {
            /** Access Token */
            access_token: string;
            /** Expires In */
            expires_in: number;
            /** Refresh Expires In */
            refresh_expires_in: number;
            /** Refresh Token */
            refresh_token: string;
            /** Token Type */
            token_type: string;
        };
        /** TotpConfirmIn */
        TotpConfirmIn: {
            /** Code */
            code: string;
        };
        /**
         * TotpSetupOut
         * @description The new secret (for typing in), its otpauth:// URI and the same as a QR code image (a data: URI).
         */
        TotpSetupOut: {
            /** Otpauth Uri */
            otpauth_uri: string;
            /** Qr Svg */
            qr_svg: string;
            /** Secret */
            secret: string;
        };
        /**
         * TwoFactorOut
         * @description The signed-in person's second factors and whether their company requires one.
         */
        TwoFactorOut: {
            /** Company Requires */
            company_requires: boolean;
            /** Email Otp Enabled */
            email_otp_enabled: boolean;
            /** Recovery Codes Left */
            recovery_codes_left: number;
            /** Totp Enabled */
            totp_enabled: boolean;
        };
        /** TwoFactorRequiredIn */
        TwoFactorRequiredIn: {
            /** Required */
            required: boolean;
        };
        /** User */
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
            /** Role */
            role: string;
            /** Status */
            status: string;
            /** Timezone */
            timezone: string;
        };
        /** UserOut */
        UserOut: {
            user: components["schemas"]["User"];
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
    signin_companies_get: {
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
                    "application/json": components["schemas"]["Companies"];
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
    twofactor_company_two_factor_get: {
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
                    "application/json": components["schemas"]["CompanyTwoFactorOut"];
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
    twofactor_set_company_two_factor_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorRequiredIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyTwoFactorOut"];
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
    recovery_accept_invitation_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
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
                    "application/json": components["schemas"]["SignedIn"];
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
    recovery_invitation_preview_get: {
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
                    "application/json": components["schemas"]["InvitationPreview"];
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
    signin_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginOut"];
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
    devices_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutIn"];
            };
        };
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
    account_me_get: {
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
                    "application/json": components["schemas"]["MeOut"];
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
    account_update_me_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileIn"];
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
    account_set_otp_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpSettingIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpSettingOut"];
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
    account_change_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordIn"];
            };
        };
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
    twofactor_recovery_codes_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordConfirmIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesOut"];
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
    twofactor_totp_confirm_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpConfirmIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesOut"];
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
    twofactor_totp_disable_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordConfirmIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorOut"];
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
    twofactor_totp_setup_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordConfirmIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpSetupOut"];
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
    twofactor_two_factor_get: {
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
                    "application/json": components["schemas"]["TwoFactorOut"];
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
    signin_otp_verify_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
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
    pairing_redeem_pairing_code_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PairingIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
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
    pairing_create_pairing_code_post: {
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
                    "application/json": components["schemas"]["PairingCode"];
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
    recovery_forgot_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotIn"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
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
    recovery_reset_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetIn"];
            };
        };
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
    devices_refresh_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
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
    devices_list_sessions_get: {
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
                    "application/json": components["schemas"]["Sessions"];
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
    devices_revoke_other_sessions_delete: {
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
    devices_revoke_session_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
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
    signin_signup_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupOut"];
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
    sso_callback_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoCallbackIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
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
    sso_get_config_get: {
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
                    "application/json": components["schemas"]["SsoConfigOut"];
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
    sso_put_config_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoConfigIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoConfigOut"];
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
    sso_start_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoStartIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoStartOut"];
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
    signin_switch_company_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
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
