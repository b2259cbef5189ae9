// A deep copy of reactive data. structuredClone throws on Vue's proxies, so unwrap first; DTOs are plain JSON.
import { toRaw } from 'vue'

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(toRaw(value))) as T
}
