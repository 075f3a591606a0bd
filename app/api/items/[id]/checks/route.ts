// POST /api/items/[id]/checks — run the automatic checks on the current version and store the run
// GET /api/items/[id]/checks[?version=N] — the latest run, or the run that checked version N's fields; null when none
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { getLatestCheckRun, runChecks } from "@/lib/checks/run-checks";

type Context = { params: Promise<{ id: string }> };

const ZQuery = z.object({ version: z.coerce.number().int().min(1, "Not a version.").optional() });

export const POST = withRoute(async (_request, { params }: Context) => runChecks(await requireUser(), (await params).id));

export const GET = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  const { version } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getLatestCheckRun(actor, (await params).id, version);
});
