/** The longest credential token verification reads unless told otherwise: 256 KiB. */
export const CREDENTIAL_MAX_LENGTH = 262_144
/** The longest presentation token verification reads unless told otherwise: 1 MiB. */
export const PRESENTATION_MAX_LENGTH = 1_048_576
