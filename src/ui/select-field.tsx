import type { ChangeEvent } from "react";
import { Field } from "./field";

/** One choice of a select: the value the app keeps and the words the user reads. */
export interface SelectOption<T extends string | number> {
  value: T;
  label: string;
  /** Options with a group are listed under its name (an <optgroup>), groups in the order they first appear. */
  group?: string;
}

/** The options in runs of the same group, in order of first appearance. */
function groupOptions<T extends string | number>(options: readonly SelectOption<T>[]): { group?: string; options: SelectOption<T>[] }[] {
  const runs: { group?: string; options: SelectOption<T>[] }[] = [];
  for (const option of options) {
    const run = runs.find((candidate) => candidate.group === option.group);
    if (run) run.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs;
}

interface SelectProps<T extends string | number> {
  value: T;
  options: readonly SelectOption<T>[];
  /** Called with the chosen option's own value (a number stays a number), never with an unknown one. */
  onChange: (value: T) => void;
  testId: string;
  className?: string;
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/** A native <select> over typed options: keyboard-usable and announced without extra ARIA. */
export function Select<T extends string | number>({ value, options, onChange, testId, className = "input", ...aria }: SelectProps<T>) {
  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = options.find((option) => String(option.value) === event.target.value);
    if (chosen) onChange(chosen.value);
  };
  return (
    <select {...aria} className={className} value={value} data-testid={testId} onChange={choose}>
      {groupOptions(options).map(({ group, options: members }) => {
        const rendered = members.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ));
        return group === undefined ? rendered : (
          <optgroup key={group} label={group}>
            {rendered}
          </optgroup>
        );
      })}
    </select>
  );
}

interface SelectFieldProps<T extends string | number> extends Omit<SelectProps<T>, "id" | "aria-describedby" | "aria-invalid" | "className"> {
  label: string;
  hint?: string;
}

/** A labelled select with an optional hint (Field's label, hint and ids around a Select). */
export function SelectField<T extends string | number>({ label, hint, ...select }: SelectFieldProps<T>) {
  return (
    <Field label={label} hint={hint}>
      {(props) => <Select {...props} {...select} />}
    </Field>
  );
}
