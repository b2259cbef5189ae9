// The one place that talks to Tauri. Every command returns its DTO or throws an AppError (see bindings.ts).
import { invoke } from '@tauri-apps/api/core'
import type { AppError } from './bindings'

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e && 'fields' in e
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    if (isAppError(e)) throw e
    // A failure outside maskcheck-app (IPC itself): surface it in the same shape.
    const err: AppError = { code: 'io', message: String(e), fields: [], entity: null, subject: String(e) }
    throw err
  }
}
