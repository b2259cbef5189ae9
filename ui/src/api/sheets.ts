import { Channel } from '@tauri-apps/api/core'
import { call } from './client'
import type { ImportOptions, ProgressDto } from './bindings'

export const importPreview = (options: ImportOptions) => call('roster_import_preview', { options })

export function importCommit(options: ImportOptions, onProgress: (p: ProgressDto) => void) {
  const progress = new Channel<ProgressDto>()
  progress.onmessage = onProgress
  return call('roster_import_commit', { options, progress })
}

export const cancelTask = () => call('task_cancel')
export const exportRoster = (path: string, appendix3: boolean) =>
  call('roster_export', { path, appendix3 })
