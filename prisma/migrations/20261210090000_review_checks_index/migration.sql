-- The review queue filtered by check state ("checks failing"): in "Item_review_queue_idx" the failing items are
-- scattered through every SUBMITTED entry (at 30,000 submitted items the page joined and sorted all 2,000 failing
-- ones, ~40 ms). Here they are one range in queue order, and the total is an index-only count of that range
-- ("checkedVersion" = "version" is checked on the index's own columns).
CREATE INDEX "Item_review_checks_idx" ON "Item"("status", "checkState", "submittedAt", "id", "checkedVersion", "version");
