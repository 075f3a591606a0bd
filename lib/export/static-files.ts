import "server-only";
// The fixed files of a bundle layout (layout 2: reward/fieldwork_reward.py). Their text is copied from the app
// when a release is created and stored with it (Release.staticFiles); bundles are always built from that stored
// copy, so improving the reward module later never changes an existing release's bytes.
import { readRewardModule } from "../grading/reward-module";
import { layoutFor, type StaticFile } from "./bundle/layout";

const SOURCES: Record<StaticFile["from"], () => Promise<string>> = {
  "reward-module": readRewardModule,
};

/** The text of every fixed file of this layout as the app has it now: what a new release stores. */
export async function currentStaticFiles(schemaVersion: number): Promise<Record<string, string>> {
  const files = layoutFor(schemaVersion).staticFiles;
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f.path, await SOURCES[f.from]()] as const)));
}

/** One fixed file of a release, as stored when it was created. */
export function staticFileBytes(release: { name: string; staticFiles: Record<string, string> }, path: string): Buffer {
  const text = release.staticFiles[path];
  if (typeof text !== "string") throw new Error(`release ${release.name} has no stored copy of ${path}`);
  return Buffer.from(text, "utf8");
}
