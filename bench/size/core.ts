// Everything in @civitas/core.
export * from '@civitas/core'
