"use client";
// A text input for a value that is stored parsed (a number, a list of options): the typed text is kept
// locally, so "1e-" or "a, " survive typing, and is replaced only when the stored value changes from outside.
import { useState } from "react";

type Props<T> = {
  value: T;
  format: (value: T) => string;
  parse: (text: string) => T;
  onChange: (value: T) => void;
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">;

export function ParsedInput<T>({ value, format, parse, onChange, className, ...rest }: Props<T>) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value && JSON.stringify(parse(text)) !== JSON.stringify(value)) {
    setSeen(value);
    setText(format(value));
  }
  return (
    <input
      {...rest}
      className={className ?? "input"}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parse(e.target.value);
        setSeen(parsed);
        onChange(parsed);
      }}
    />
  );
}

export const optionsText = {
  format: (v: string[] | undefined) => (v ? v.join(", ") : ""),
  parse: (t: string): string[] | undefined => {
    const list = t.split(",").map((s) => s.trim()).filter(Boolean);
    return list.length ? list : undefined;
  },
};
