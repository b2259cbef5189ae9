// Turns an AppError's field errors into one message per field, in the current language.
import type { AppError, Field } from '../api/bindings'

type Translate = (key: string, params?: Record<string, unknown>) => string

export function fieldErrors(err: AppError, t: Translate): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {}
  for (const f of err.fields) {
    const sentence = t(`rules.${f.rule}`, { field: t(`fields.${f.field}`), detail: f.detail })
    out[f.field] = out[f.field] ? `${out[f.field]}；${sentence}` : sentence
  }
  return out
}

/** A one-line summary for errors that are not about a field (the code's sentence, then the detail). */
export function errorSummary(err: AppError | unknown, t: Translate): string {
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const e = err as AppError
    return `${t(`errors.${e.code}`)}：${e.message}`
  }
  // A fault in the window itself, not an answer from the app: say so rather than hide it.
  return String(err)
}
