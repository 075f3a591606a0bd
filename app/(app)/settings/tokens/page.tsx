import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { can, scopesForRole } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listTokens } from "@/lib/tokens/list-tokens";
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from "@/lib/tokens/schemas";
import { CreateTokenForm, TokenTable } from "./tokens-client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageUser();
  const tokens = await listTokens(actor);
  const everyone = can(actor, "token.manage");
  return (
    <>
      <PageHeader
        title="API tokens"
        subtitle={everyone ? "Tokens for scripts: yours and everyone else's (you are an admin)." : "Tokens for scripts (grading, downloads) that act as you, limited to their scopes."}
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title={everyone ? "All tokens" : "Your tokens"}>
          <TokenTable tokens={tokens} showUser={everyone} selfId={actor.id} />
        </Card>
        <Card title="Create a token">
          <CreateTokenForm scopes={scopesForRole(actor.role)} defaultDays={TOKEN_DEFAULT_DAYS} maxDays={TOKEN_MAX_DAYS} />
        </Card>
      </div>
    </>
  );
}
