import type { ReactNode } from 'react';

/** A label around its control, so every input is named for screen readers and clicks. */
export function Field({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <label className={`field-control ${className ?? ''}`}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  render: (option: T) => string;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <Field label={props.label}>
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => {
          const picked = props.options.find((o) => o === e.target.value);
          if (picked !== undefined) props.onChange(picked);
        }}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>{props.render(option)}</option>
        ))}
      </select>
    </Field>
  );
}
