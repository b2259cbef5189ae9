// The profile of this installation, loaded once at start and after setup.
import { ref } from 'vue'
import type { AppError, EncryptionDto, ProfileDto } from '../api/bindings'

export const profile = ref<ProfileDto | null>(null)
/** Bumped when a bundle goes out or comes in, so what shows sync state (the top bar) reloads. */
export const syncChanged = ref(0)
/** The bureau's legal-basis catalogue was refused at start (documents cannot be issued until it is fixed). */
export const catalogueError = ref<AppError | null>(null)
/** What the integrity check found wrong with the database at start: the app is read-only until a backup is restored. */
export const damaged = ref<string[] | null>(null)
/** Encrypted and locked (at start, or after the idle lock): the unlock screen shows instead of the app. */
export const locked = ref(false)
/** How the data directory is kept: plain (a warning stays in view), or encrypted with its idle lock. */
export const encryption = ref<EncryptionDto | null>(null)
