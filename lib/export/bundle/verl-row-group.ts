// The verl rows of one Parquet row group while it fills, held as UTF-8 bytes outside the JS heap. Pure.
//
// Why not the row objects: a row group (1,000 rows) fills over several read batches, so its rows outlive
// young-generation collections. V8 then copies them into the old generation and, because objects from the same
// allocation sites (toVerlRow, shared with verl/*.json and extraInfo with sft) keep surviving, starts allocating
// them in the old generation from the outset (allocation-site pretenuring) — for the Parquet file and for every
// verl JSON Lines file after it. There they stay as garbage until a full collection: 100–200 MB of server RSS
// per file in the export benchmark. Here a row's strings are copied into one reused buffer and its objects die
// young; the rows are rebuilt only while the group is written.
//
// Exact: UTF-8 holds every well-formed string exactly, and these are (PostgreSQL text cannot hold a lone
// surrogate, and the prompt and ground truth only join such text with ASCII). A rebuilt file is checked
// against its manifest's sha256 anyway.
import type { ExtraInfo } from "../formats/extra-info";
import type { VerlRow } from "../formats/verl";

/** The string leaves of a row, in the order they are stored; null for an absent (optional) one. */
function stringsOf(row: VerlRow): (string | null)[] {
  const e = row.extra_info;
  return [row.data_source, row.prompt[0].content, row.reward_model.ground_truth, e.split, e.item_id, e.source, e.topic, e.difficulty, e.level];
}
const STRINGS = 9;

export class VerlRowGroup {
  /** the rows' strings, one after another */
  private bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** per row and string leaf: where it ends in `bytes`, −1 when null */
  private readonly ends: Int32Array;
  /** per row: extra_info.index and extra_info.version */
  private readonly numbers: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.ends = new Int32Array(capacity * STRINGS);
    this.numbers = new Float64Array(capacity * 2);
  }

  get isFull(): boolean {
    return this.size === this.capacity;
  }

  add(row: VerlRow): void {
    if (this.isFull) throw new Error("the row group is full");
    if (row.prompt.length !== 1) throw new Error("a verl row's prompt is one user message");
    const strings = stringsOf(row);
    const at = this.size * STRINGS;
    for (let i = 0; i < STRINGS; i++) {
      const s = strings[i];
      if (s === null) {
        this.ends[at + i] = -1;
        continue;
      }
      if (this.used + s.length * 3 > this.bytes.byteLength) this.grow(s.length * 3);
      this.used += this.bytes.write(s, this.used, "utf8");
      this.ends[at + i] = this.used;
    }
    this.numbers[this.size * 2] = row.extra_info.index;
    this.numbers[this.size * 2 + 1] = row.extra_info.version;
    this.size++;
  }

  /**
   * The rows added since the last clear, rebuilt for the Parquet writer. The two long strings (the prompt and the
   * ground truth) are decoded only when the writer reads them: it encodes one leaf column at a time, so at most
   * one column of them is on the heap at once, and only briefly. Read them before the next clear.
   */
  rows(): VerlRow[] {
    const rows: VerlRow[] = new Array(this.size);
    const text = (start: number, end: number) => (end < 0 ? null : this.bytes.toString("utf8", start, end));
    let start = 0;
    const at: number[] = new Array(STRINGS);
    for (let r = 0; r < this.size; r++) {
      for (let i = 0; i < STRINGS; i++) {
        const end = this.ends[r * STRINGS + i];
        at[i] = start;
        if (end >= 0) start = end;
      }
      const end = (i: number) => this.ends[r * STRINGS + i];
      const extra: ExtraInfo = {
        difficulty: text(at[7], end(7)), index: this.numbers[r * 2], item_id: text(at[4], end(4))!, level: text(at[8], end(8)),
        source: text(at[5], end(5))!, split: text(at[3], end(3)) as ExtraInfo["split"], topic: text(at[6], end(6)), version: this.numbers[r * 2 + 1],
      };
      rows[r] = {
        ability: "physics", data_source: text(at[0], end(0))!, extra_info: extra, prompt: [new StoredMessage(this.bytes, at[1], end(1))],
        reward_model: new StoredRewardModel(this.bytes, at[2], end(2)),
      };
    }
    return rows;
  }

  clear(): void {
    this.size = 0;
    this.used = 0;
  }

  private grow(atLeast: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.byteLength * 2, this.used + atLeast));
    this.bytes.copy(bigger, 0, 0, this.used);
    this.bytes = bigger;
  }
}

/** The prompt's one message, its content decoded when read. */
class StoredMessage {
  readonly role = "user";
  constructor(private readonly bytes: Buffer, private readonly start: number, private readonly end: number) {}
  get content(): string {
    return this.bytes.toString("utf8", this.start, this.end);
  }
}

/** reward_model, its ground truth decoded when read. */
class StoredRewardModel {
  readonly style = "rule";
  constructor(private readonly bytes: Buffer, private readonly start: number, private readonly end: number) {}
  get ground_truth(): string {
    return this.bytes.toString("utf8", this.start, this.end);
  }
}
