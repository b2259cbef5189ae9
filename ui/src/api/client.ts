// The one place that talks to Tauri. Every command returns its DTO or throws an AppError (see bindings.ts). Command
// names, arguments and results are typed from Rust (commands.ts): a renamed command or argument fails vue-tsc.
import { invoke } from '@tauri-apps/api/core'
import type { AppError } from './bindings'
import type { Commands } from './commands'

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e && 'fields' in e
}

// How long after the page's start its IPC calls are kept as performance measures (see `call`).
const TRACE_MS = 10_000

type Args<K extends keyof Commands> = Commands[K]['args']

export async function call<K extends keyof Commands>(
  command: K,
  ...args: Args<K> extends Record<string, never> ? [] : [Args<K>]
): Promise<Commands[K]['returns']> {
  // The first seconds' calls are kept as performance measures, the start-up trace tests/examples/startup.rs reads
  // (bounded: nothing is recorded later, so the buffer does not grow with a day's work).
  const started = performance.now()
  const traced = started < TRACE_MS
  try {
    return await invoke<Commands[K]['returns']>(command, args[0])
  } catch (e) {
    if (isAppError(e)) throw e
    // A failure outside maskcheck-app (IPC itself): surface it in the same shape.
    const err: AppError = { code: 'io', message: String(e), fields: [], entity: null, subject: String(e) }
    throw err
  } finally {
    if (traced) performance.measure(`ipc ${command}`, { start: started, end: performance.now() })
  }
}

