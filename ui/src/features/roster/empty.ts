import type { EnterpriseInput, LicenceInput, ProductInput } from '../../api/bindings'

export function emptyEnterprise(): EnterpriseInput {
  return {
    name: '',
    uscc: '',
    county: null,
    productionAddress: null,
    registeredAddress: null,
    legalRep: null,
    contact: null,
    phone: null,
    kind: 'maker',
    medical: false,
    exporter: false,
    scale: null,
    productionStatus: null,
    foundedOn: null,
    dailyCapacityWan: null,
    note: null,
  }
}

export function emptyLicence(): LicenceInput {
  return { kind: 'businessLicence', number: '', holder: null, scope: null, issuedOn: null, validUntil: null, issuer: null }
}

export function emptyProduct(): ProductInput {
  return { name: '', category: 'dailyProtective', standard: null, grade: null, specification: null, registrationCertNo: null }
}
