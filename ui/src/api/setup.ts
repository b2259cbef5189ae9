import { call } from './client'
import type { ProfileInput } from './bindings'

export const setupStatus = () => call('setup_status')
// Answers once the data directory's opening has settled: whether the file is damaged.
export const setupStatusSettled = () => call('setup_status_settled')
export const loadDemo = (enterprises: number) => call('load_demo', { enterprises })
export const updateProfile = (input: ProfileInput) => call('profile_update', { input })
export const backupList = () => call('backup_list')
export const backupToFolder = (folder: string) => call('backup_to_folder', { folder })
export const restoreBackup = (file: string) => call('backup_restore', { file })
