import { startLoopbackServer } from '@civitas/cli/demo'

/**
 * A loopback HTTP server (127.0.0.1, port 0) whose answers each test can replace with `serve`;
 * `requests` counts what it received.
 */
export async function startStatusServer() {
  let handle: (request: Request) => Promise<Response> = async () => new Response(null, { status: 404 })
  let requests = 0
  const server = await startLoopbackServer((request) => {
    requests++
    return handle(request)
  })
  return {
    origin: server.origin,
    close: server.close,
    get requests() {
      return requests
    },
    serve(next: (request: Request) => Promise<Response>) {
      handle = next
    },
  }
}
