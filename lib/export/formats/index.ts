// Every export format by name. Pure.
import { NATIVE } from "./native";
import { PIPELINE } from "./pipeline";
import { SFT } from "./sft";
import type { Format, FormatName } from "./types";
import { VERL } from "./verl";

export const FORMATS: Record<FormatName, Format<object>> = { native: NATIVE, pipeline: PIPELINE, verl: VERL, sft: SFT };
export { FORMAT_NAMES, type Format, type FormatName } from "./types";
