import { failureAnswer, jsonAnswer } from './signInAnswers.js'

/** The relying party's endpoints, each given what the route names. */
export interface SignInEndpoints {
  /** `POST <base>/response`; answers every failure itself. */
  response(request: Request): Promise<Response>
  /** `GET <base>/request/:id`. */
  requestObject(requestId: string): Promise<Response>
  /** `GET <base>/status/:id`, answered as JSON. */
  status(statusId: string): Promise<unknown>
  /** `GET <base>/result/:responseCode`, answered as JSON; only with a same-device `redirectUri`. */
  result?(responseCode: string): Promise<unknown>
}

/**
 * Routes a request under `basePath` (the mount point's path, no trailing slash) to its endpoint;
 * anything else is a 404 `not_found`. A failure of a GET endpoint is answered by its code (a 503
 * when the store is down, for the page to retry), so the handler never throws.
 */
export async function routeSignInRequest(
  request: Request,
  basePath: string,
  endpoints: SignInEndpoints,
): Promise<Response> {
  const path = new URL(request.url).pathname
  const route = path.startsWith(`${basePath}/`) ? path.slice(basePath.length + 1) : undefined
  const [name, id, extra] = route?.split('/') ?? []
  if (request.method === 'POST' && name === 'response' && id === undefined) return endpoints.response(request)
  if (request.method === 'GET' && id !== undefined && extra === undefined) {
    try {
      if (name === 'request') return await endpoints.requestObject(id)
      if (name === 'status') return jsonAnswer(200, await endpoints.status(id))
      if (name === 'result' && endpoints.result !== undefined)
        return jsonAnswer(200, await endpoints.result(id))
    } catch (error) {
      return failureAnswer(error, 'the request could not be served')
    }
  }
  return jsonAnswer(404, { error: 'not_found' })
}
