// Turns an AppError's field errors into one message per field, in the current language.
import type { AppError, Field, FieldError } from '../api/bindings'
import { i18n } from '../i18n'

type Translate = (key: string, params?: Record<string, unknown>) => string

function sentence(f: FieldError, t: Translate): string {
  return t(`rules.${f.rule}`, { field: t(`fields.${f.field}`), detail: f.detail })
}

export function fieldErrors(err: AppError, t: Translate): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {}
  for (const f of err.fields) {
    const s = sentence(f, t)
    out[f.field] = out[f.field] ? `${out[f.field]}；${s}` : s
  }
  return out
}

/** Every broken rule as one line in the current language (a quarantined row's reasons). */
export function ruleSentences(fields: FieldError[], t: Translate): string {
  return fields.map((f) => sentence(f, t)).join('；')
}

/**
 * A one-line summary for errors that are not about a field. The Chinese window adds the app's own Chinese
 * sentence; any other language builds it from the closed code, the entity and the subject (a path or an id), so no
 * Chinese text from Rust reaches it.
 */
export function errorSummary(err: AppError | unknown, t: Translate, locale: string = i18n.global.locale.value): string {
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const e = err as AppError
    if (locale === 'zh-CN') return `${t(`errors.${e.code}`)}：${e.message}`
    const entity = e.entity ? ` (${t(`entities.${e.entity}`)})` : ''
    const subject = e.subject ? `: ${e.subject}` : ''
    return `${t(`errors.${e.code}`)}${entity}${subject}`
  }
  // A fault in the window itself, not an answer from the app: say so rather than hide it.
  return String(err)
}
