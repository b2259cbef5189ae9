import { ref, watch, type Ref } from 'vue'

// A dialog or drawer mounted the first time it opens, then kept: what a page never opens costs the page nothing at
// start (its component and the code only it uses load with it), and once opened it keeps its state as before.
export function useOpenedOnce(open: Ref<boolean>): Ref<boolean> {
  const opened = ref(open.value)
  watch(open, (now) => {
    if (now) opened.value = true
  })
  return opened
}
