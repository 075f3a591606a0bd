// POST /api/items/[id]/checks — run the automatic checks on the current version and store the run
// GET /api/items/[id]/checks — the latest run, or null when none ran yet
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { getLatestCheckRun, runChecks } from "@/lib/checks/run-checks";

type Context = { params: Promise<{ id: string }> };

export const POST = withRoute(async (_request, { params }: Context) => runChecks(await requireUser(), (await params).id));

export const GET = withRoute(async (_request, { params }: Context) => getLatestCheckRun(await requireUser(), (await params).id));
