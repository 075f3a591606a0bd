// The CPU-heavy half of an import, run in a worker thread with a time budget and a heap limit
// (parse-off-thread.ts): open the upload under the archive limits, then detect formats and parse. Pure.
import { readUpload, type ArchiveLimits, type UploadedFile } from "./archive";
import { parseUpload, type ParseOptions, type ParsedUpload } from "./parse-upload";

export type UploadInput = { fileName: string; bytes: Uint8Array; folder?: string } | { fileName: string; files: UploadedFile[] };
export type ParseRequest = { upload: UploadInput; options: Omit<ParseOptions, "folderName">; archive: ArchiveLimits };

export async function readAndParseUpload({ upload, options, archive }: ParseRequest): Promise<ParsedUpload> {
  const files = "bytes" in upload ? await readUpload(upload.fileName, upload.bytes, archive) : upload.files;
  return parseUpload(upload.fileName, files, { ...options, folderName: "folder" in upload ? upload.folder : undefined });
}
