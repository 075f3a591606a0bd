import type { Metadata } from "next";
import { NewReleaseForm } from "@/components/releases/new-release-client";
import { PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listReleaseSources } from "@/lib/export/list-release-sources";

export const metadata: Metadata = { title: "New release" };

export default async function NewReleasePage() {
  const user = await requirePageUser();
  if (!can(user, "release.create")) return <Forbidden what="creating releases" />;
  return (
    <>
      <PageHeader title="New release" subtitle="Freeze the approved version of every matching item. Preview the counts first: nothing is written until you create it." />
      <NewReleaseForm sources={await listReleaseSources(user)} />
    </>
  );
}
