import { call } from './client'

export const appendix4 = (from: string | null, to: string | null) => call('stats_appendix4', { from, to })
export const appendix5 = (from: string | null, to: string | null) => call('stats_appendix5', { from, to })
export const exportAppendix = (appendix: number, from: string | null, to: string | null, path: string) =>
  call('stats_export', { appendix, from, to, path })
