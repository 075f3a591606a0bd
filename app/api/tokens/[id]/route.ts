// DELETE /api/tokens/[id] — revoke a token (yours; admins anyone's) → {token}
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { revokeToken } from "@/lib/tokens/revoke-token";

type Context = { params: Promise<{ id: string }> };

export const DELETE = withRoute(async (_request, { params }: Context) => ({ token: await revokeToken(await requireUser(), (await params).id) }));
