"use client";
// The answer-spec form and the live Python skeleton ("Answer Requirements") it produces.
import { boundText, renderSkeleton, setBound, VALUE_TYPES, type Argument, type ReturnElement, type Returns, type ValueType } from "@/lib/items/answer-spec";
import { addArgument, moveArgument, removeArgument, setReturns, type DraftFields } from "@/lib/items/draft";
import { issuesUnder, type IssueMap } from "./field-issues";
import { optionsText, ParsedInput } from "./parsed-input-client";

type Props = { draft: DraftFields; onChange: (next: DraftFields) => void; issues: IssueMap; readOnly: boolean };

export function AnswerSpecForm({ draft, onChange, issues, readOnly }: Props) {
  const spec = draft.answerSpec;
  const replaceArg = (index: number, change: (a: Argument) => Argument) =>
    onChange({ ...draft, answerSpec: { ...spec, arguments: spec.arguments.map((a, i) => (i === index ? change(a) : a)) } });
  const setArg = (index: number, patch: Partial<Argument>) => {
    const args = spec.arguments.map((a, i) => {
      if (i !== index) return a;
      const next: Argument = { ...a, ...patch };
      // Keep only what the type allows, so changing a type never leaves an invalid leftover.
      if (next.type !== "float" && next.type !== "int") {
        delete next.min;
        delete next.max;
        delete next.display;
      }
      if (next.type !== "str") delete next.options;
      for (const k of ["min", "max", "options"] as const) if (next[k] === undefined) delete next[k];
      return next;
    });
    onChange({ ...draft, answerSpec: { ...spec, arguments: args } });
  };
  const returns = spec.returns;
  const changeReturns = (patch: Partial<Returns>) => {
    const next: Returns = { ...returns, ...patch };
    if (next.type === "tuple") next.items = next.items?.length ? next.items : [{ type: "float" }];
    else delete next.items;
    if (next.type !== "str" || next.options === undefined) delete next.options;
    onChange(setReturns(draft, next));
  };
  const setElement = (index: number, patch: Partial<ReturnElement>) => {
    const items = (returns.items ?? []).map((e, i) => {
      if (i !== index) return e;
      const next = { ...e, ...patch };
      if (next.type !== "str" || next.options === undefined) delete next.options;
      return next;
    });
    changeReturns({ items });
  };
  const err = (path: string) => issuesUnder(issues, `answerSpec.${path}`)[0];

  return (
    <div className="space-y-3" data-testid="answer-spec">
      <label className="block text-sm">
        <span className="mb-1 block font-medium">Function name</span>
        <input
          className={`input font-mono ${err("functionName") ? "border-red-500" : ""}`}
          value={spec.functionName}
          disabled={readOnly}
          placeholder="beta_function"
          data-testid="spec-function-name"
          onChange={(e) => onChange({ ...draft, answerSpec: { ...spec, functionName: e.target.value.trim() } })}
        />
        <FieldError message={err("functionName")} />
      </label>

      <fieldset disabled={readOnly}>
        <legend className="mb-1 text-sm font-medium">Arguments</legend>
        {spec.arguments.length === 0 && <p className="text-sm text-stone-500">No arguments: the answer is a single value.</p>}
        <ol className="space-y-2">
          {spec.arguments.map((arg, i) => (
            <li key={i} className="rounded border border-stone-200 p-2 dark:border-stone-800" data-testid={`spec-arg-${i}`}>
              <div className="grid grid-cols-[1fr_7rem_auto] gap-2">
                <input
                  className={`input font-mono ${err(`arguments.${i}.name`) ? "border-red-500" : ""}`}
                  aria-label={`Argument ${i + 1} name`}
                  placeholder="name"
                  value={arg.name}
                  onChange={(e) => setArg(i, { name: e.target.value.trim() })}
                />
                <select className="input" aria-label={`Argument ${i + 1} type`} value={arg.type} onChange={(e) => setArg(i, { type: e.target.value as ValueType })}>
                  {VALUE_TYPES.map((t) => <option key={t}>{t}</option>)}
                </select>
                <div className="flex gap-1">
                  <button type="button" className="btn px-2" aria-label={`Move argument ${i + 1} up`} onClick={() => onChange(moveArgument(draft, i, -1))}>↑</button>
                  <button type="button" className="btn px-2" aria-label={`Move argument ${i + 1} down`} onClick={() => onChange(moveArgument(draft, i, 1))}>↓</button>
                  <button type="button" className="btn px-2" aria-label={`Remove argument ${i + 1}`} onClick={() => onChange(removeArgument(draft, i))}>✕</button>
                </div>
              </div>
              <input
                className="input mt-2"
                aria-label={`Argument ${i + 1} description`}
                placeholder="What it is, with units or conventions"
                value={arg.description}
                onChange={(e) => setArg(i, { description: e.target.value })}
              />
              {(arg.type === "float" || arg.type === "int") && (
                <div className="mt-2 grid grid-cols-2 gap-2">
                  {(["min", "max"] as const).map((bound) => (
                    <input key={bound} className={`input font-mono ${err(`arguments.${i}.${bound}`) ? "border-red-500" : ""}`} aria-label={`Argument ${i + 1} ${bound === "min" ? "minimum" : "maximum"}`}
                      placeholder={`${bound} (optional): 0, pi, 2*pi, 1e-3…`} value={boundText(arg, bound)} onChange={(e) => replaceArg(i, (a) => setBound(a, bound, e.target.value))} />
                  ))}
                </div>
              )}
              {arg.type === "str" && (
                <ParsedInput className="input mt-2" aria-label={`Argument ${i + 1} options`} placeholder="options, comma-separated (optional)" value={arg.options} {...optionsText} onChange={(v) => setArg(i, { options: v })} />
              )}
              {issuesUnder(issues, `answerSpec.arguments.${i}`).map((m) => <FieldError key={m} message={m} />)}
            </li>
          ))}
        </ol>
        <button type="button" className="btn mt-2" data-testid="spec-add-argument" onClick={() => onChange(addArgument(draft))}>
          Add argument
        </button>
      </fieldset>

      <fieldset disabled={readOnly} className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Returns</legend>
        <div className="grid grid-cols-[7rem_1fr] gap-2">
          <select className="input" aria-label="Return type" data-testid="spec-return-type" value={returns.type} onChange={(e) => changeReturns({ type: e.target.value as Returns["type"] })}>
            {[...VALUE_TYPES, "tuple" as const].map((t) => <option key={t}>{t}</option>)}
          </select>
          <input className="input" aria-label="Return description" placeholder="What the value is" value={returns.description} onChange={(e) => changeReturns({ description: e.target.value })} />
        </div>
        {returns.type === "str" && (
          <ParsedInput aria-label="Return options" placeholder="options, comma-separated (optional)" value={returns.options} {...optionsText} onChange={(v) => changeReturns({ options: v })} />
        )}
        {returns.type === "tuple" && (
          <ol className="space-y-1">
            {(returns.items ?? []).map((el, i) => (
              <li key={i} className="grid grid-cols-[4rem_7rem_1fr_auto] items-center gap-2 text-sm">
                <span className="text-stone-500">[{i}]</span>
                <select className="input" aria-label={`Element ${i} type`} value={el.type} onChange={(e) => setElement(i, { type: e.target.value as ValueType })}>
                  {VALUE_TYPES.map((t) => <option key={t}>{t}</option>)}
                </select>
                {el.type === "str" ? (
                  <ParsedInput aria-label={`Element ${i} options`} placeholder="options (optional)" value={el.options} {...optionsText} onChange={(v) => setElement(i, { options: v })} />
                ) : <span />}
                <button type="button" className="btn px-2" aria-label={`Remove element ${i}`} disabled={(returns.items ?? []).length <= 1}
                  onClick={() => changeReturns({ items: (returns.items ?? []).filter((_, j) => j !== i) })}>✕</button>
              </li>
            ))}
            <li>
              <button type="button" className="btn" onClick={() => changeReturns({ items: [...(returns.items ?? []), { type: "float" }] })}>Add element</button>
            </li>
          </ol>
        )}
        {issuesUnder(issues, "answerSpec.returns").map((m) => <FieldError key={m} message={m} />)}
      </fieldset>

      <div>
        <div className="mb-1 text-sm font-medium">Answer Requirements (as exported)</div>
        <pre data-testid="spec-skeleton" className="overflow-x-auto rounded bg-stone-100 p-2 font-mono text-xs dark:bg-stone-900">{renderSkeleton(spec)}</pre>
      </div>
    </div>
  );
}

export function FieldError({ message, testId }: { message?: string; testId?: string }) {
  if (!message) return null;
  return <p className="mt-1 text-xs text-red-700 dark:text-red-300" data-testid={testId}>{message}</p>;
}
