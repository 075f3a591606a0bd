// GET /api/releases/[name]/download — the whole bundle as a .tar.gz, streamed (byte-identical on every download)
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { downloadBundle } from "@/lib/export/download";

type Context = { params: Promise<{ name: string }> };

export const GET = withRoute(async (_request, { params }: Context) => downloadBundle(await requireUser(), (await params).name));
