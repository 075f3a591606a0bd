// GET /api/imports/[id] — one stored import report
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { getImport } from "@/lib/imports/list-imports";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (_request, { params }: Context) => getImport(await requireUser(), (await params).id));
