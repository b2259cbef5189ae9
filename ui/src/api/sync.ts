import { Channel } from '@tauri-apps/api/core'
import { call } from './client'
import type { DocKind, NumberBlock, SyncProgressDto } from './bindings'

function channel(onProgress: (p: SyncProgressDto) => void) {
  const progress = new Channel<SyncProgressDto>()
  progress.onmessage = onProgress
  return progress
}

export const deviceShow = () => call('device_show')
export const deviceList = () => call('device_list')
export const writeIdentity = (path: string) => call('device_write_identity', { path })
export const readIdentity = (path: string) => call('device_read_identity', { path })
export const enrolDevice = (path: string) => call('device_enrol', { path })
export const revokeDevice = (id: string, reason: string) => call('device_revoke', { id, reason })
export const exportBundle = (path: string, to: string | null, onProgress: (p: SyncProgressDto) => void) =>
  call('bundle_export', { path, to, progress: channel(onProgress) })
export const importBundle = (path: string, acceptBureau: string | null, onProgress: (p: SyncProgressDto) => void) =>
  call('bundle_import', { path, acceptBureau, progress: channel(onProgress) })
export const syncStatus = () => call('sync_status')
export const bundleHistory = () => call('bundle_history')
export const syncConflicts = () => call('sync_conflicts')
export const resolveConflict = (id: number, takeOther: boolean) => call('sync_resolve', { id, takeOther })
export const syncQuarantine = () => call('sync_quarantine')
export const assignNumbers = (device: string, kind: DocKind, block: NumberBlock) =>
  call('numbers_assign', { device, kind, block })
export const numbersList = () => call('numbers_list')
export const catalogueInfo = () => call('catalogue_info')
