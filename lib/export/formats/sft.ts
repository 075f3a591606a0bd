// sft/{split}.jsonl: chat rows for supervised fine-tuning: `messages` (the verl prompt, then the reference
// answer: solution, final answer, reference code in a ```python block), the same turns as `prompt` and
// `completion` for trainers that take those (TRL's prompt-completion form), and `extra_info`. Pure.
import { assistantAnswer, userPrompt } from "../model/prompt";
import type { ReleaseRow } from "../model/release-row";
import { extraInfo, type ExtraInfo } from "./extra-info";
import { EXTRA_INFO, chatMessages, schemaDocument, type JsonSchema } from "./json-schema-parts";
import type { Format } from "./types";

type Turn<R extends "user" | "assistant"> = { role: R; content: string };
export type SftRow = { messages: [Turn<"user">, Turn<"assistant">]; prompt: [Turn<"user">]; completion: [Turn<"assistant">]; extra_info: ExtraInfo };

function toRow(row: ReleaseRow): SftRow {
  // keys in sorted order: JSON.stringify of the row is its canonical JSON
  const user = { content: userPrompt(row.item), role: "user" as const };
  const assistant = { content: assistantAnswer(row.item), role: "assistant" as const };
  return { completion: [assistant], extra_info: extraInfo(row), messages: [user, assistant], prompt: [user] };
}

const ROW: JsonSchema = {
  type: "object",
  required: ["messages", "prompt", "completion", "extra_info"],
  additionalProperties: false,
  properties: {
    messages: chatMessages(["user", "assistant"], "the conversation: the prompt, then the reference answer (solution, final answer, ```python reference code)"),
    prompt: chatMessages(["user"], "the user turn alone (TRL prompt-completion form)"),
    completion: chatMessages(["assistant"], "the assistant turn alone"),
    extra_info: EXTRA_INFO,
  },
};

export const SFT: Format<SftRow> = {
  name: "sft",
  summary: "chat rows for supervised fine-tuning: messages (user prompt, reference answer) and prompt/completion",
  toRow,
  jsonSchema: schemaDocument("sft", "SFT chat row", "sft/{train,validation,test}.jsonl: supervised fine-tuning conversations.", ROW),
};
