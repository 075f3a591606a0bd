// POST /api/seeds/claim-next {source?, topic?} — take the oldest new unassigned seed → {seed} or {seed: null, reason}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { claimNextSeed } from "@/lib/seeds/claim-next-seed";

export const POST = withRoute(async (request) => claimNextSeed(await requireUser(), await readJson(request)));
