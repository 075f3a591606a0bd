-- Two covering indexes of the dashboard's first version read nothing since its daily rollup (migration
-- 20261210100000_dashboard_rollups: the funnel, coverage and submission counts come from "DashboardCount"), but
-- every claim, bulk assignment and audit event still paid for their upkeep.
DROP INDEX "Seed_createdAt_sourceId_status_assigneeId_idx";
DROP INDEX "AuditEvent_action_createdAt_actorId_entityId_idx";
