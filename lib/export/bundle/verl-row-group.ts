// The verl rows of one Parquet row group while it fills, held as UTF-8 bytes outside the JS heap, and handed to
// the Parquet writer one column at a time. Pure.
//
// Why not the row objects: a row group (1,000 rows) fills over several read batches, so its rows outlive
// young-generation collections. V8 then copies them into the old generation and, because objects from the same
// allocation sites (toVerlRow, shared with verl/*.json) keep surviving, starts allocating them in the old
// generation from the outset (allocation-site pretenuring) — for the Parquet file and for every verl JSON Lines
// file after it. There they stay as garbage until a full collection: 100–200 MB of server RSS per file in the
// export benchmark. Here a row's long strings are copied into one reused buffer and its objects die young.
//
// Why one column at a time: whatever is on the heap while a group is written (a few MB of the writer's own
// allocation) tends to be promoted too. So each column's values are built only when the writer takes that
// column, and the prompt and ground truth strings only when it reads them (it encodes one leaf at a time).
//
// Exact: UTF-8 holds every well-formed string exactly, and these are (PostgreSQL text cannot hold a lone
// surrogate, and the prompt and ground truth only join such text with ASCII). A test checks the columns equal
// verlParquetColumns of the same rows, and a rebuilt file is checked against its manifest's sha256 anyway.
import type { VerlRow } from "../formats/verl";

// A row's strings: the long or unique ones are stored as bytes; the rest (the release name, split, source,
// topic, difficulty, level) take few values, kept once per group as strings and referred to by number.
const CONTENT = 0, GROUND_TRUTH = 1, ITEM_ID = 2;
const STORED = 3;
const DATA_SOURCE = 0, SPLIT = 1, SOURCE = 2, TOPIC = 3, DIFFICULTY = 4, LEVEL = 5;
const SHARED = 6;

const storedOf = (row: VerlRow) => [row.prompt[0].content, row.reward_model.ground_truth, row.extra_info.item_id];
const sharedOf = ({ data_source, extra_info: e }: VerlRow) => [data_source, e.split, e.source, e.topic, e.difficulty, e.level];

/**
 * A column as ParquetWriter.write takes it, built when taken: hyparquet-writer (0.17, pinned) reads each column's
 * `length`, then `slice`s out the group's rows column after column. Anything else it did would fail loudly.
 */
class LazyColumn {
  constructor(readonly length: number, private readonly value: (row: number) => unknown) {}
  slice(start = 0, end = this.length): unknown[] {
    const out = new Array<unknown>(Math.max(0, Math.min(end, this.length) - start));
    for (let i = 0; i < out.length; i++) out[i] = this.value(start + i);
    return out;
  }
}

export class VerlRowGroup {
  /** the rows' stored strings, one after another */
  private bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** per row and stored string: where it starts and ends in `bytes` */
  private readonly spans: Int32Array;
  /** the shared strings of this group, and per row and shared leaf the index of its value (−1: null) */
  private shared: string[] = [];
  private sharedIndex = new Map<string, number>();
  private readonly refs: Int32Array;
  /** per row: extra_info.index and extra_info.version */
  private readonly numbers: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.spans = new Int32Array(capacity * STORED * 2);
    this.refs = new Int32Array(capacity * SHARED);
    this.numbers = new Float64Array(capacity * 2);
  }

  get isFull(): boolean {
    return this.size === this.capacity;
  }

  add(row: VerlRow): void {
    if (this.isFull) throw new Error("the row group is full");
    if (row.prompt.length !== 1 || row.ability !== "physics" || row.reward_model.style !== "rule") {
      throw new Error("a verl row has one user message, ability physics and a rule reward");
    }
    const stored = storedOf(row);
    for (let i = 0, at = this.size * STORED * 2; i < STORED; i++, at += 2) {
      const s = stored[i];
      if (this.used + s.length * 3 > this.bytes.byteLength) this.grow(s.length * 3);
      this.spans[at] = this.used;
      this.used += this.bytes.write(s, this.used, "utf8");
      this.spans[at + 1] = this.used;
    }
    const shared = sharedOf(row);
    for (let i = 0; i < SHARED; i++) this.refs[this.size * SHARED + i] = this.refOf(shared[i]);
    this.numbers[this.size * 2] = row.extra_info.index;
    this.numbers[this.size * 2 + 1] = row.extra_info.version;
    this.size++;
  }

  /** The rows added since the last clear as verlParquetColumns gives them, each built when the writer takes it; use before the next clear. */
  parquetColumns(): { name: string; data: LazyColumn }[] {
    const column = (value: (row: number) => unknown) => new LazyColumn(this.size, value);
    const shared = (row: number, leaf: number) => {
      const ref = this.refs[row * SHARED + leaf];
      return ref < 0 ? null : this.shared[ref];
    };
    return [
      { name: "data_source", data: column((r) => shared(r, DATA_SOURCE)) },
      { name: "prompt", data: column((r) => [new StoredMessage(this, r)]) },
      { name: "ability", data: column(() => "physics") },
      { name: "reward_model", data: column((r) => new StoredRewardModel(this, r)) },
      {
        name: "extra_info",
        data: column((r) => ({
          difficulty: shared(r, DIFFICULTY), index: BigInt(this.numbers[r * 2]), item_id: this.text(r, ITEM_ID), level: shared(r, LEVEL),
          source: shared(r, SOURCE), split: shared(r, SPLIT), topic: shared(r, TOPIC), version: BigInt(this.numbers[r * 2 + 1]),
        })),
      },
    ];
  }

  /** stored string `leaf` of row `row` */
  text(row: number, leaf: number): string {
    const at = (row * STORED + leaf) * 2;
    return this.bytes.toString("utf8", this.spans[at], this.spans[at + 1]);
  }

  clear(): void {
    this.size = 0;
    this.used = 0;
    this.shared = [];
    this.sharedIndex = new Map();
  }

  private refOf(value: string | null): number {
    if (value === null) return -1;
    let ref = this.sharedIndex.get(value);
    if (ref === undefined) {
      ref = this.shared.push(value) - 1;
      this.sharedIndex.set(value, ref);
    }
    return ref;
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
  constructor(private readonly group: VerlRowGroup, private readonly row: number) {}
  get content(): string {
    return this.group.text(this.row, CONTENT);
  }
}

/** reward_model, its ground truth decoded when read. */
class StoredRewardModel {
  readonly style = "rule";
  constructor(private readonly group: VerlRowGroup, private readonly row: number) {}
  get ground_truth(): string {
    return this.group.text(this.row, GROUND_TRUTH);
  }
}
