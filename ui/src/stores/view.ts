// View state only: which page is open, the navigation's width, the roster's filters. Data stays in the backend.
import { defineStore } from 'pinia'
import type { EnterpriseKind, LicenceFilter } from '../api/bindings'

export type Page = 'dashboard' | 'roster' | 'inspections' | 'inspection' | 'documents' | 'samples' | 'cases' | 'stats' | 'sync' | 'settings'

export const useViewStore = defineStore('view', {
  state: () => ({
    page: 'dashboard' as Page,
    navCollapsed: false,
    inspectionId: null as string | null,
    roster: {
      text: '',
      county: '',
      kind: null as EnterpriseKind | null,
      licence: null as LicenceFilter | null,
      includeVoided: false,
      page: 1,
      pageSize: 50,
    },
  }),
  actions: {
    open(page: Page) {
      this.page = page
    },
    openInspection(id: string) {
      this.inspectionId = id
      this.page = 'inspection'
    },
    openRosterFiltered(licence: LicenceFilter | null) {
      this.roster = { ...this.roster, text: '', county: '', kind: null, licence, page: 1 }
      this.page = 'roster'
    },
  },
})
