/** The access audit: what the gateway and the privacy-officer tools import. See README.md. */
export {
  AuditWriter,
  type AuditSink,
  type AuditWriterOptions,
  type AuditWriterStats,
} from '../../store/audit/audit-writer.js';
export {
  auditGrantKinds,
  auditOutcomes,
  type AuditEvent,
  type AuditGrantKind,
  type AuditOutcome,
  type AuditRecord,
} from '../../store/audit/audit-event.js';
export {
  GENESIS_HASH,
  appendAuditEvents,
  auditChainHead,
  verifyAuditChain,
  type AuditChainReport,
  type VerifyOptions,
} from '../../store/audit/audit-chain.js';
export {
  endAccessGrant,
  endExpiredAccessGrants,
  findActiveAccessGrant,
  startAccessGrant,
  systemActor,
  type AccessGrant,
  type AccessGrantKind,
  type AuditActor,
  type EndGrantInput,
  type StartGrantInput,
} from './access-grants.js';
export {
  acknowledgeAlert,
  closeAlert,
  detectUnusualVolume,
  openAlerts,
  whatUserViewed,
  whoViewedChild,
  type AlertPageOptions,
  type AuditPageOptions,
  type Page,
  type PrivacyAlert,
  type PrivacyAlertKind,
  type PrivacyAlertStatus,
  type UnusualVolume,
  type UnusualVolumeOptions,
} from './audit-queries.js';
