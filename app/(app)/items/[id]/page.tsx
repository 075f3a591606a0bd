import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Timeline } from "@/components/review/timeline";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getItem } from "@/lib/items/get-item";
import { getItemLimits } from "@/lib/items/item-record";
import { getTimeline } from "@/lib/review/get-timeline";
import { getSeed } from "@/lib/seeds/get-seed";
import { ItemEditorLoader } from "./item-editor-loader-client";

export const metadata: Metadata = { title: "Adapt" };

type Props = { params: Promise<{ id: string }> };

function orNotFound(e: unknown): never {
  if (isAppError(e) && e.code === "NOT_FOUND") notFound();
  throw e;
}

export default async function ItemPage({ params }: Props) {
  const user = await requirePageUser();
  const { id } = await params;
  const item = await getItem(user, id).catch(orNotFound);
  const [seed, timeline] = await Promise.all([getSeed(user, item.seedId).catch(orNotFound), getTimeline(user, item.id)]);
  return (
    <>
      <PageHeader
        title={seed.title ?? seed.location ?? "Item"}
        subtitle={
          <span>
            Item by {item.author.name} · from <Link href={`/seeds/${seed.id}`} className="hover:underline">seed</Link>{" "}
            <span className="font-mono">{seed.source.identifier}</span>
            {item.canEdit ? "" : " · read only"}
          </span>
        }
      />
      <ItemEditorLoader
        item={item}
        limits={getItemLimits()}
        seed={{ id: seed.id, title: seed.title, location: seed.location, source: seed.source.identifier, problem: seed.problem, solution: seed.solution, macros: seed.macros }}
      />
      <div className="mt-6" data-testid="item-timeline">
        <Card title="Timeline">
          <Timeline entries={timeline} />
        </Card>
      </div>
    </>
  );
}
