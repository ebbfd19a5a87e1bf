/** The JOSE `typ` of a trust bundle, so no other signed token can pass as one. */
export const TRUST_BUNDLE_TYP = 'civitas-trust-bundle+jwt'

/** Largest trust bundle read, in characters (DID documents and status lists of a region's issuers). */
export const TRUST_BUNDLE_MAX_LENGTH = 8 * 1024 * 1024

/** Most issuers and status lists in one bundle. */
export const TRUST_BUNDLE_MAX_ENTRIES = 1024
