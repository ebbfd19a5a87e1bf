/**
 * The library options a reason may name, and the flags that set them on the command line: a person
 * at a terminal is told `--allow-http-status`, not `allowHttp`.
 */
export const FLAG_NAMES: Readonly<Record<string, string>> = {
  allowHttp: '--allow-http-status',
  allowHosts: '--allow-http-status',
  allowBearer: '--allow-bearer',
  holderBinding: '--holder-binding',
  allowLoopbackHttp: '--allow-loopback-http',
}

/** Replaces each library option named in `text`, as a whole word, with its flag. */
export function flagNamesOf(): (text: string) => string {
  const pattern = new RegExp(`\\b(${Object.keys(FLAG_NAMES).join('|')})\\b`, 'g')
  return (text) => text.replace(pattern, (name) => FLAG_NAMES[name] ?? name)
}
