import { call } from './client'
import type { AppendixChoice } from './bindings'

export const appendix4 = (from: string | null, to: string | null, unit: string | null) => call('stats_appendix4', { from, to, unit })
export const appendix5 = (from: string | null, to: string | null, unit: string | null) => call('stats_appendix5', { from, to, unit })
export const exportAppendix = (appendix: AppendixChoice, from: string | null, to: string | null, unit: string | null, path: string) =>
  call('stats_export', { appendix, from, to, unit, path })
export const rollup = (from: string | null, to: string | null) => call('stats_rollup', { from, to })
export const exportRollup = (from: string | null, to: string | null, path: string) => call('stats_rollup_export', { from, to, path })
export const previewSentReport = (path: string, from: string | null, to: string | null, unit: string | null) =>
  call('stats_receive_preview', { path, from, to, unit })
export const applySentReport = (path: string, from: string | null, to: string | null, unit: string | null) =>
  call('stats_receive_apply', { path, from, to, unit })
export const statsCharts = (from: string | null, to: string | null, unit: string | null) => call('stats_charts', { from, to, unit })
export const saveChartPng = (path: string, dataUrl: string) => call('chart_save_png', { path, dataUrl })
