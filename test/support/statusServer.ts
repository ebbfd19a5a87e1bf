import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeListener } from '@civitas/status-list/node'

/** A loopback HTTP server (127.0.0.1, port 0) whose answers each test can replace with `serve`. */
export async function startStatusServer() {
  let handle: (request: Request) => Promise<Response> = async () => new Response(null, { status: 404 })
  let listener: ReturnType<typeof createNodeListener> | undefined
  const server: Server = createServer((req, res) => listener?.(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  listener = createNodeListener((request) => handle(request), { origin })
  return {
    origin,
    serve(next: (request: Request) => Promise<Response>) {
      handle = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
