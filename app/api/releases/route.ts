// GET /api/releases — every release, newest first → {releases: [{name, description, itemCount, counts, createdAt, createdBy, manifestSha256, deprecated}]}
// POST /api/releases {name, description?, filter?, splitRatios?} → 201 {id, name, counts, manifestSha256};
//   with dryRun: true → 200 the preview {total, bySplit, byTopic, bySource, byDifficulty, byLevel, splitExact}, nothing written
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { createRelease } from "@/lib/export/create-release";
import { listReleases } from "@/lib/export/list-releases";
import { previewRelease } from "@/lib/export/preview-release";

export const GET = withRoute(async () => listReleases(await requireUser()));

export const POST = withRoute(async (request) => {
  const actor = await requireUser();
  const { dryRun, ...input } = ((await readJson(request)) ?? {}) as Record<string, unknown>;
  if (z.boolean({ error: "dryRun must be true or false." }).optional().parse(dryRun)) return previewRelease(actor, input);
  return Response.json(await createRelease(actor, input), { status: 201 });
});
