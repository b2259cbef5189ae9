// The case categories of appendix 4, in the appendix's order, for the case form and the cases page's filter.
// A Record over the generated union: adding a category to the Rust enum fails the type check until it is placed here.
import type { CaseCategory } from '../../api/bindings'

const order: Record<CaseCategory, number> = {
  price: 0,
  quality: 1,
  unfairCompetition: 2,
  intellectualProperty: 3,
  drugDeviceQualification: 4,
  falseAdvertising: 5,
  other: 6,
}

export const caseCategories: readonly CaseCategory[] = (Object.keys(order) as CaseCategory[]).sort(
  (a, b) => order[a] - order[b],
)
