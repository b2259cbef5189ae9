// Opening, locking and encrypting the data directory; recovery of a forgotten passphrase through the bureau.
import { call } from './client'
import type { ProfileInput } from './bindings'

export const session = () => call('session')
export const unlock = (passphrase: string) => call('unlock', { passphrase })
export const lock = () => call('lock')
/** First run: `passphrase: null` only when the inspector ticked "do not encrypt". */
export const createDataDir = (input: ProfileInput, passphrase: string | null, confirm: string | null) =>
  call('setup', { input, passphrase, confirm })
export const encryptDataDir = (passphrase: string, confirm: string) => call('encrypt_data_dir', { passphrase, confirm })
export const changePassphrase = (old: string, next: string, confirm: string) =>
  call('passphrase_change', { old, new: next, confirm })
export const setIdleLock = (minutes: number) => call('idle_lock_set', { minutes })
export const writeRecoveryFile = (out: string) => call('recovery_file_write', { out })
export const openRecoveryFile = (file: string, passphrase: string, confirm: string, out: string) =>
  call('recovery_open', { file, passphrase, confirm, out })
export const installRecoveredKey = (file: string, passphrase: string) => call('recovery_install', { file, passphrase })
