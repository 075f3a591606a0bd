-- Every source an import batch touched, not only the first one (ImportBatch.sourceId stays: the first).

-- CreateTable
CREATE TABLE "ImportBatchSource" (
    "importBatchId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,

    CONSTRAINT "ImportBatchSource_pkey" PRIMARY KEY ("importBatchId","sourceId")
);

-- CreateIndex
CREATE INDEX "ImportBatchSource_sourceId_idx" ON "ImportBatchSource"("sourceId");

-- AddForeignKey
ALTER TABLE "ImportBatchSource" ADD CONSTRAINT "ImportBatchSource_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatchSource" ADD CONSTRAINT "ImportBatchSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Earlier batches: the sources of the seeds they created, and the source they recorded.
INSERT INTO "ImportBatchSource" ("importBatchId", "sourceId")
SELECT DISTINCT "importBatchId", "sourceId" FROM "Seed" WHERE "importBatchId" IS NOT NULL
UNION
SELECT "id", "sourceId" FROM "ImportBatch" WHERE "sourceId" IS NOT NULL
ON CONFLICT DO NOTHING;
