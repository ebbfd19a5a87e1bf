/** The loopback host names a local issuer's status lists are served from. */
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '::1', 'localhost']

/**
 * The verifier's status options for `--allow-http-status`: status lists over plain http, and from
 * loopback hosts past the address guard every list fetch goes through (local servers only).
 */
export function statusFetch(flags: { allowHttpStatus?: boolean }) {
  return flags.allowHttpStatus === true ? { status: { allowHttp: true, allowHosts: LOOPBACK_HOSTS } } : {}
}
