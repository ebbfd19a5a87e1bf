import { startLoopbackServer } from '../../examples/demo/startLoopbackServer.js'

/** A loopback HTTP server (127.0.0.1, port 0) whose answers each test can replace with `serve`. */
export async function startStatusServer() {
  let handle: (request: Request) => Promise<Response> = async () => new Response(null, { status: 404 })
  const server = await startLoopbackServer((request) => handle(request))
  return {
    ...server,
    serve(next: (request: Request) => Promise<Response>) {
      handle = next
    },
  }
}
