import type { Metadata } from "next";
import { ZodError } from "zod";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters-client";
import { DashboardPanels } from "@/components/dashboard/dashboard-panels-client";
import { PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { listFilterOptions } from "@/lib/dashboard/list-filter-options";
import { resolveRange, type DateRange } from "@/lib/dashboard/model/filters";
import type { DashboardData } from "@/lib/dashboard/model/types";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "dashboard.view")) return <Forbidden what="the dashboard" />;
  const params = await searchParams;
  let data: DashboardData | null = null;
  let error: string | null = null;
  try {
    data = await getDashboard(user, params);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    error = `Invalid filter: ${e.issues.map((i) => `${i.path.join(".")} — ${i.message}`).join("; ")}`;
  }
  const options = await listFilterOptions(user);
  const range: DateRange = data?.range ?? resolveRange({});
  const scope = [data?.filters.source && `source ${data.filters.source}`, data?.filters.annotator && `annotator ${data.filters.annotator.name}`].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={<span data-testid="dashboard-range">{range.from} to {range.to} (UTC){scope ? ` · ${scope}` : ""}</span>}
      />
      <DashboardFilters key={JSON.stringify(params)} range={range} source={params.source || undefined} annotator={params.annotator || undefined} options={options} />
      {error && <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}
      {data && <DashboardPanels data={data} />}
    </>
  );
}
