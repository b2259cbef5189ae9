import { call } from './client'
import type {
  DashboardDto,
  EnterpriseDetailDto,
  EnterpriseDto,
  EnterpriseInput,
  EnterprisePageDto,
  EnterpriseQuery,
  LicenceDto,
  LicenceInput,
  ProductDto,
  ProductInput,
} from './bindings'

export const dashboard = () => call<DashboardDto>('dashboard')
export const listEnterprises = (query: EnterpriseQuery) => call<EnterprisePageDto>('enterprise_list', { query })
export const counties = () => call<string[]>('enterprise_counties')
export const enterpriseDetail = (id: string) => call<EnterpriseDetailDto>('enterprise_detail', { id })
export const createEnterprise = (input: EnterpriseInput) => call<EnterpriseDto>('enterprise_create', { input })
export const updateEnterprise = (id: string, input: EnterpriseInput) =>
  call<EnterpriseDto>('enterprise_update', { id, input })
export const voidEnterprise = (id: string, reason: string) => call<EnterpriseDto>('enterprise_void', { id, reason })
export const saveLicence = (enterpriseId: string, id: string | null, input: LicenceInput) =>
  call<LicenceDto>('licence_save', { enterpriseId, id, input })
export const voidLicence = (id: string, reason: string) => call<null>('licence_void', { id, reason })
export const saveProduct = (enterpriseId: string, id: string | null, input: ProductInput) =>
  call<ProductDto>('product_save', { enterpriseId, id, input })
export const voidProduct = (id: string, reason: string) => call<null>('product_void', { id, reason })
