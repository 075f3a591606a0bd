// GET /api/seeds/[id] — one seed with its source and macros
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { getSeed } from "@/lib/seeds/get-seed";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (_request, { params }: Context) => {
  const { id } = await params;
  return { seed: await getSeed(await requireUser(), id) };
});
