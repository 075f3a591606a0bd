import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { ImportForm } from "@/components/imports/import-form-client";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "New import" };

export default async function NewImportPage() {
  const user = await requirePageUser();
  if (!can(user, "source.import")) return <Forbidden what="imports" />;
  return (
    <>
      <PageHeader title="New import" subtitle="Preview first: nothing is written until you import. Re-importing the same seeds changes nothing." />
      <ImportForm />
    </>
  );
}
