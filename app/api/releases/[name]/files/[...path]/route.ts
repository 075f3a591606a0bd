// GET /api/releases/[name]/files/<path> — one file of the bundle (README.md, manifest.json, verl/train.parquet…),
//   with its length and sha256 (ETag)
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { downloadBundleFile } from "@/lib/export/download";

type Context = { params: Promise<{ name: string; path: string[] }> };

export const GET = withRoute(async (_request, { params }: Context) => {
  const actor = await requireUser();
  const { name, path } = await params;
  return downloadBundleFile(actor, name, path.join("/"));
});
