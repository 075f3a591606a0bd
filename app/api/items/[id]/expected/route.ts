// POST /api/items/[id]/expected — run the saved reference code on the saved test inputs → {version, isolation, outputs}
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { computeExpected } from "@/lib/items/compute-expected";

type Context = { params: Promise<{ id: string }> };

export const POST = withRoute(async (_request, { params }: Context) => computeExpected(await requireUser(), (await params).id));
