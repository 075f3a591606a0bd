import "server-only";
// An arXiv id as an upload: its metadata (the Source) and its LaTeX source (the bytes to import).
import { AppError } from "../errors";
import { ArxivError, fetchArxivMetadata, fetchArxivSource, parseArxivId, toParsedSource } from "./arxiv";
import type { ParsedSource } from "./types";

export async function fetchArxivUpload(raw: string, baseUrl: string, maxBytes: number): Promise<{ fileName: string; bytes: Uint8Array; source: ParsedSource }> {
  const id = parseArxivId(raw);
  if (!id) throw new AppError("INVALID", `"${raw}" is not an arXiv id (e.g. 2101.00001, arXiv:2101.00001v2, hep-th/9901001).`);
  try {
    const meta = await fetchArxivMetadata(id, { baseUrl });
    const { bytes, fileName } = await fetchArxivSource(id, { baseUrl, maxBytes });
    return { fileName, bytes, source: toParsedSource(meta) };
  } catch (e) {
    if (e instanceof ArxivError) throw new AppError("INVALID", e.message);
    throw e;
  }
}
