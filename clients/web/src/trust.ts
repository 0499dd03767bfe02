// API shapes of the trust features (2FA, sessions, SSO, privacy center, retention, working-time rules), from the
// generated types like models.ts (kept apart so the two lists merge without conflicts).
import type { components as AuthC } from "./generated/auth";
import type { components as MediaC } from "./generated/media";
import type { components as TeamC } from "./generated/team";
import type { components as TimeC } from "./generated/time";

type Auth = AuthC["schemas"];
type Team = TeamC["schemas"];
type Time = TimeC["schemas"];

export type TwoFactor = Auth["TwoFactorOut"];
export type TotpSetup = Auth["TotpSetupOut"];
export type RecoveryCodes = Auth["RecoveryCodesOut"];
export type CompanyTwoFactor = Auth["CompanyTwoFactorOut"];
export type Sessions = Auth["Sessions"];
export type SsoConfigOut = Auth["SsoConfigOut"];
export type SsoStart = Auth["SsoStartOut"];

export type PrivacyOverview = Team["PrivacyOut"];
export type AccessPage = Team["Page_AccessRow_"];
export type DataExport = Team["DataExport"];
export type DataExportOut = Team["DataExportOut"];
export type DataExports = Team["DataExports"];
export type ErasureOut = Team["ErasureOut"];
export type ErasurePage = Team["Page_ErasureRequest_"];

export type RetentionPreview = MediaC["schemas"]["RetentionPreview"];

export type WorkRulesOut = Time["WorkRulesOut"];
export type WorkRules = Time["WorkRules"];
export type Violations = Time["ViolationsOut"];
export type ComplianceReport = Time["ComplianceReport"];
