// Browser tests drive Debian's Chromium through playwright-core. This installs it when missing,
// so a fresh machine needs no manual step; elsewhere (not Debian, no apt) it says what to do.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'

if (existsSync(CHROMIUM)) process.exit(0)
const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n']
const run = (args) => {
  const [command, ...rest] = [...asRoot, ...args]
  execFileSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
}
try {
  console.log('Installing Chromium from Debian packages for the browser tests (one time)…')
  run(['apt-get', 'update', '-qq'])
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'])
} catch (error) {
  console.error(
    `Could not install Chromium (${error.message}). Install Debian's "chromium" package so that ${CHROMIUM} exists.`,
  )
  process.exit(1)
}
