// The editor's rubric store in one import: published revisions (immutable), drafts (saved with
// optimistic concurrency), periods, seeding and the audit trail, each in its own module.
export { audit, auditTrail, type AuditEntry } from './audit.js';
export { discardDraft, openCorrection, saveDraft } from './drafts.js';
export { draftAuthors, fourEyesRule } from './four-eyes.js';
export { deletePeriod, periodDeletable, periodDeletion, startPeriod } from './periods.js';
export { baselineGaps, checkForPublish, digestText, publishDraft, type PublishCheck } from './publish.js';
export { baselineRevision, getDraft, latestRevision, missionRevisions, revisions, storeMissions, storePeriods, type Draft, type Revision } from './records.js';
export type { Refused, Settled } from './refusal.js';
export { seedStore, warmAnalyses } from './seed.js';
export { nextPeriod, periodLabel, previousPeriod } from '../period.js';
