import { describe, expect, it } from 'vitest'
import { formatDate, formatWan } from '../format'
import { fieldErrors } from '../fieldErrors'
import zhCN from '../../i18n/zh-CN'
import en from '../../i18n/en'
import type { AppError } from '../../api/bindings'

describe('formatDate', () => {
  it.each([
    ['2026-11-23', '2026年11月23日'],
    ['2021-03-05', '2021年3月5日'],
    [null, ''],
    ['garbage', 'garbage'],
  ])('%s → %s', (input, want) => expect(formatDate(input)).toBe(want))
})

describe('formatWan', () => {
  it.each([
    [1.5, '1.50'],
    [0, '0.00'],
    [null, ''],
  ])('%s → %s', (input, want) => expect(formatWan(input)).toBe(want))
})

describe('fieldErrors', () => {
  // A tiny translator over the real zh-CN messages.
  const t = (key: string, params: Record<string, unknown> = {}) => {
    const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhCN)
    return String(value).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''))
  }
  it('names the field and the rule in Chinese', () => {
    const err: AppError = {
      code: 'validation',
      message: '',
      fields: [
        { field: 'uscc', rule: 'usccCheckChar', detail: '应为 3，实际为 4' },
        { field: 'name', rule: 'required', detail: '' },
      ],
    }
    expect(fieldErrors(err, t)).toEqual({
      uscc: '统一社会信用代码校验位错误（应为 3，实际为 4）',
      name: '名称为必填项',
    })
  })
})

describe('messages', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
  it('en has exactly the keys of zh-CN, no message empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
    const value = (o: object, key: string) =>
      key.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o)
    for (const k of keys(en)) expect(String(value(en, k)).trim(), k).not.toBe('')
    for (const k of keys(zhCN)) expect(String(value(zhCN, k)).trim(), k).not.toBe('')
  })
})
