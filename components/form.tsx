import { useCallback, useLayoutEffect, useRef, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { NEAR_LIMIT } from '@/lib/model/limits';
import { describeContentProblem, type ContentField } from '@/lib/content-problem';
import { EditableEntry } from '@/lib/model/entry';
import { validationErrorData } from '@/lib/errors';
import type { Locale } from '@/lib/i18n';
import { useI18n } from './i18n';

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

/**
 * What the CSM sees of a field's cap: nothing far from it; a counter near it; past it (only
 * fields without maxLength can get there, e.g. a pasted note), what is wrong and what to do.
 */
export function LimitHint({ length, max, field, whenOver = 'limit.overShorten' }: { length: number; max: number; field: ContentField; whenOver?: 'limit.overShorten' | 'limit.overKept' }) {
  const { t, locale, number } = useI18n();
  if (length < max * NEAR_LIMIT) return null;
  if (length <= max) {
    return <span className="muted small limit-count" data-testid="limit-count" data-field={field}>{t('limit.count', { length: number(length), max: number(max) })}</span>;
  }
  return (
    <span className="warning small limit-over" role="alert" data-testid="limit-over" data-field={field}>
      {describeContentProblem(locale, { field, problem: 'too-long', limit: max, length })}
      {locale === 'ja' ? '' : ' '}
      {t(whenOver)}
    </span>
  );
}

/** Said when a list is full, next to the button that would add to it. */
export function ListFull({ count, max, items }: { count: number; max: number; items: 'nextSteps' | 'newAttendees' | 'internalAttendees' | 'templates' | 'stakeholderFields' | 'competitorNames' | 'ownPhrases' }) {
  const { t, number } = useI18n();
  if (count < max) return null;
  return <span className="muted small" data-testid="limit-list-full" data-field={items}>{t('limit.listFull', { max: number(max), items: t(`contentList.${items}`) })}</span>;
}

/** What is wrong with an edited record before it is sent, in the user's words; null when it can be saved. */
export function entryProblem(entry: EditableEntry, locale: Locale): string | null {
  const parsed = EditableEntry.safeParse(entry);
  return parsed.success ? null : validationErrorData(parsed.error.issues, entry, locale).detail;
}

/**
 * A textarea for text of any size (a pasted note of megabytes). React's controlled textarea writes
 * the whole text into the DOM twice on every keystroke (its value, checked, and its default
 * value, always), which makes typing in a megabyte lag; this one leaves the DOM alone while the
 * CSM types and writes only a value that changed from outside (a template inserted, the form
 * cleared after a save, a draft restored).
 */
export function TextArea({ value, onText, ref, ...props }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> & {
  value: string;
  onText: (text: string) => void;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  /** What the DOM holds, as far as this component knows (the same string object as `value` while typing). */
  const shown = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (own.current && shown.current !== value) {
      own.current.value = value;
      shown.current = value;
    }
  }, [value]);
  const setRef = useCallback(
    (el: HTMLTextAreaElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  return (
    <textarea
      {...props}
      ref={setRef}
      onChange={(e) => {
        shown.current = e.target.value;
        onText(shown.current);
      }}
    />
  );
}
