import { describe, expect, it } from 'vitest'
import { formatDate, formatWan } from '../format'
import { errorSummary, fieldErrors, ruleSentences } from '../fieldErrors'
import zhCN from '../../i18n/zh-CN'
import en from '../../i18n/en'
import type { AppError, Entity, ErrorCode } from '../../api/bindings'

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
      entity: null,
      subject: null,
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

describe('ruleSentences', () => {
  const translator = (messages: object) => (key: string, params: Record<string, unknown> = {}) => {
    const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages)
    return String(value).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''))
  }
  const quarantined = [
    { field: 'uscc', rule: 'usccCheckChar', detail: '应为 3，实际为 4' },
    { field: 'inspectors', rule: 'tooFewInspectors', detail: '1' },
    { field: 'content', rule: 'unknownValue', detail: 'content: missing field' },
  ] as const
  it('words a quarantined row\'s broken rules in Chinese', () => {
    expect(ruleSentences([...quarantined], translator(zhCN))).toBe(
      '统一社会信用代码校验位错误（应为 3，实际为 4）；执法人员至少需要两名并填写执法证号（现有 1 名）；记录内容的取值无法识别（content: missing field）',
    )
  })
  it('and in English, with every field and rule named', () => {
    const sentence = ruleSentences([...quarantined], translator(en))
    expect(sentence).not.toMatch(/undefined|fields\.|rules\./)
    expect(sentence).toContain('Record content')
  })
})

describe('errorSummary', () => {
  const translator = (messages: object) => (key: string) =>
    String(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages))
  const codes = Object.keys(zhCN.errors) as ErrorCode[]
  const entities = Object.keys(zhCN.entities) as Entity[]
  const chinese = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/
  it.each(codes.flatMap((code) => entities.map((entity) => [code, entity] as const)))(
    'the English window never shows the Rust Chinese sentence (%s, %s)',
    (code, entity) => {
      const err: AppError = { code, message: '未找到企业：e1', fields: [], entity, subject: '/home/a/名录.xlsx' }
      const sentence = errorSummary(err, translator(en), 'en')
      expect(sentence.replace('/home/a/名录.xlsx', '')).not.toMatch(chinese)
      expect(sentence).toContain('/home/a/名录.xlsx')
      expect(errorSummary(err, translator(zhCN), 'zh-CN')).toContain('未找到企业：e1')
    },
  )
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
