import { CivitasError, type CivitasErrorCode, type JsonObject } from '@civitas/core'
import type { CheckExpectations, Report } from '../../types.js'
import type { CreateVerifierPoolOptions } from '../types.js'

/** From the pool to a worker. */
export type PoolRequest =
  | { type: 'init'; options: Omit<CreateVerifierPoolOptions, 'size' | 'resourceLimits'> }
  | { type: 'check'; id: number; input: string; expectations: CheckExpectations }

/** From a worker to the pool. */
export type PoolResponse =
  | { type: 'ready' }
  | { type: 'report'; id: number; report: WireReport }
  | { type: 'failed'; error: WireError }

/** A CivitasError as plain data (structured cloning keeps only an Error's message and stack). */
export interface WireError {
  code: CivitasErrorCode
  message: string
  details: JsonObject
}

/** A report whose errors travel as plain data. */
export type WireReport = Omit<Report, 'error' | 'credentials'> & {
  error?: WireError
  credentials?: WireReport[]
}

/** A CivitasError as plain data; details that are not JSON are dropped. */
export function toWireError(error: CivitasError): WireError {
  let details: JsonObject = {}
  try {
    details = JSON.parse(JSON.stringify(error.details)) as JsonObject
  } catch {}
  return { code: error.code, message: error.message, details }
}

/** A report ready to post to another thread. */
export function toWireReport(report: Report): WireReport {
  const { error, credentials, ...rest } = report
  return {
    ...rest,
    ...(error === undefined ? {} : { error: toWireError(error) }),
    ...(credentials === undefined ? {} : { credentials: credentials.map(toWireReport) }),
  }
}

/** A report as `createVerifier` gives it, rebuilt from another thread's message. */
export function fromWireReport(report: WireReport): Report {
  const { error, credentials, ...rest } = report
  return {
    ...rest,
    ...(error === undefined ? {} : { error: fromWireError(error) }),
    ...(credentials === undefined ? {} : { credentials: credentials.map(fromWireReport) }),
  }
}

/** The CivitasError a wire error stands for. */
export function fromWireError(error: WireError): CivitasError {
  return new CivitasError(error.code, error.message, { details: error.details })
}
